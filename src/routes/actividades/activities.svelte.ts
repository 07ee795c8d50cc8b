import { pushState } from '$app/navigation';
import { localToday } from '$lib/clock';
import { resolve } from '$app/paths';
import { activityCube } from '$lib/activities/cube.svelte';
import { crossIndexes, type IndexBasis } from '$lib/activities/cross-index';
import { liveColumns, type LiveColumns } from '$lib/engine/query.svelte';
import { column } from '$lib/engine/columns';
import type { PrefetchedColumns } from '$lib/engine/prefetch';
import { engineState } from '$lib/engine/state.svelte';
import type { Engine } from '$lib/engine/types';
import {
	activityRowsSql,
	activityYearsSql,
	breakdownsSql,
	CATEGORY_DIMS,
	districtChoicesSql,
	districtsSql,
	activityFiguresSql,
	partnerChoicesSql,
	shapeNeighbours,
	trendSql,
	type ActivityFilters,
	type ViewOptions
} from '$lib/metrics/activity-cube';
import { ALLOWED, PAGE_SIZE, parseUrl, toFilters, type UrlState } from './url-state';

/** A row of `districtsSql`. */
export type DistrictRow = {
	ubigeo: string;
	name: string;
	province: string;
	grid_row: number | null;
	grid_col: number | null;
	migrant_population: number | null;
	activities: number;
	participants: number;
	migrants: number;
	reach_per_1000_migrants: number | null;
};

/** What the build computed for the default view (no query string). */
export interface ActivitiesPrefetch {
	queries: PrefetchedColumns;
}

/** The current calendar year (only used when no activity is loaded at all). */
function thisYear(): number {
	return Number(localToday().slice(0, 4));
}

interface Inputs {
	/** The page's query string (empty while prerendering). */
	search: () => URLSearchParams;
	prefetched: () => ActivitiesPrefetch | null;
}

/** The props of every view of /actividades. */
export interface ViewProps {
	/** The page model (required). */
	model: ActivitiesModel;
}

/**
 * Every query of /actividades, built from the URL. The views read the
 * activities cube (built here when the data change); the choices of the
 * filters and the activity table read the tables directly.
 */
export class ActivitiesModel {
	#inputs: Inputs;
	readonly years: LiveColumns;
	readonly districtChoices: LiveColumns;
	readonly partnerChoices: LiveColumns;
	readonly keyFigures: LiveColumns;
	readonly trend: LiveColumns;
	/** The five breakdowns in one query (`dim, key, activities, participants`). */
	readonly breakdowns: LiveColumns;
	readonly districts: LiveColumns;
	readonly table: LiveColumns;

	state: UrlState = $derived.by(() => parseUrl(this.#inputs.search(), ALLOWED));

	/** The latest year with activities (the default period), or null when there is none. */
	latestYear = $derived.by(() => {
		const years = column<number>(this.years.data, 'year');
		return years.length ? years[0] : null;
	});

	filters: ActivityFilters | null = $derived.by(() => {
		if (this.latestYear !== null) return toFilters(this.state, this.latestYear);
		// no activity at all: the views show their empty states for this year
		if (this.years.live) return toFilters(this.state, thisYear());
		return null;
	});

	/** The cube matches the loaded data. */
	cubeReady = $derived(activityCube.readyFor(engineState.dataVersion));

	/** The charts' statements, by view: key figures, trend, breakdowns, districts. */
	#chartSql = {
		keyFigures: (f: ActivityFilters, o: ViewOptions) => activityFiguresSql(f, o),
		trend: (f: ActivityFilters, o: ViewOptions) => trendSql(f, this.state.stacked, o),
		breakdowns: (f: ActivityFilters, o: ViewOptions) => breakdownsSql(f, o),
		districts: (f: ActivityFilters, o: ViewOptions) => districtsSql(f, o)
	};

	#indexBasis(): IndexBasis {
		return { version: engineState.dataVersion, districtBits: activityCube.districtBits };
	}

