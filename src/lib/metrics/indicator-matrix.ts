import type { SqlQuery, Value } from '../engine/types';

/**
 * "One indicator across all districts" (docs/metrics.md, Indicator matrix):
 * the policy indicators of the framework × the districts assessed in one
 * round. A district is *assessed* in a round when assessments.csv has at least
 * one row for it in that round; an assessed district with no row for an
 * indicator is `sin_respuesta` for it. Districts not assessed are not columns.
 */

/** Every cell value, in the order the screen and the CSV list them. */
export const MATRIX_ANSWERS = [
	'cumple',
	'parcial',
	'no_cumple',
	'no_aplica',
	'no_sabe',
	'sin_respuesta'
] as const;
export type MatrixAnswer = (typeof MATRIX_ANSWERS)[number];

/** Row orders: framework order, most districts answering `no_cumple` first, lowest share met first. */
export const MATRIX_SORTS = ['id', 'no_cumple', 'share'] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

export interface MatrixFilter {
	/** Only this domain's indicators (1–6); null for all. */
	domain?: number | null;
	/** Only districts of this province; null for all. */
	province?: string | null;
}

/** The WHERE conditions and parameters that pick the assessed districts of a round. */
function assessedWhere(
	round: string,
	province: string | null | undefined,
	district: { only?: string | null; exclude?: string | null }
): { where: string; params: Value[] } {
	const parts = ['a.round = ?'];
	const params: Value[] = [round];
	if (province) {
		parts.push('d.province = ?');
		params.push(province);
	}
	if (district.only) {
		parts.push('a.ubigeo = ?');
		params.push(district.only);
	}
	if (district.exclude) {
		parts.push('a.ubigeo <> ?');
		params.push(district.exclude);
	}
	return { where: parts.join(' AND '), params };
}

/** The CTEs `assessed` (districts) and `cells` (one row per indicator × assessed district). */
function cellsCte(
	round: string,
	filter: MatrixFilter,
	district: { only?: string | null; exclude?: string | null }
): { sql: string; params: Value[] } {
	const picked = assessedWhere(round, filter.province, district);
	const domain = filter.domain ?? null;
	return {
		sql: `policy AS (
	SELECT indicator_id, domain::INTEGER AS domain, text_es, text_en, guidance_es, guidance_en
	FROM framework WHERE kind = 'policy'${domain === null ? '' : ' AND domain = ?'}
),
assessed AS (
	SELECT DISTINCT a.ubigeo, d.name, d.province
	FROM assessments a JOIN districts d ON d.ubigeo = a.ubigeo
	WHERE ${picked.where}
),
cells AS (
	SELECT p.indicator_id, s.ubigeo, coalesce(a.answer, 'sin_respuesta') AS answer
	FROM policy p
	CROSS JOIN assessed s
	LEFT JOIN assessments a
		ON a.round = ? AND a.ubigeo = s.ubigeo AND a.indicator_id = p.indicator_id
)`,
		params: [...(domain === null ? [] : [domain]), ...picked.params, round]
	};
}

const ORDER: Record<MatrixSort, string> = {
	id: 'domain, indicator_id',
	no_cumple: 'no_cumple DESC, parcial DESC, domain, indicator_id',
	share: 'share_met ASC NULLS LAST, domain, indicator_id'
};

/**
 * One row per policy indicator: `indicator_id, domain, text_es, text_en,
 * guidance_es, guidance_en, districts, cumple, parcial, no_cumple, no_aplica,
 * no_sabe, sin_respuesta, applicable, share_met`. `applicable` = districts −
 * no_aplica; `share_met` = 100 · cumple / applicable, NULL when nothing
 * applies. `exclude` leaves one district out (its own column is shown apart,
 * next to the anonymous counts of the others).
 */
export function matrixSummarySql(
	round: string,
	filter: MatrixFilter = {},
	sort: MatrixSort = 'id',
	exclude: string | null = null
): SqlQuery {
	if (!MATRIX_SORTS.includes(sort)) throw new Error(`Unknown sort ${sort}`);
	const cte = cellsCte(round, filter, { exclude });
	const counts = MATRIX_ANSWERS.map(
		(a) => `count(c.ubigeo) FILTER (WHERE c.answer = '${a}')::INTEGER AS ${a}`
	).join(',\n\t\t');
	return {
		sql: `WITH ${cte.sql},
counted AS (
	SELECT p.indicator_id, p.domain, p.text_es, p.text_en, p.guidance_es, p.guidance_en,
		count(c.ubigeo)::INTEGER AS districts,
		${counts}
	FROM policy p LEFT JOIN cells c ON c.indicator_id = p.indicator_id
	GROUP BY ALL
)
SELECT *, (districts - no_aplica)::INTEGER AS applicable,
	CASE WHEN districts > no_aplica THEN 100.0 * cumple / (districts - no_aplica) END::DOUBLE AS share_met
FROM counted
ORDER BY ${ORDER[sort]}`,
		params: cte.params
	};
}

/**
 * The cells: `indicator_id, ubigeo, answer` (answer one of MATRIX_ANSWERS),
 * for every assessed district of the filter, or for the one district `only`
 * (then the province filter does not apply: a district is compared with the
 * others whatever its province).
 */
export function matrixCellsSql(
	round: string,
	filter: MatrixFilter = {},
	only: string | null = null
): SqlQuery {
	const cte = cellsCte(round, only ? { domain: filter.domain } : filter, { only });
	return {
		sql: `WITH ${cte.sql}
SELECT indicator_id, ubigeo, answer FROM cells ORDER BY indicator_id, ubigeo`,
		params: cte.params
	};
}

/** The districts assessed in the round (the matrix's columns): `ubigeo, name, province`, by name. */
export function matrixDistrictsSql(round: string, province: string | null = null): SqlQuery {
	const picked = assessedWhere(round, province, {});
	return {
		sql: `SELECT DISTINCT a.ubigeo, d.name, d.province
FROM assessments a JOIN districts d ON d.ubigeo = a.ubigeo
WHERE ${picked.where}
ORDER BY d.name COLLATE NOACCENT.NOCASE, a.ubigeo`,
		params: picked.params
	};
}

/** The provinces of the loaded districts, for the filter. */
export function provincesSql(): SqlQuery {
	return {
		sql: 'SELECT DISTINCT province FROM districts ORDER BY province COLLATE NOACCENT.NOCASE',
		params: []
	};
}

/**
 * What each assessed district answered for one indicator, with its evidence:
 * `ubigeo, name, answer, evidence, source_url`, by name (answer
 * `sin_respuesta` and no evidence where it gave none). `only` keeps one district.
 */
export function indicatorEvidenceSql(
	round: string,
	indicatorId: string,
	province: string | null = null,
	only: string | null = null
): SqlQuery {
	const picked = assessedWhere(round, only ? null : province, { only });
	return {
		sql: `WITH assessed AS (
	SELECT DISTINCT a.ubigeo, d.name
	FROM assessments a JOIN districts d ON d.ubigeo = a.ubigeo
	WHERE ${picked.where}
)
SELECT s.ubigeo, s.name, coalesce(a.answer, 'sin_respuesta') AS answer, a.evidence, a.source_url
FROM assessed s
LEFT JOIN assessments a ON a.round = ? AND a.ubigeo = s.ubigeo AND a.indicator_id = ?
ORDER BY s.name COLLATE NOACCENT.NOCASE, s.ubigeo`,
		params: [...picked.params, round, indicatorId]
	};
}
