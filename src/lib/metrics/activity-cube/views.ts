import type { SqlQuery, Value } from '../../engine/types';
import { CATEGORY_DIMS, type ActivityFilters, type CategoryDim } from './filters';
import { effectivePeriod, previousPeriod } from './periods';
import { CUBE_DOMAINS, ENUMS, MEASURES } from './schema';
import { partSource, type ViewOptions } from './source';
import { districtScope, whereSql } from './where';

/**
 * The views of /actividades, each "filtered by every selection except its
 * own" (see index.ts): the key figures, the trend, the breakdowns and the
 * districts.
 */

/**
 * Headline figures for the selection (first row, `period = 'cur'`) and for
 * the period of the same length just before it (second row, `'prev'`), every
 * filter applied: `period, from, to, activities, participants, women_share,
 * migrant_share, districts_reached, reach_per_1000_migrants, virtual_share,
 * women, men, not_recorded_sex, migrants, host, not_recorded_origin,
 * districts_in_scope`. Both rows are always there (zeros and empty shares
 * for a period without activity).
 *
 * Two rows of plain expressions rather than one row of FILTERed aggregates:
 * planning the wide version cost more than reading the data.
 */
export function activityFiguresSql(f: ActivityFilters, opts: ViewOptions = {}): SqlQuery {
	const cur = effectivePeriod(f);
	const prev = previousPeriod(cur);
	const src = partSource('key', f, opts);
	const districts = src.districtCount;
	const geo = districtScope(f);
	return {
		sql: `WITH p AS (
	SELECT ${src.dateColumn} >= ?::DATE AS cur, ${districts}::INTEGER AS districts,
		${MEASURES.map((m) => `sum(${m})::${m === 'activities' || m === 'virtual' ? 'INTEGER' : 'DOUBLE'} AS ${m}`).join(', ')}
	FROM ${src.from} ${whereSql(src.where)}
	GROUP BY cur
),
scope AS (
	-- the district table's own columns (it knows no ENUM)
	SELECT count(*)::INTEGER AS districts,
		sum(migrant_population) FILTER (WHERE migrant_population > 0)::DOUBLE AS migrant_population
	FROM districts ${whereSql(geo)}
)
SELECT CASE WHEN v.cur THEN 'cur' ELSE 'prev' END AS period,
	CASE WHEN v.cur THEN ?::VARCHAR ELSE ?::VARCHAR END AS "from",
	CASE WHEN v.cur THEN ?::VARCHAR ELSE ?::VARCHAR END AS "to",
	coalesce(p.activities, 0) AS activities,
	coalesce(p.participants, 0) AS participants,
	CASE WHEN p.women_and_men > 0 THEN 100.0 * p.women / p.women_and_men END AS women_share,
	CASE WHEN p.total_with_migrants > 0 THEN 100.0 * p.migrants / p.total_with_migrants END AS migrant_share,
	coalesce(p.districts, 0) AS districts_reached,
	CASE WHEN scope.migrant_population > 0
		THEN 1000.0 * coalesce(p.migrants_in_known, 0) / scope.migrant_population END AS reach_per_1000_migrants,
	CASE WHEN p.activities > 0 THEN 100.0 * p.virtual / p.activities END AS virtual_share,
	coalesce(p.women, 0) AS women,
	coalesce(p.men, 0) AS men,
	coalesce(p.participants, 0) - coalesce(p.women_and_men, 0) AS not_recorded_sex,
	coalesce(p.migrants, 0) AS migrants,
	coalesce(p.total_with_migrants, 0) - coalesce(p.migrants, 0) AS host,
	coalesce(p.participants, 0) - coalesce(p.total_with_migrants, 0) AS not_recorded_origin,
	scope.districts AS districts_in_scope
FROM (VALUES (true), (false)) v(cur)
LEFT JOIN p ON p.cur = v.cur
CROSS JOIN scope
ORDER BY v.cur DESC`,
		params: [cur.from, ...src.where.params, ...geo.params, cur.from, prev.from, cur.to, prev.to]
	};
}

/**
 * Activities per month of the period and type (or all types, `'all'`, when
 * not `byType`): `month` (`YYYY-MM`), `type`, `activities`. Filtered by everything but the clicked month (the trend
 * owns it). Months without activity are absent: the chart lays out every
 * month of the period (`monthsOf`).
 */
