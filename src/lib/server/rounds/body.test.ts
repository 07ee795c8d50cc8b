import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors';
import { parseComments, parseSubmission } from './body';

/** The message of the 400 a parse throws. */
function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ApiError);
		expect((e as ApiError).status).toBe(400);
		return (e as ApiError).message;
	}
	throw new Error('parsed');
}

const good = { indicator_id: 'D1.01', answer: 'cumple', evidence: 'Ordenanza', source_url: null };

describe('parseSubmission', () => {
	it('reads base_version (null when absent) and the answers, empty texts as null', () => {
		expect(parseSubmission({ answers: [good] })).toEqual({ base_version: null, answers: [good] });
		expect(
			parseSubmission({
				base_version: 3,
				answers: [{ indicator_id: 'D1.02', answer: 'parcial', evidence: '', source_url: '' }]
			})
		).toEqual({
			base_version: 3,
			answers: [{ indicator_id: 'D1.02', answer: 'parcial', evidence: null, source_url: null }]
		});
	});

	it.each([
		[null, /objeto JSON/],
		[[good], /objeto JSON/],
		[{ base_version: 0, answers: [good] }, /base_version/],
		[{ base_version: '1', answers: [good] }, /base_version/],
		[{ base_version: 1.5, answers: [good] }, /base_version/],
		[{ answers: [] }, /al menos una/],
		[{ answers: 'D1.01' }, /al menos una/],
		[{ answers: [good, 'x'] }, /answers\[1\] debe ser un objeto/],
		[{ answers: [{ ...good, indicator_id: undefined }] }, /Falta answers\[0\]\.indicator_id/],
		[{ answers: [{ ...good, answer: '' }] }, /Falta answers\[0\]\.answer/],
		[{ answers: [{ ...good, answer: 1 }] }, /answers\[0\]\.answer debe ser texto/],
		[{ answers: [{ ...good, evidence: 'x'.repeat(4001) }] }, /answers\[0\]\.evidence pasa de 4000/],
		[{ answers: Array.from({ length: 1001 }, () => good) }, /más de 1000/]
	])('refuses %j', (body, message) => {
		expect(refusal(() => parseSubmission(body))).toMatch(message);
	});

	it('takes evidence of exactly 4000 characters', () => {
		const evidence = 'x'.repeat(4000);
		expect(parseSubmission({ answers: [{ ...good, evidence }] }).answers[0].evidence).toBe(
			evidence
		);
	});
});

describe('parseComments', () => {
	it('reads no body, or no comments, as none', () => {
		expect(parseComments(null)).toEqual([]);
		expect(parseComments({})).toEqual([]);
		expect(parseComments({ comments: [] })).toEqual([]);
	});

	it('reads comments, their text trimmed', () => {
		expect(
			parseComments({ comments: [{ indicator_id: 'D1.01', text: '  Falta la firma. \n' }] })
		).toEqual([{ indicator_id: 'D1.01', text: 'Falta la firma.' }]);
	});

	it.each([
		[{ comments: 'x' }, /comments debe ser una lista/],
		[{ comments: [1] }, /comments\[0\] debe ser un objeto/],
		[{ comments: [{ text: 'x' }] }, /Falta comments\[0\]\.indicator_id/],
		[{ comments: [{ indicator_id: 'D1.01' }] }, /Falta comments\[0\]\.text/],
		// a comment of blanks says nothing: it is missing, not an empty comment
		[{ comments: [{ indicator_id: 'D1.01', text: '  \n ' }] }, /Falta comments\[0\]\.text/]
	])('refuses %j', (body, message) => {
		expect(refusal(() => parseComments(body))).toMatch(message);
	});
});
