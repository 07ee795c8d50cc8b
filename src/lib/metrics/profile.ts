import type { SqlQuery } from '../engine/types';

/**
 * Queries behind the district profile ("ficha distrital"). Each returns
 * plain rows for one district; scores come from `assessment.ts`.
 */

/** The district's own row, or nothing when the ubigeo is unknown. */
export function districtSql(ubigeo: string): SqlQuery {
	return {
		sql: `SELECT ubigeo, name, province, department, population, migrant_population
FROM districts WHERE ubigeo = ?`,
		params: [ubigeo]
	};
}

/** The rounds this district has answered, newest first. */
export function districtRoundsSql(ubigeo: string): SqlQuery {
	return {
		sql: 'SELECT DISTINCT round FROM assessments WHERE ubigeo = ? ORDER BY round DESC',
		params: [ubigeo]
	};
}

/**
 * Every policy indicator of the framework with the district's answer in one
 * round (NULL when there is no row: unanswered), in framework order.
 */
export function indicatorAnswersSql(ubigeo: string, round: string): SqlQuery {
	return {
		sql: `SELECT f.indicator_id, f.domain::INTEGER AS domain, f.subarea, f.text_es, f.text_en,
	f.guidance_es, f.guidance_en, f.weight, a.answer, a.evidence, a.source_url
FROM framework f
LEFT JOIN assessments a ON a.indicator_id = f.indicator_id AND a.ubigeo = ? AND a.round = ?
WHERE f.kind = 'policy'
ORDER BY f.domain, f.indicator_id`,
		params: [ubigeo, round]
	};
}

const BREAKDOWNS = ['type', 'audience', 'topic', 'modality', 'partner'] as const;
export type ActivityDimension = (typeof BREAKDOWNS)[number];

/**
 * Activities the district received, per year and one dimension. The
 * dimension is checked against a fixed list: it becomes an identifier.
 */
export function activityBreakdownSql(ubigeo: string, dimension: ActivityDimension): SqlQuery {
	if (!BREAKDOWNS.includes(dimension)) throw new Error(`Unknown dimension ${dimension}`);
	return {
		sql: `SELECT year(date)::INTEGER AS year, coalesce(${dimension}, '') AS category,
	count(*)::INTEGER AS activities, sum(participants_total)::DOUBLE AS participants
FROM activities WHERE ubigeo = ?
GROUP BY ALL ORDER BY year, category`,
		params: [ubigeo]
	};
}

/** The district's statistics with the indicator's names and unit, oldest first. */
export function districtStatisticsSql(ubigeo: string): SqlQuery {
	return {
		sql: `SELECT s.indicator_id, f.text_es, f.text_en, f.unit, f.higher_is_better, f.domain::INTEGER AS domain,
	s.period, s.sex, s.nationality, s.value, s.source
FROM statistics s JOIN framework f ON f.indicator_id = s.indicator_id
WHERE s.ubigeo = ?
ORDER BY s.indicator_id, s.period, s.sex, s.nationality`,
		params: [ubigeo]
	};
}

/** The action plan, earliest due first. "Overdue" is judged on screen against the viewer's date. */
export function districtActionsSql(ubigeo: string): SqlQuery {
	return {
		sql: `SELECT a.action_id, a.indicator_id, f.text_es, f.text_en, a.description, a.responsible,
	a.due_date, a.status, a.completed_on
FROM actions a LEFT JOIN framework f ON f.indicator_id = a.indicator_id
WHERE a.ubigeo = ?
ORDER BY a.due_date NULLS LAST, a.action_id`,
		params: [ubigeo]
	};
}
