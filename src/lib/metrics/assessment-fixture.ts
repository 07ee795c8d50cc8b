import { createTablesSql } from '$lib/data/tables';
import type { Row } from '$lib/engine/types';
import { FOUR_DISTRICTS, insertSql, useEngine, type Cell } from './test-support';

/**
 * The case the assessment tests share (not the app's): the framework, the
 * four districts, and rows written by hand. Every expected number in those
 * tests is worked out from DESIGN.md §5 in the comment beside it:
 * cumple = 1, parcial = 0.5, no_cumple = 0,
 * score = 100 · Σ weight·value / Σ weight over the answered indicators,
 * completeness = 100 · answered / applicable (unweighted).
 */

export { ANCON, ATE, CALLAO, LIMA } from './test-support';

export type Answer = 'cumple' | 'parcial' | 'no_cumple' | 'no_aplica' | 'no_sabe';

/** [indicator_id, domain, kind, weight] */
export type Indicator = [string, number, 'policy' | 'statistic', number];

/**
 * The shared framework: six domains, two or three policy indicators each, with
 * unequal weights, plus one statistic in domain 1 that no score may count.
 */
export const FRAMEWORK: Indicator[] = [
	['D1.01', 1, 'policy', 2],
	['D1.02', 1, 'policy', 1],
	['D1.03', 1, 'policy', 1],
	['S1.01', 1, 'statistic', 1],
	['D2.01', 2, 'policy', 1],
	['D2.02', 2, 'policy', 0.5],
	['D2.03', 2, 'policy', 1.5],
	['D3.01', 3, 'policy', 1],
	['D3.02', 3, 'policy', 3],
	['D4.01', 4, 'policy', 1],
	['D4.02', 4, 'policy', 1],
	['D4.03', 4, 'policy', 2],
	['D5.01', 5, 'policy', 1],
	['D5.02', 5, 'policy', 1],
	['D6.01', 6, 'policy', 0.5],
	['D6.02', 6, 'policy', 1]
];

/** One district's answers in one round, as assessment rows. */
export function answers(
	ubigeo: string,
	round: string,
	byIndicator: Record<string, Answer>
): Cell[][] {
	return Object.entries(byIndicator).map(([id, answer]) => [ubigeo, round, id, answer]);
}

/**
 * The test file's one engine (`useEngine`, called at its top level): `load`
 * gives it fresh tables holding the four districts, the framework and the
 * given answers.
 */
export function assessmentEngine() {
	const db = useEngine();
	return {
		run: db.run,
		/** Plain SQL, to check what DuckDB itself computes. */
		query: (sql: string): Promise<Row[]> => db.engine.query(sql),
		async load(assessmentRows: Cell[][], framework: Indicator[] = FRAMEWORK): Promise<void> {
			await db.engine.exec(createTablesSql());
			await db.engine.exec(insertSql('districts', ['ubigeo', 'name', 'province'], FOUR_DISTRICTS));
			await db.engine.exec(
				insertSql('framework', ['indicator_id', 'domain', 'kind', 'weight'], framework)
			);
			if (assessmentRows.length) {
				await db.engine.exec(
					insertSql('assessments', ['ubigeo', 'round', 'indicator_id', 'answer'], assessmentRows)
				);
			}
		}
	};
}

export function domainRow(rows: Row[], ubigeo: string, round: string, domain: number): Row {
	const row = rows.find((r) => r.ubigeo === ubigeo && r.round === round && r.domain === domain);
	if (!row) throw new Error(`no row for ${ubigeo} ${round} domain ${domain}`);
	return row;
}

export function overallRow(rows: Row[], ubigeo: string, round: string): Row {
	const row = rows.find((r) => r.ubigeo === ubigeo && r.round === round);
	if (!row) throw new Error(`no overall row for ${ubigeo} ${round}`);
	return row;
}
