import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { liveColumns, type LiveColumns } from '$lib/engine/query.svelte';
import { column } from '$lib/engine/columns';
import type { PrefetchedColumns } from '$lib/engine/prefetch';
import {
	compareSql,
	defaultDistrictsSql,
	parseExploreMetric,
	type ExploreMetric
} from '$lib/metrics/explore';
import { districtListSql, statisticIndicatorsSql } from '$lib/metrics/catalog';

export interface ExplorePrefetch {
	queries: PrefetchedColumns;
}

export type CompareView = 'lineas' | 'multiples';

const UBIGEO = /^\d{6}$/;

interface Inputs {
	/** The page's query string (empty while prerendering). */
	search: () => URLSearchParams;
	prefetched: () => ExplorePrefetch | null;
}

/**
 * The comparison of /explorar, from its URL: `metrica` (see
 * `parseExploreMetric`), `distrito` (repeated; default: four districts the
 * data suggest) and `vista` (`lineas` or `multiples`).
 */
export class ExploreModel {
	#inputs: Inputs;
	readonly defaults: LiveColumns;
	readonly districtList: LiveColumns;
	readonly statistics: LiveColumns;
	readonly compare: LiveColumns;

	metric: ExploreMetric = $derived.by(() =>
		parseExploreMetric(this.#inputs.search().get('metrica'))
	);
	view: CompareView = $derived.by(() =>
		this.#inputs.search().get('vista') === 'multiples' ? 'multiples' : 'lineas'
	);
	/** The districts the URL names (valid codes, no repeats). */
	asked: string[] = $derived.by(() =>
		this.#inputs
			.search()
			.getAll('distrito')
			.filter((u, i, all) => UBIGEO.test(u) && all.indexOf(u) === i)
	);
	ubigeos: string[] = $derived.by(() =>
		this.asked.length ? this.asked : column<string>(this.defaults.data, 'ubigeo')
	);

	constructor(inputs: Inputs) {
		this.#inputs = inputs;
		const prefetched = (key: string) => inputs.prefetched()?.queries[key];
		this.defaults = liveColumns(() => defaultDistrictsSql(), { prefetched });
		this.districtList = liveColumns(() => districtListSql(), { prefetched });
		this.statistics = liveColumns(() => statisticIndicatorsSql(), { prefetched });
		this.compare = liveColumns(() => compareSql(this.metric, this.ubigeos), { prefetched });
	}

	/** Navigates to the comparison with these changes; the console's query stays in the URL. */
	go(change: { metric?: string; districts?: string[]; view?: CompareView }): Promise<void> {
		// a one-off copy to build the next address, not reactive state
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const p = new URLSearchParams(this.#inputs.search());
		if (change.metric !== undefined) p.set('metrica', change.metric);
		if (change.districts !== undefined) {
			p.delete('distrito');
			for (const u of change.districts) p.append('distrito', u);
		}
		if (change.view !== undefined) {
			if (change.view === 'multiples') p.set('vista', 'multiples');
			else p.delete('vista');
		}
		const q = p.toString();
		// the same page with another query string: its path is resolved
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		return goto(`${resolve('/explorar')}${q ? `?${q}` : ''}`, { keepFocus: true, noScroll: true });
	}
}
