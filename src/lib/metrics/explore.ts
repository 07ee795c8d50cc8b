import type { SqlQuery, Value } from '../engine/types';
import { ACTIVITY_METRICS_CTE } from './activities';
import { DOMAIN_SCORES_CTE } from './assessment';

/**
 * The explorer's comparison (/explorar): one metric for several districts
 * over rounds (self-assessment), years (activities) or periods (a
 * statistic). Parsed from the URL (`?metrica=score:3`), so it is validated
 * here before it reaches SQL; every value still travels as a parameter.
 */
export const ACTIVITY_MEASURES = [
	'activities',
	'participants',
	'women_share',
	'migrant_share',
	'reach_per_1000_migrants',
	'sectors_reached',
	'virtual_share'
] as const;
export type ActivityMeasure = (typeof ACTIVITY_MEASURES)[number];

export type ExploreMetric =
	| { kind: 'overall' }
	| { kind: 'score'; domain: number }
	| { kind: 'completeness'; domain: number }
	| { kind: 'activity'; measure: ActivityMeasure }
	| { kind: 'statistic'; indicatorId: string };

export function parseExploreMetric(text: string | null | undefined): ExploreMetric {
	const [kind, ...rest] = (text ?? '').split(':');
	const arg = rest.join(':');
	const domain = Number(arg);
	if (
		(kind === 'score' || kind === 'completeness') &&
		Number.isInteger(domain) &&
		domain >= 1 &&
		domain <= 6
	)
		return { kind, domain };
	if (kind === 'activity' && (ACTIVITY_MEASURES as readonly string[]).includes(arg))
		return { kind, measure: arg as ActivityMeasure };
	if (kind === 'statistic' && arg.trim() !== '') return { kind, indicatorId: arg };
	return { kind: 'overall' };
}

export function formatExploreMetric(m: ExploreMetric): string {
	switch (m.kind) {
		case 'overall':
			return 'overall';
		case 'score':
		case 'completeness':
			return `${m.kind}:${m.domain}`;
		case 'activity':
			return `activity:${m.measure}`;
		case 'statistic':
			return `statistic:${m.indicatorId}`;
	}
}

/** What the x axis holds for a metric. */
export function exploreTime(m: ExploreMetric): 'round' | 'year' | 'period' {
	if (m.kind === 'activity') return 'year';
	if (m.kind === 'statistic') return 'period';
	return 'round';
}

function inList(values: readonly string[]): string {
	return values.map(() => '?').join(', ');
}

/**
 * `ubigeo, name, time, value` for every chosen district × every time the
 * metric has (rounds, years or periods, as text, sorted), with NULL where the
 * district has no value, so a line breaks instead of dropping to 0. Districts
 * the data lack are left out. With no district, no rows.
 */
export function compareSql(metric: ExploreMetric, ubigeos: readonly string[]): SqlQuery {
	if (ubigeos.length === 0) {
		return {
			sql: 'SELECT NULL::VARCHAR AS ubigeo, NULL::VARCHAR AS name, NULL::VARCHAR AS time, NULL::DOUBLE AS value WHERE false',
			params: []
		};
	}
	const chosen = `SELECT ubigeo, name FROM districts WHERE ubigeo IN (${inList(ubigeos)})`;
	const tail = `ORDER BY c.name COLLATE NOACCENT.NOCASE, c.ubigeo, t.time`;
	let sql: string;
	const params: Value[] = [];
	switch (metric.kind) {
		case 'overall':
		case 'score':
		case 'completeness': {
			const value =
				metric.kind === 'overall'
					? 'o.score'
					: metric.kind === 'score'
						? 's.score'
						: 's.completeness';
			sql = `WITH ${DOMAIN_SCORES_CTE},
chosen AS (${chosen}),
times AS (SELECT DISTINCT round AS time FROM assessments)
SELECT c.ubigeo, c.name, t.time, ${value}::DOUBLE AS value
FROM chosen c CROSS JOIN times t
LEFT JOIN domain_scores s ON s.ubigeo = c.ubigeo AND s.round = t.time AND s.domain = ?
LEFT JOIN overall_scores o ON o.ubigeo = c.ubigeo AND o.round = t.time
${tail}`;
			params.push(...ubigeos, metric.kind === 'overall' ? 0 : metric.domain);
			break;
		}
		case 'activity':
			sql = `WITH ${ACTIVITY_METRICS_CTE},
chosen AS (${chosen}),
times AS (SELECT year, year::VARCHAR AS time FROM activity_years)
SELECT c.ubigeo, c.name, t.time, m.${metric.measure}::DOUBLE AS value
FROM chosen c CROSS JOIN times t
LEFT JOIN activity_metrics m ON m.ubigeo = c.ubigeo AND m.year = t.year
${tail}`;
			params.push(...ubigeos);
			break;
		case 'statistic':
			sql = `WITH chosen AS (${chosen}),
stat AS (
	SELECT ubigeo, period, value FROM statistics
	WHERE indicator_id = ? AND sex = 'total' AND nationality = 'total'
),
times AS (SELECT DISTINCT period AS time FROM stat)
SELECT c.ubigeo, c.name, t.time, s.value::DOUBLE AS value
FROM chosen c CROSS JOIN times t
LEFT JOIN stat s ON s.ubigeo = c.ubigeo AND s.period = t.time
${tail}`;
			params.push(...ubigeos, metric.indicatorId);
			break;
	}
	return { sql, params };
}

/**
 * The districts compared when the URL names none: the four with the most
 * migrants among those with a self-assessment (else among all), so the
 * default view has lines to show.
 */
export function defaultDistrictsSql(n = 4): SqlQuery {
	return {
		sql: `SELECT d.ubigeo FROM districts d
ORDER BY (d.ubigeo IN (SELECT ubigeo FROM assessments)) DESC, d.migrant_population DESC NULLS LAST, d.ubigeo
LIMIT ?`,
		params: [n]
	};
}

/**
 * The tables of the console's sidebar and their columns, in order:
 * `table_name, column_name, data_type, rows` (rows: DuckDB's estimate).
 * Internal tables (named `__…`: import stages, the activities cube) are left
 * out.
 */
export function schemaSql(): SqlQuery {
	return {
		sql: `SELECT t.table_name, c.column_name, c.data_type, t.estimated_size::BIGINT AS rows
FROM duckdb_tables() t
JOIN duckdb_columns() c ON c.table_oid = t.table_oid
WHERE t.schema_name = 'main' AND NOT t.internal AND NOT starts_with(t.table_name, '__')
ORDER BY t.table_name, c.column_index`,
		params: []
	};
}
