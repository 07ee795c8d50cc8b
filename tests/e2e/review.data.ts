/**
 * What review.test.ts submits and expects: Lima's round 2025, made of the
 * answers Lima published for 2024 (data/assessments.csv) but for the changes
 * of each version, and the UIM's comment.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export const LIMA = '150101';
export const COMMENT = 'Adjunte el padrón de 2025: la captura enviada es de 2022.';
export const LINK = 'https://www.munlima.gob.pe/directiva-documentos-2025';

export interface Answer {
	indicator_id: string;
	answer: string;
	evidence: string | null;
	source_url: string | null;
}

export const csv = (file: string) =>
	Papa.parse<Record<string, string>>(readFileSync(join('data', file), 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

/** The policy indicators of the framework (what a round answers). */
export const POLICY = csv('framework.csv')
	.filter((r) => r.kind === 'policy')
	.map((r) => r.indicator_id);

/** Lima's published answers of 2024 (data/assessments.csv), by indicator. */
export const LIMA_2024 = new Map(
	csv('assessments.csv')
		.filter((r) => r.ubigeo === LIMA && r.round === '2024')
		.map((r) => [r.indicator_id, r])
);

/** Round 2025: 2024's answers and evidence, but for the given changes. */
export function answers2025(changes: Record<string, Partial<Answer>>): Answer[] {
	return POLICY.map((id) => {
		const before = LIMA_2024.get(id)!;
		return {
			indicator_id: id,
			answer: before.answer,
			evidence: before.evidence || null,
			source_url: before.source_url || null,
			...changes[id]
		};
	});
}

export const VERSION_1 = {
	'D1.01': { answer: 'parcial', evidence: 'Directiva en revisión', source_url: LINK },
	'D1.02': { answer: 'no_cumple', evidence: 'Captura del padrón de 2022' }
};
export const VERSION_2 = {
	...VERSION_1,
	'D1.02': { answer: 'parcial', evidence: 'Captura del padrón de enero de 2025' }
};
