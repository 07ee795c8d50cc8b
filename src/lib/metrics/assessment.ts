import type { SqlQuery } from '../engine/types';
import { levelCaseSql } from './levels';
import { equalsWhere } from './equals-where';

/**
 * Scores per district × round × domain (DESIGN.md §5), as CTEs other
 * builders reuse. Every (district, round) present in `assessments` is crossed
 * with every policy indicator, so a missing row counts as unanswered.
 *
 * The score is rounded to 9 decimals only to drop float noise (a weight of 1.1
 * can turn 70 into 69.999…), so the level threshold sees the intended value.
 */
export const DOMAIN_SCORES_CTE = `
policy AS (
	SELECT indicator_id, domain, weight FROM framework WHERE kind = 'policy'
),
district_rounds AS (
	SELECT DISTINCT ubigeo, round FROM assessments
),
cells AS (
	SELECT dr.ubigeo, dr.round, p.domain, p.weight, a.answer,
		CASE a.answer WHEN 'cumple' THEN 1.0 WHEN 'parcial' THEN 0.5 WHEN 'no_cumple' THEN 0.0 END AS value
	FROM district_rounds dr
	CROSS JOIN policy p
	LEFT JOIN assessments a
		ON a.ubigeo = dr.ubigeo AND a.round = dr.round AND a.indicator_id = p.indicator_id
),
domain_sums AS (
	SELECT ubigeo, round, domain,
		sum(weight * value) AS weighted,
		sum(weight) FILTER (WHERE value IS NOT NULL) AS weight_answered,
		count(value) AS answered,
		count(*) FILTER (WHERE answer IS DISTINCT FROM 'no_aplica') AS applicable
	FROM cells
	GROUP BY ubigeo, round, domain
),
domain_base AS (
	SELECT ubigeo, round, domain::INTEGER AS domain,
		CASE WHEN answered > 0 THEN round(100 * weighted / weight_answered, 9) END::DOUBLE AS score,
		CASE WHEN applicable > 0 THEN 100.0 * answered / applicable END::DOUBLE AS completeness,
		answered::INTEGER AS answered,
		applicable::INTEGER AS applicable
	FROM domain_sums
),
domain_scores AS (
	SELECT *,
		${levelCaseSql('score')} AS level,
		score - last_value(score IGNORE NULLS) OVER (
			PARTITION BY ubigeo, domain ORDER BY round
			ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
		) AS change
	FROM domain_base
),
overall_scores AS (
	SELECT ubigeo, round,
		CASE WHEN count(DISTINCT domain) FILTER (WHERE score IS NOT NULL) = 6
			THEN avg(score) END::DOUBLE AS score,
		-- a domain whose indicators are all "no_aplica" has nothing left to answer
		bool_and(completeness = 100 OR applicable = 0) AS complete
	FROM domain_scores
	GROUP BY ubigeo, round
)`;

export interface ScoreFilter {
	ubigeo?: string;
	round?: string;
}

const where = (filter: ScoreFilter) => equalsWhere({ ubigeo: filter.ubigeo, round: filter.round });

/** `ubigeo, round, domain, score, completeness, level, change, answered, applicable` */
export function domainScoresSql(filter: ScoreFilter = {}): SqlQuery {
	const { clause, params } = where(filter);
	return {
		sql: `WITH ${DOMAIN_SCORES_CTE}
SELECT ubigeo, round, domain, score, completeness, level, change, answered, applicable
FROM domain_scores ${clause}
ORDER BY ubigeo, round, domain`,
		params
	};
}

/** `ubigeo, round, score, level, complete` */
export function overallScoresSql(filter: ScoreFilter = {}): SqlQuery {
	const { clause, params } = where(filter);
	return {
		sql: `WITH ${DOMAIN_SCORES_CTE}
SELECT ubigeo, round, score, ${levelCaseSql('score')} AS level, complete
FROM overall_scores ${clause}
ORDER BY ubigeo, round`,
		params
	};
}

/** The rounds present, newest first. */
export function roundsSql(): SqlQuery {
	return { sql: 'SELECT DISTINCT round FROM assessments ORDER BY round DESC', params: [] };
}

/**
 * District × domain grid for one round, for the heatmap: every district
 * appears, with NULL scores where it was not assessed.
 */
export function heatmapSql(round: string): SqlQuery {
	return {
		sql: `WITH ${DOMAIN_SCORES_CTE}
SELECT d.ubigeo, d.name, d.province, dom.domain::INTEGER AS domain,
	s.score, s.completeness, s.level, s.change, o.score AS overall_score
FROM districts d
CROSS JOIN (SELECT unnest(range(1, 7)) AS domain) dom
LEFT JOIN domain_scores s ON s.ubigeo = d.ubigeo AND s.domain = dom.domain AND s.round = ?
LEFT JOIN overall_scores o ON o.ubigeo = d.ubigeo AND o.round = ?
ORDER BY d.name COLLATE NOACCENT.NOCASE, d.ubigeo, dom.domain`,
		params: [round, round]
	};
}
