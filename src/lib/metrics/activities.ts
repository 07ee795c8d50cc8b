import type { SqlQuery } from '../engine/types';
import { equalsWhere } from './equals-where';

/**
 * Activity metrics per district × calendar year (DESIGN.md §5). Every
 * district gets a row for every year that occurs in the file, zero-filled,
 * because a district nobody reached is the finding.
 *
 * Shares use only the rows where their inputs are recorded: an activity that
 * did not record participants by sex is left out of both the numerator and
 * the denominator of women_share, rather than counted as zero women.
 */
export const ACTIVITY_METRICS_CTE = `
activity_years AS (
	SELECT DISTINCT year(date)::INTEGER AS year FROM activities
),
activity_sums AS (
	SELECT ubigeo, year(date)::INTEGER AS year,
		count(*) AS activities,
		sum(participants_total) AS participants,
		sum(participants_women) FILTER (WHERE participants_men IS NOT NULL) AS women,
		sum(participants_women + participants_men) AS women_and_men,
		sum(participants_migrants) AS migrants,
		sum(participants_total) FILTER (WHERE participants_migrants IS NOT NULL) AS total_with_migrants,
		count(DISTINCT audience) AS sectors,
		count(*) FILTER (WHERE modality = 'virtual') AS virtual
	FROM activities
	GROUP BY ubigeo, year(date)
),
activity_metrics AS (
	SELECT d.ubigeo, y.year,
		coalesce(s.activities, 0)::INTEGER AS activities,
		coalesce(s.participants, 0)::DOUBLE AS participants,
		CASE WHEN s.women_and_men > 0 THEN 100.0 * s.women / s.women_and_men END::DOUBLE AS women_share,
		CASE WHEN s.total_with_migrants > 0 THEN 100.0 * s.migrants / s.total_with_migrants END::DOUBLE AS migrant_share,
		CASE WHEN d.migrant_population > 0
			THEN 1000.0 * coalesce(s.migrants, 0) / d.migrant_population END::DOUBLE AS reach_per_1000_migrants,
		coalesce(s.sectors, 0)::INTEGER AS sectors_reached,
		CASE WHEN s.activities > 0 THEN 100.0 * s.virtual / s.activities END::DOUBLE AS virtual_share
	FROM districts d
	CROSS JOIN activity_years y
	LEFT JOIN activity_sums s ON s.ubigeo = d.ubigeo AND s.year = y.year
)`;

/** `ubigeo, year, activities, participants, women_share, migrant_share, reach_per_1000_migrants, sectors_reached, virtual_share` */
export function activityMetricsSql(filter: { year?: number; ubigeo?: string } = {}): SqlQuery {
	const { clause, params } = equalsWhere({ year: filter.year, ubigeo: filter.ubigeo });
	return {
		sql: `WITH ${ACTIVITY_METRICS_CTE}
SELECT ubigeo, year, activities, participants, women_share, migrant_share,
	reach_per_1000_migrants, sectors_reached, virtual_share
FROM activity_metrics ${clause}
ORDER BY ubigeo, year`,
		params
	};
}

/** Activities per calendar month and type, for the observatory's trend. */
export function activityTrendSql(): SqlQuery {
	return {
		sql: `SELECT strftime(date, '%Y-%m') AS month, type, count(*)::INTEGER AS activities
FROM activities GROUP BY ALL ORDER BY month, type`,
		params: []
	};
}
