import type { SqlQuery } from '../engine/types';
import { DOMAIN_SCORES_CTE } from './assessment';

/**
 * The observatory's headline numbers: the latest round's assessed districts
 * and mean overall score (over the districts that have one), and the latest
 * year's activities and participants. One row; empty values stay NULL.
 */
export function keyFiguresSql(): SqlQuery {
	return {
		sql: `WITH ${DOMAIN_SCORES_CTE},
latest_round AS (SELECT max(round) AS round FROM assessments),
latest_year AS (SELECT max(year(date))::INTEGER AS year FROM activities)
SELECT
	(SELECT round FROM latest_round) AS latest_round,
	(SELECT count(DISTINCT ubigeo) FROM assessments WHERE round = (SELECT round FROM latest_round))::INTEGER AS districts_assessed,
	(SELECT count(*) FROM districts)::INTEGER AS districts_total,
	(SELECT avg(score) FROM overall_scores WHERE round = (SELECT round FROM latest_round))::DOUBLE AS mean_overall_score,
	(SELECT count(score) FROM overall_scores WHERE round = (SELECT round FROM latest_round))::INTEGER AS districts_with_overall,
	(SELECT year FROM latest_year) AS latest_year,
	(SELECT count(*) FROM activities WHERE year(date) = (SELECT year FROM latest_year))::INTEGER AS activities,
	(SELECT coalesce(sum(participants_total), 0) FROM activities WHERE year(date) = (SELECT year FROM latest_year))::DOUBLE AS participants`,
		params: []
	};
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
