import { Query, liveColumns } from '$lib/engine/query.svelte';
import { rowsOf } from '$lib/engine/columns';
import type { Row } from '$lib/engine/types';
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
export class MatrixView {
	#roundParam = $derived(urlParam('ronda'));
	domain = $derived(parseDomain(urlParam('dominio')));
	#provinceParam = $derived(urlParam('provincia'));
	sort = $derived(parseSort(urlParam('orden')));
	#districtParam = $derived(urlParam('distrito'));

	rounds = new Query(() => roundsSql());
	roundList = $derived((this.rounds.rows ?? []).map((r) => String(r.round)));
	/** The round shown: the one in the URL if it exists, else the latest. */
	round = $derived(
		this.#roundParam && this.roundList.includes(this.#roundParam)
			? this.#roundParam
			: (this.roundList[0] ?? null)
	);

	provinces = new Query(() => provincesSql());
	provinceList = $derived((this.provinces.rows ?? []).map((r) => String(r.province)));
	province = $derived(
		this.#provinceParam && this.provinceList.includes(this.#provinceParam)
			? this.#provinceParam
			: null
	);

	/** Every district assessed in the round, for the "compare my district" picker. */
	assessed = new Query<DistrictColumn[]>(
		() => (this.round ? matrixDistrictsSql(this.round) : null),
		{
			keepLast: true
		}
	);
	/** Every district of the data: a compared district need not be assessed in this round. */
	allDistricts = new Query<DistrictColumn[]>(() => districtListSql());
	/** The district compared (a known district of the data), or null for the full matrix. */
	district = $derived.by((): DistrictColumn | null => {
		const ubigeo = this.#districtParam;
		if (!ubigeo) return null;
		return this.allDistricts.rows?.find((d) => d.ubigeo === ubigeo) ?? null;
	});

	filter = $derived<MatrixFilter>({ domain: this.domain, province: this.province });
	summary = new Query<SummaryRow[]>(
		() =>
			this.round
				? matrixSummarySql(this.round, this.filter, this.sort, this.district?.ubigeo ?? null)
				: null,
		{ keepLast: true }
	);
	/** The district columns: the assessed districts of the filter, or the compared one alone. */
	columns = new Query<DistrictColumn[]>(
		() => (this.round && !this.district ? matrixDistrictsSql(this.round, this.province) : null),
		{ keepLast: true }
	);
	cells = liveColumns(() =>
		this.round ? matrixCellsSql(this.round, this.filter, this.district?.ubigeo ?? null) : null
	);
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
	settled = $derived(
		this.summary.live && this.cells.live && (this.district ? this.assessed.live : this.columns.live)
	);
}
