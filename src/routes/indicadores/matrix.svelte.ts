import { Query, liveColumns, type LiveColumns } from '$lib/engine/query.svelte';
import { rowsOf } from '$lib/engine/columns';
import type { Row } from '$lib/engine/types';
import type { PrefetchedColumns } from '$lib/engine/prefetch';
import { roundsSql } from '$lib/metrics/assessment';
import { districtListSql } from '$lib/metrics/catalog';
import {
	matrixCellsSql,
	matrixDistrictsSql,
	matrixSummarySql,
	provincesSql,
	type MatrixFilter
} from '$lib/metrics/indicator-matrix';
import { urlParam } from '$lib/url-state.svelte';
import { parseDomain, parseSort } from './params';

export interface SummaryRow extends Row {
	indicator_id: string;
	domain: number;
	text_es: string | null;
	text_en: string | null;
	guidance_es: string | null;
	guidance_en: string | null;
	districts: number;
	cumple: number;
	parcial: number;
	no_cumple: number;
	no_aplica: number;
	no_sabe: number;
	sin_respuesta: number;
	applicable: number;
	share_met: number | null;
}

export interface DistrictColumn extends Row {
	ubigeo: string;
	name: string;
	province: string;
}

/**
 * The matrix's selections, read from the URL (`ronda`, `dominio`,
 * `provincia`, `orden`, `distrito`), and the queries they drive. `distrito`
 * is the "compare my district" switch: the counts then leave that district
 * out and its own answers are the only district column. In server mode the
 * signed-in official's role would set it (see docs/metrics.md).
 */
/** The default view's answers, computed on the server, by query key (`queryKey`). */
export interface MatrixPrefetch {
	rows: Record<string, Row[]>;
	columns: PrefetchedColumns;
}

export class MatrixView {
	#prefetched: () => MatrixPrefetch | null;
	#roundParam = $derived(urlParam('ronda'));
	domain = $derived(parseDomain(urlParam('dominio')));
	#provinceParam = $derived(urlParam('provincia'));
	sort = $derived(parseSort(urlParam('orden')));
	#districtParam = $derived(urlParam('distrito'));

	// The queries are made in the constructor, after the prefetched answers are known:
	// a query may read them at once (liveColumns asks before the DOM is updated).
	rounds: Query;
	provinces: Query;
	/** Every district assessed in the round, for the "compare my district" picker. */
	assessed: Query<DistrictColumn[]>;
	/** Every district of the data: a compared district need not be assessed in this round. */
	allDistricts: Query<DistrictColumn[]>;
	summary: Query<SummaryRow[]>;
	/** The district columns: the assessed districts of the filter (none when one is compared). */
	columns: Query<DistrictColumn[]>;
	cells: LiveColumns;

	roundList = $derived.by(() => (this.rounds.rows ?? []).map((r) => String(r.round)));
	/** The round shown: the one in the URL if it exists, else the latest. */
	round = $derived(
		this.#roundParam && this.roundList.includes(this.#roundParam)
			? this.#roundParam
			: (this.roundList[0] ?? null)
	);
	provinceList = $derived.by(() => (this.provinces.rows ?? []).map((r) => String(r.province)));
	province = $derived(
		this.#provinceParam && this.provinceList.includes(this.#provinceParam)
			? this.#provinceParam
			: null
	);
	/** The district compared (a known district of the data), or null for the full matrix. */
	district = $derived.by((): DistrictColumn | null => {
		const ubigeo = this.#districtParam;
		if (!ubigeo) return null;
		return this.allDistricts.rows?.find((d) => d.ubigeo === ubigeo) ?? null;
	});
	filter = $derived<MatrixFilter>({ domain: this.domain, province: this.province });

	constructor(prefetched: () => MatrixPrefetch | null = () => null) {
		this.#prefetched = prefetched;
		const rows = <T extends Row>(key: string) => this.#prefetched()?.rows[key] as T[] | undefined;
		this.rounds = new Query(() => roundsSql(), { prefetched: rows });
		this.provinces = new Query(() => provincesSql(), { prefetched: rows });
		this.allDistricts = new Query(() => districtListSql(), { prefetched: rows<DistrictColumn> });
		this.assessed = new Query(() => (this.round ? matrixDistrictsSql(this.round) : null), {
			keepLast: true,
			prefetched: rows<DistrictColumn>
		});
		this.summary = new Query(
			() =>
				this.round
					? matrixSummarySql(this.round, this.filter, this.sort, this.district?.ubigeo ?? null)
					: null,
			{ keepLast: true, prefetched: rows<SummaryRow> }
		);
		this.columns = new Query(
			() => (this.round && !this.district ? matrixDistrictsSql(this.round, this.province) : null),
			{ keepLast: true, prefetched: rows<DistrictColumn> }
		);
		this.cells = liveColumns(
			() =>
				this.round ? matrixCellsSql(this.round, this.filter, this.district?.ubigeo ?? null) : null,
			{ prefetched: (key) => this.#prefetched()?.columns[key] }
		);
	}

	/** `indicator_id|ubigeo` → answer. */
	cellMap = $derived.by(() => {
		// built anew for each answer and never changed after: not reactive state
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const map = new Map<string, string>();
		for (const c of rowsOf<{ indicator_id: string; ubigeo: string; answer: string }>(
			this.cells.data
		))
			map.set(`${c.indicator_id}|${c.ubigeo}`, c.answer);
		return map;
	});
	/** The columns shown: every assessed district, or the compared one if it has answers. */
	shownColumns = $derived.by((): DistrictColumn[] => {
		if (!this.district) return this.columns.rows ?? [];
		const assessed = (this.assessed.rows ?? []).some((d) => d.ubigeo === this.district?.ubigeo);
		return assessed ? [this.district] : [];
	});

	/** True when every query answers the current selection on the current data. */
	settled = $derived.by(
		() =>
			this.summary.live &&
			this.cells.live &&
			(this.district ? this.assessed.live : this.columns.live)
	);
}
