import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors';
import { useReferenceEngine } from '../test-kit';
import { checkSubmission } from './check';
import type { Answer } from './service';

// The engine holds what the server checks against: the demo data's
// districts (150101 Lima, 150102 Ancón, …) and framework (policy
// indicators D1.01…D6.11, statistics E1.01…).
const reference = useReferenceEngine();

const a = (
	indicator_id: string,
	answer: string,
	evidence: string | null = null,
	source_url: string | null = null
): Answer => ({ indicator_id, answer, evidence, source_url });

type Problem = {
	answer_index: number | null;
	indicator_id: string | null;
	field: string | null;
	message: string;
};

/** The problems of the 400 the check throws (fails the test if it passes). */
async function problems(ubigeo: string, round: string, answers: Answer[]): Promise<Problem[]> {
	const error = await checkSubmission(reference.engine, ubigeo, round, answers).then(
		() => {
			throw new Error('the check passed');
		},
		(e) => e
	);
	expect(error).toBeInstanceOf(ApiError);
	expect([error.status, error.code]).toEqual([400, 'invalid_submission']);
	expect(error.detail.errors).toBe(error.detail.problems.length);
	return error.detail.problems;
}

const where = (p: Problem[]) => p.map((x) => [x.answer_index, x.indicator_id, x.field]);

describe('checkSubmission', () => {
	it('passes a good submission: the five answers, evidence, an https link, a formula-like text', async () => {
		await expect(
			checkSubmission(reference.engine, '150101', '2025-S1', [
				a('D1.01', 'cumple', 'Ordenanza N.° 123', 'https://www.munlima.gob.pe/x?a=1'),
				a('D1.02', 'parcial', '=HYPERLINK("http://x")'),
				a('D1.03', 'no_cumple'),
				a('D2.01', 'no_aplica', 'Línea 1\nLínea 2'),
				a('D2.02', 'no_sabe', null, 'http://example.pe')
			])
		).resolves.toBeUndefined();
	});

	it('names a bad answer value', async () => {
		const p = await problems('150101', '2025', [a('D1.01', 'cumple'), a('D1.02', 'quizás')]);
		expect(where(p)).toEqual([[1, 'D1.02', 'answer']]);
		expect(p[0].message).toContain('«quizás»');
		expect(p[0].message).toMatch(/cumple, parcial, no_cumple, no_aplica, no_sabe/);
	});

	it('names an unknown indicator, and a statistic where a policy indicator is needed', async () => {
		const p = await problems('150101', '2025', [
			a('X9.99', 'cumple'),
			a('D1.01', 'cumple'),
			a('E1.01', 'cumple')
		]);
		expect(where(p)).toEqual([
			[0, 'X9.99', 'indicator_id'],
			[2, 'E1.01', 'indicator_id']
		]);
		expect(p[0].message).toContain('«X9.99»');
		expect(p[1].message).toContain('«E1.01»');
	});

	it('names an unknown ubigeo', async () => {
		const p = await problems('999999', '2025', [a('D1.01', 'cumple')]);
		expect(where(p)).toEqual([[0, 'D1.01', 'ubigeo']]);
		expect(p[0].message).toContain('«999999»');
	});

	it('names a round name outside the contract (2024-S3)', async () => {
		const p = await problems('150101', '2024-S3', [a('D1.01', 'cumple')]);
		expect(p.map((x) => x.field)).toEqual(['round']);
		expect(p[0].message).toContain('«2024-S3»');
	});

	it('names a repeated indicator, at its second answer', async () => {
		const p = await problems('150101', '2025', [
			a('D1.01', 'cumple'),
			a('D1.02', 'cumple'),
			a('D1.01', 'parcial')
		]);
		expect(p.map((x) => [x.answer_index, x.indicator_id])).toEqual([[2, 'D1.01']]);
		expect(p[0].message).toMatch(/D1\.01/);
	});

	it('names a link that is not http(s)', async () => {
		const p = await problems('150101', '2025', [
			a('D1.01', 'cumple', null, 'javascript:alert(1)'),
			a('D1.02', 'cumple', null, 'www.example.pe')
		]);
		expect(where(p)).toEqual([
			[0, 'D1.01', 'source_url'],
			[1, 'D1.02', 'source_url']
		]);
	});

	it('names every problem of a submission, with the first in the message', async () => {
		const error = await checkSubmission(reference.engine, '150101', '2025', [
			a('D1.01', 'talvez'),
			a('D1.02', 'cumple'),
			a('Z1.01', 'cumple'),
			a('D1.03', 'nunca')
		]).catch((e) => e);
		expect(where(error.detail.problems)).toEqual([
			[0, 'D1.01', 'answer'],
			[2, 'Z1.01', 'indicator_id'],
			[3, 'D1.03', 'answer']
		]);
		expect(error.message).toMatch(
			/^3 problema\(s\) en el envío; el primero \(indicador D1\.01, campo answer\): /
		);
	});

	it('maps a problem to its answer when earlier evidence spans lines (\\n, \\r\\n, a lone \\r)', async () => {
		const p = await problems('150101', '2025', [
			a('D1.01', 'cumple', 'uno\ndos\ntres'),
			a('D1.02', 'cumple', 'cuatro\r\ncinco'),
			a('D1.03', 'cumple', 'seis\rsiete'),
			a('D1.04', 'cumple', '\n\n"comillas"\n', 'https://example.pe/a'),
			a('D1.05', 'malo')
		]);
		expect(where(p)).toEqual([[4, 'D1.05', 'answer']]);
	});

	it('maps problems on both sides of a multi-line evidence', async () => {
		const p = await problems('150101', '2025', [
			a('D1.01', 'malo', 'a\nb\nc'),
			a('D1.02', 'cumple', 'd\r\ne'),
			a('D1.03', 'peor', 'f\rg')
		]);
		expect(where(p)).toEqual([
			[0, 'D1.01', 'answer'],
			[2, 'D1.03', 'answer']
		]);
	});

	it('refuses what an import would clean up: a synonym, capitals, spaces, a 5-digit ubigeo', async () => {
		// the import reads «si» as cumple and trims spaces; the API stores what it is sent, so it
		// must be sent as the contract writes it
		const p = await problems('150101', '2025', [
			a('D1.01', 'si'),
			a('D1.02', 'Cumple'),
			a('D1.03', ' parcial'),
			a(' D1.04', 'cumple'),
			a('D1.05', 'cumple', null, ' https://example.pe ')
		]);
		expect(where(p)).toEqual([
			[0, 'D1.01', 'answer'],
			[1, 'D1.02', 'answer'],
			[2, 'D1.03', 'answer'],
			[3, ' D1.04', 'indicator_id'],
			[4, 'D1.05', 'source_url']
		]);
		expect(p[0].message).toContain('«si»');
		expect(where(await problems('150101', ' 2025', [a('D1.01', 'cumple')]))).toEqual([
			[null, null, 'round']
		]);
		expect(where(await problems('150101', '2025-s1', [a('D1.01', 'cumple')]))).toEqual([
			[null, null, 'round']
		]);
		// 070101 (Callao) exists: an import pads «70101» to it
		expect(where(await problems('70101', '2025', [a('D1.01', 'cumple')]))).toEqual([
			[null, null, 'ubigeo']
		]);
	});
});