	/**
	 * The indexes are looked up when the selection changes (`crossIndexes` is not
	 * reactive): a selection already answered is not asked again as they fill.
	 */
	#viewOptions(f: ActivityFilters): ViewOptions {
		const basis = this.#indexBasis();
		return { districtBits: basis.districtBits, index: crossIndexes.usable(f, basis) };
	}

	/** The charts settled and a frame was drawn since (see the constructor). */
	#chartsPainted = $state(false);

	/** The next click is prepared for: the cross-filter indexes filled, its statements planned. */
	nextClickReady = $state(false);

	/** The charts' options for the selection on screen, looked up once per selection. */
	#options = $derived.by(() => (this.filters ? this.#viewOptions(this.filters) : {}));

	/** The category whose cross-filter indexes the charts read, if any (after a click in it). */
	index = $derived(this.#options.index);

	constructor(inputs: Inputs) {
		this.#inputs = inputs;
		const prefetched = (key: string) => inputs.prefetched()?.queries[key];
		const cube = { prefetched, enabled: () => this.cubeReady };
		const withFilters =
			<T>(build: (f: ActivityFilters) => T) =>
			() =>
				this.filters ? build(this.filters) : null;

		this.years = liveColumns(() => activityYearsSql(), { prefetched });
		this.districtChoices = liveColumns(() => districtChoicesSql(), { prefetched });
		this.partnerChoices = liveColumns(() => partnerChoicesSql(), { prefetched });
		// Created in this order, so the worker answers the charts before the table.
		const chart = (view: 'keyFigures' | 'trend' | 'breakdowns' | 'districts') =>
			liveColumns(
				withFilters((f) => this.#chartSql[view](f, this.#options)),
				cube
			);
		this.keyFigures = chart('keyFigures');
		this.trend = chart('trend');
		this.breakdowns = chart('breakdowns');
		this.districts = chart('districts');
		this.table = liveColumns(
			withFilters((f) =>
				activityRowsSql(f, this.state.sort, {
					limit: PAGE_SIZE,
					offset: (this.state.page - 1) * PAGE_SIZE
				})
			),
			// after the charts are painted: on a million rows its scan would hold them up
			{ prefetched, enabled: () => this.settled && this.#chartsPainted }
		);

		// A frame after the charts settle, so the table's scan does not share the
		// two cores with drawing them.
		$effect(() => {
			if (!this.settled) {
				this.#chartsPainted = false;
				return;
			}
			let cancelled = false;
			requestAnimationFrame(() =>
				setTimeout(() => {
					if (!cancelled) this.#chartsPainted = true;
				})
			);
			return () => (cancelled = true);
		});

		// Once everything is answered, get the next click ready, whichever it is: fill
		// the cross-filter indexes a click in a category reads, then plan the statements
		// of the selections one click away (planning a new statement cost a click tens
		// of milliseconds). One statement at a time, so a click waits for one at most.
		$effect(() => {
			const engine = engineState.engine;
			const f = this.filters;
			if (!engine || !f || !this.cubeReady || !this.settled) return;
			if (!this.table.current || this.table.loading) return;
			const basis = this.#indexBasis();
			let cancelled = false;
			const stop = () => cancelled;
			void this.#prepareNextClick(engine, f, basis, stop).then(() => {
				if (!cancelled) this.nextClickReady = true;
			});
			return () => {
				cancelled = true;
				this.nextClickReady = false;
			};
		});

		// The cube follows the data: built once the engine has loaded them, rebuilt after a change.
		$effect(() => {
			const engine = engineState.engine;
			const version = engineState.dataVersion;
			if (engine && engineState.phase === 'ready') void activityCube.ensure(engine, version);
		});
	}

	async #prepareNextClick(
		engine: Engine,
		f: ActivityFilters,
		basis: IndexBasis,
		cancelled: () => boolean
	): Promise<void> {
		await crossIndexes.refresh(engine, f, basis, cancelled);
		if (!engine.plan) return;
		// the selections whose statements differ in shape, and one more value in each
		// category (a list read from an index may outgrow its placeholders)
		const next = [
			...shapeNeighbours(f),
			...CATEGORY_DIMS.map((dim) => ({ ...f, [dim]: [...f[dim], '+'] }))
		];
		const builders = Object.values(this.#chartSql);
		const texts = next.flatMap((g) => {
			const options = this.#viewOptions(g);
			return builders.map((build) => build(g, options).sql);
		});
		for (const [i, sql] of texts.entries()) {
			if (cancelled()) return;
			if (texts.indexOf(sql) === i) await engine.plan(sql);
		}
	}

	/** The views a filter click updates (not the table, which follows them). */
	get charts(): LiveColumns[] {
		return [this.keyFigures, this.trend, this.breakdowns, this.districts];
	}

	/** Every chart shows the answer to the current selection. */
	get settled(): boolean {
		return this.charts.every((q) => q.current && !q.loading);
	}

	/** Every chart shows what DuckDB in this browser computed (not the prerendered figures). */
	get live(): boolean {
		return this.charts.every((q) => q.live);
	}

	/**
	 * Go to another state: a new history entry, so the back button undoes a
	 * selection. A shallow entry (the query string lives in `page.state` as
	 * well as in the address bar): a full navigation would cost tens of
	 * milliseconds of every filter click for nothing, since no load re-runs.
	 */
	navigate(next: string): Promise<void> {
		// the same page with another query string: its path is resolved
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		pushState(`${resolve('/actividades')}${next}`, { actividades: next });
		return Promise.resolve();
	}
}
