import type { SqlQuery } from '../engine/types';
import { DOMAIN_SCORES_CTE } from './assessment';

/**
 * The observatory's headline numbers: the chosen (default: latest) round's
 * assessed districts and mean overall score (over the loaded districts that
 * have one), and the latest year's activities and participants, each with the
 * value of the round or year before, for the change. One row; empty values
 * stay NULL.
 */
export function keyFiguresSql(round: string | null = null): SqlQuery {
	return {
		sql: `WITH ${DOMAIN_SCORES_CTE},
chosen_round AS (SELECT coalesce(?, max(round)) AS round FROM assessments),
previous_round AS (SELECT max(round) AS round FROM assessments WHERE round < (SELECT round FROM chosen_round)),
latest_year AS (SELECT max(year(date))::INTEGER AS year FROM activities),
-- Only districts that are loaded: "N de M distritos" never reads N > M, even with rows left behind.
assessed AS (
	SELECT round, count(DISTINCT ubigeo)::INTEGER AS n FROM assessments
	WHERE ubigeo IN (SELECT ubigeo FROM districts) GROUP BY round
),
mean_overall AS (
	SELECT round, avg(score)::DOUBLE AS mean, count(score)::INTEGER AS n FROM overall_scores
	WHERE ubigeo IN (SELECT ubigeo FROM districts) GROUP BY round
),
by_year AS (
	SELECT year(date)::INTEGER AS year, count(*)::INTEGER AS activities,
		sum(participants_total)::DOUBLE AS participants
	FROM activities GROUP BY ALL
)
SELECT
	(SELECT round FROM chosen_round) AS latest_round,
	(SELECT round FROM previous_round) AS previous_round,
	coalesce((SELECT n FROM assessed WHERE round = (SELECT round FROM chosen_round)), 0) AS districts_assessed,
	(SELECT n FROM assessed WHERE round = (SELECT round FROM previous_round)) AS districts_assessed_previous,
	(SELECT count(*) FROM districts)::INTEGER AS districts_total,
	(SELECT mean FROM mean_overall WHERE round = (SELECT round FROM chosen_round)) AS mean_overall_score,
	(SELECT mean FROM mean_overall WHERE round = (SELECT round FROM previous_round)) AS mean_overall_previous,
	coalesce((SELECT n FROM mean_overall WHERE round = (SELECT round FROM chosen_round)), 0) AS districts_with_overall,
	(SELECT year FROM latest_year) AS latest_year,
	coalesce((SELECT activities FROM by_year WHERE year = (SELECT year FROM latest_year)), 0) AS activities,
	(SELECT activities FROM by_year WHERE year = (SELECT year FROM latest_year) - 1) AS activities_previous,
	coalesce((SELECT participants FROM by_year WHERE year = (SELECT year FROM latest_year)), 0) AS participants,
	(SELECT participants FROM by_year WHERE year = (SELECT year FROM latest_year) - 1) AS participants_previous`,
		params: [round]
	};
}
