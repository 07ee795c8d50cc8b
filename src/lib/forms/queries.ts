/** The few reads the self-assessment needs from the loaded tables. Pure builders. */
import type { SqlQuery } from '../engine/types';

/** The questionnaire: every policy indicator of the loaded framework (ordered in JS, naturally). */
export function policyIndicatorsSql(): SqlQuery {
	return {
		sql: `SELECT indicator_id, domain::INTEGER AS domain, subarea, text_es, text_en,
	guidance_es, guidance_en, weight
FROM framework WHERE kind = 'policy'`,
		params: []
	};
}

export function districtNameSql(ubigeo: string): SqlQuery {
	return { sql: 'SELECT name, province FROM districts WHERE ubigeo = ?', params: [ubigeo] };
}

/** One round's answers of one district, as stored in `assessments`. */
export function roundAnswersSql(ubigeo: string, round: string): SqlQuery {
	return {
		sql: `SELECT indicator_id, answer, evidence, source_url, updated_at
FROM assessments WHERE ubigeo = ? AND round = ?`,
		params: [ubigeo, round]
	};
}

/** The district's action plan (the loaded actions.csv plus those made in this browser). */
export function districtActionsSql(ubigeo: string): SqlQuery {
	return {
		sql: `SELECT action_id, ubigeo, indicator_id, description, responsible, due_date, status, completed_on
FROM actions WHERE ubigeo = ?`,
		params: [ubigeo]
	};
}
