import { describe, expect, it } from 'vitest';
import { changeOf, draftComments, reviewGroups, type ReviewAnswer } from './review-model';

const a = (indicator_id: string, answer: string): ReviewAnswer => ({
	indicator_id,
	answer,
	evidence: null,
	source_url: null
});
const ind = (indicator_id: string, domain: number) => ({
	indicator_id,
	domain,
	text_es: `es ${indicator_id}`,
	text_en: `en ${indicator_id}`
});

describe('changeOf', () => {
	it.each([
		[a('D1.01', 'cumple'), a('D1.01', 'cumple'), true, 'same'],
		[a('D1.01', 'cumple'), a('D1.01', 'parcial'), true, 'changed'],
		[a('D1.01', 'cumple'), null, true, 'new'],
		[null, a('D1.01', 'cumple'), true, 'none'],
		[a('D1.01', 'cumple'), null, false, 'first']
	] as const)('%o before %o (previous round: %s) → %s', (now, before, has, expected) => {
		expect(changeOf(now, before, has)).toBe(expected);
	});
});

describe('reviewGroups', () => {
	it('groups by domain in order, pairs answers, and keeps each indicator its comments', () => {
		const groups = reviewGroups(
			[ind('D2.01', 2), ind('D1.01', 1), ind('D1.02', 1)],
			[a('D1.01', 'parcial'), a('D2.01', 'cumple'), a('D9.01', 'no_sabe')],
			[a('D1.01', 'cumple'), a('D1.02', 'cumple')],
			[
				{ version: 1, indicator_id: 'D1.01', text: 'x', at: '2025-01-01T00:00:00Z', by: 'u' },
				{ version: 1, indicator_id: 'D2.01', text: 'y', at: '2025-01-01T00:00:00Z', by: 'u' }
			]
		);
		expect(groups.map((g) => g.domain)).toEqual([1, 2, 9]);
		expect(groups[0].rows.map((r) => [r.indicator.indicator_id, r.change])).toEqual([
			['D1.01', 'changed'],
			['D1.02', 'none']
		]);
		// not in the previous round: new; not in the framework: under its code's domain
		expect(groups[1].rows[0].change).toBe('new');
		expect(groups[2].rows[0].indicator.indicator_id).toBe('D9.01');
		expect(groups[0].rows[0].comments.map((c) => c.text)).toEqual(['x']);
		expect(groups[1].rows[0].comments.map((c) => c.text)).toEqual(['y']);
	});
});

describe('draftComments', () => {
	it('sends only the written drafts, trimmed, in page order', () => {
		expect(
			draftComments({ 'D2.01': '  falta el enlace ', 'D1.01': '   ', 'D1.02': 'ok' }, [
				'D1.01',
				'D1.02',
				'D2.01'
			])
		).toEqual([
			{ indicator_id: 'D1.02', text: 'ok' },
			{ indicator_id: 'D2.01', text: 'falta el enlace' }
		]);
	});
});