export function trendSql(f: ActivityFilters, byType = true, opts: ViewOptions = {}): SqlQuery {
	const src = partSource('trend', f, opts, byType);
	const month = src.monthly ? 'month' : `date_trunc('month', day)`;
	return {
		sql: `SELECT strftime(${month}, '%Y-%m') AS month, ${byType ? 'type::VARCHAR' : "'all'"} AS type, sum(activities)::INTEGER AS activities
FROM ${src.from} ${whereSql(src.where)}
GROUP BY ALL
ORDER BY month, type`,
		params: src.where.params
	};
}

/**
 * Activities and participants by one category, filtered by every selection
 * but that category's: `key, activities, participants`, every value the
 * data know (zero-filled), most activities first. Partner `''` is "none".
 */
export function breakdownSql(
	f: ActivityFilters,
	dim: CategoryDim,
	opts: ViewOptions = {}
): SqlQuery {
	const src = partSource(`breakdown_${dim}`, f, opts);
	return {
		sql: `WITH s AS (
	SELECT ${dim} AS key, sum(activities)::INTEGER AS activities, sum(participants)::DOUBLE AS participants
	FROM ${src.from} ${whereSql(src.where)}
	GROUP BY ALL
)
SELECT v.key::VARCHAR AS key, coalesce(s.activities, 0) AS activities, coalesce(s.participants, 0) AS participants
FROM (SELECT unnest(enum_range(NULL::${ENUMS[dim]})) AS key) v
LEFT JOIN s ON s.key = v.key
ORDER BY activities DESC, participants DESC, key`,
		params: src.where.params
	};
}

/**
 * The five breakdowns (type, audience, topic, modality, partner) in one
 * statement: `dim, key, activities, participants`, each part exactly
 * `breakdownSql(f, dim)` (filtered by every selection but its own), in the
 * order of `CATEGORY_DIMS`. One round trip to the engine instead of five on
 * every filter click.
 */
export function breakdownsSql(f: ActivityFilters, opts: ViewOptions = {}): SqlQuery {
	const params: Value[] = [];
	// One GROUP BY per category, then one join with the table of every value: a
	// simpler plan than five zero-filled queries (planning is most of the cost).
	const sums = CATEGORY_DIMS.map((dim) => {
		const src = partSource(`breakdown_${dim}`, f, opts);
		params.push(...src.where.params);
		return `SELECT '${dim}' AS dim, ${dim}::VARCHAR AS key, sum(activities)::INTEGER AS activities,
	sum(participants)::DOUBLE AS participants
FROM ${src.from} ${whereSql(src.where)}
GROUP BY ALL`;
	});
	return {
		sql: `WITH s AS (
${sums.join('\nUNION ALL\n')}
)
SELECT d.dim, d.key, coalesce(s.activities, 0) AS activities, coalesce(s.participants, 0) AS participants
FROM ${CUBE_DOMAINS} d
LEFT JOIN s ON s.dim = d.dim AND s.key = d.key
ORDER BY d.part, activities DESC, participants DESC, d.key`,
		params
	};
}

/**
 * Every district of the chosen provinces (all, when none is chosen), with the
 * activities, participants and migrants reached, and the reach per 1,000
 * migrants (§5; empty when the migrant population is 0 or unknown). Filtered
 * by everything but the district selection, which this view owns (the map,
 * the bar list and "Distritos sin actividades").
 */
export function districtsSql(f: ActivityFilters, opts: ViewOptions = {}): SqlQuery {
	const src = partSource('districts', f, opts);
	const geo = districtScope(f, 'districts');
	return {
		sql: `WITH s AS (
	SELECT ubigeo::VARCHAR AS ubigeo, sum(activities)::INTEGER AS activities,
		sum(participants)::DOUBLE AS participants, sum(migrants)::DOUBLE AS migrants
	FROM ${src.from} ${whereSql(src.where)}
	GROUP BY ALL
)
SELECT d.ubigeo, d.name, d.province, d.grid_row, d.grid_col, d.migrant_population,
	coalesce(s.activities, 0) AS activities,
	coalesce(s.participants, 0) AS participants,
	coalesce(s.migrants, 0) AS migrants,
	CASE WHEN d.migrant_population > 0 THEN 1000.0 * coalesce(s.migrants, 0) / d.migrant_population END::DOUBLE AS reach_per_1000_migrants
FROM districts d
LEFT JOIN s ON s.ubigeo = d.ubigeo
${whereSql({ clauses: geo.clauses.map((c) => `d.${c}`), params: [] })}
ORDER BY d.name COLLATE NOACCENT.NOCASE, d.ubigeo`,
		params: [...src.where.params, ...geo.params]
	};
}
