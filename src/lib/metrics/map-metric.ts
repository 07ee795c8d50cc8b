import type { SqlQuery } from '../engine/types';
import { DOMAIN_SCORES_CTE } from './assessment';
import { ACTIVITY_METRICS_CTE } from './activities';

/**
 * A metric the observatory map can colour districts by. Parsed from the URL
 * (`?metrica=score:3`), so it is validated here before it reaches SQL; every
 * value still travels as a parameter.
 */
export type MapMetric =
	| { kind: 'overall' }
	| { kind: 'score'; domain: number }
	| { kind: 'completeness'; domain: number }
	| { kind: 'activities' }
	| { kind: 'participants' }
	| { kind: 'reach' }
	| { kind: 'statistic'; indicatorId: string };

export function parseMapMetric(text: string | null | undefined): MapMetric {
	const [kind, arg] = (text ?? '').split(':');
	const domain = Number(arg);
	const isDomain = Number.isInteger(domain) && domain >= 1 && domain <= 6;
	if ((kind === 'score' || kind === 'completeness') && isDomain) return { kind, domain };
	if (kind === 'activities' || kind === 'participants' || kind === 'reach') return { kind };
	if (kind === 'statistic' && arg) return { kind, indicatorId: arg };
	return { kind: 'overall' };
}

export function formatMapMetric(metric: MapMetric): string {
	switch (metric.kind) {
		case 'score':
		case 'completeness':
			return `${metric.kind}:${metric.domain}`;
		case 'statistic':
			return `statistic:${metric.indicatorId}`;
		default:
			return metric.kind;
	}
}

/** Assessment metrics are per round; activity metrics per year; a statistic per period. */
export function metricTime(metric: MapMetric): 'round' | 'year' | 'period' {
	if (metric.kind === 'overall' || metric.kind === 'score' || metric.kind === 'completeness')
		return 'round';
	return metric.kind === 'statistic' ? 'period' : 'year';
}

/**
 * One value per district (every district, NULL where there is none) for the
 * chosen metric and time: `ubigeo, name, province, grid_row, grid_col, value`.
 * A statistic uses its `total`/`total` row of the chosen period.
 */
export function mapMetricSql(metric: MapMetric, time: string | number | null): SqlQuery {
	const base = `SELECT d.ubigeo, d.name, d.province, d.grid_row, d.grid_col, m.value::DOUBLE AS value
FROM districts d LEFT JOIN metric m ON m.ubigeo = d.ubigeo
ORDER BY d.name COLLATE NOACCENT.NOCASE, d.ubigeo`;
	switch (metric.kind) {
		case 'overall':
			return {
				sql: `WITH ${DOMAIN_SCORES_CTE},
metric AS (SELECT ubigeo, score AS value FROM overall_scores WHERE round = ?)
${base}`,
				params: [String(time ?? '')]
			};
		case 'score':
		case 'completeness':
			return {
				sql: `WITH ${DOMAIN_SCORES_CTE},
metric AS (SELECT ubigeo, ${metric.kind === 'score' ? 'score' : 'completeness'} AS value
	FROM domain_scores WHERE round = ? AND domain = ?)
${base}`,
				params: [String(time ?? ''), metric.domain]
			};
		case 'activities':
		case 'participants':
		case 'reach': {
			const column = metric.kind === 'reach' ? 'reach_per_1000_migrants' : metric.kind;
			return {
				sql: `WITH ${ACTIVITY_METRICS_CTE},
metric AS (SELECT ubigeo, ${column} AS value FROM activity_metrics WHERE year = ?)
${base}`,
				params: [Number(time)]
			};
		}
		case 'statistic':
			return {
				sql: `WITH metric AS (
	SELECT ubigeo, value FROM statistics
	WHERE indicator_id = ? AND period = ? AND sex = 'total' AND nationality = 'total')
${base}`,
				params: [metric.indicatorId, String(time ?? '')]
			};
	}
}

/** The times a metric can be shown for, newest first. */
export function metricTimesSql(metric: MapMetric): SqlQuery {
	switch (metricTime(metric)) {
		case 'round':
			return {
				sql: 'SELECT DISTINCT round AS time FROM assessments ORDER BY time DESC',
				params: []
			};
		case 'year':
			return {
				sql: 'SELECT DISTINCT year(date)::INTEGER AS time FROM activities ORDER BY time DESC',
				params: []
			};
		default:
			return {
				sql: 'SELECT DISTINCT period AS time FROM statistics WHERE indicator_id = ? ORDER BY time DESC',
				params: [(metric as { indicatorId: string }).indicatorId]
			};
	}
}
