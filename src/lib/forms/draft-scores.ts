/**
 * Live scores of a draft, by the very SQL of the dashboards. The draft's
 * answers travel as bound parameters into a CTE named `assessments`, which
 * shadows the table inside the query, so `DOMAIN_SCORES_CTE` reads the draft
 * exactly as it reads a completed round. The district's earlier rounds are
 * taken from the real table, so "change since the last round" is the
 * dashboards' too.
 */
import { DOMAIN_SCORES_CTE } from '../metrics/assessment';
import type { Row, SqlQuery, Value } from '../engine/types';
import type { Level } from '../metrics/levels';
import type { Answer } from './model';

/** A row of `draftScoresSql`: one domain, with the round's overall score repeated. */
export interface DomainScore extends Row {
	domain: number;
	score: number | null;
	completeness: number | null;
	level: Level | null;
	change: number | null;
	answered: number;
	applicable: number;
	overall_score: number | null;
	complete: boolean;
}

export interface DraftScoresInput {
	ubigeo: string;
	round: string;
	/** Indicator id → answer; unanswered indicators are simply absent. */
	answers: readonly { indicator_id: string; answer: Answer }[];
}

/**
 * One row per domain of the framework's policy indicators:
 * `domain, score, completeness, level, change, answered, applicable,
 * overall_score, overall_level, complete`.
 */
export function draftScoresSql(input: DraftScoresInput): SqlQuery {
	const params: Value[] = [];
	const draftRows = input.answers.map((a) => {
		params.push(a.indicator_id, a.answer);
		return '(?, ?)';
	});
	// No answer yet: an empty, typed relation (VALUES needs at least one row).
	const draft = draftRows.length
		? `draft(indicator_id, answer) AS (VALUES ${draftRows.join(', ')})`
		: `draft(indicator_id, answer) AS (SELECT NULL::VARCHAR, NULL::VARCHAR WHERE false)`;
	params.push(input.ubigeo, input.round, input.ubigeo, input.round, input.ubigeo, input.round);
	params.push(input.round);
	return {
		sql: `WITH ${draft},
assessments AS (
	SELECT ubigeo, round, indicator_id, answer FROM main.assessments WHERE ubigeo = ? AND round < ?
	UNION ALL SELECT ?::VARCHAR, ?::VARCHAR, indicator_id::VARCHAR, answer::VARCHAR FROM draft
	-- puts the round on the map even before its first answer; it matches no indicator
	UNION ALL SELECT ?::VARCHAR, ?::VARCHAR, NULL::VARCHAR, NULL::VARCHAR
),
${DOMAIN_SCORES_CTE}
SELECT d.domain, d.score, d.completeness, d.level, d.change, d.answered, d.applicable,
	o.score AS overall_score, o.complete
FROM domain_scores d
JOIN overall_scores o ON o.ubigeo = d.ubigeo AND o.round = d.round
WHERE d.round = ?
ORDER BY d.domain`,
		params
	};
}
