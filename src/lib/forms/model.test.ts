import { describe, expect, it } from 'vitest';
import {
	answersFromRows,
	groupIndicators,
	isHttpUrl,
	isRoundName,
	missingForFinish,
	roundRows,
	suggestRoundName,
	toIndicators,
	unmetIndicators,
	type Draft,
	type DraftAnswer
} from './model';
import { indicator } from './indicator.fixtures';

const ind = (id: string, domain: number, subarea: string | null = null) =>
	indicator(id, domain, { subarea });

function answer(a: Partial<DraftAnswer>): DraftAnswer {
	return { answer: null, evidence: '', source_url: '', notes: '', updated_at: null, ...a };
}

describe('round names', () => {
	it.each([
		['2025', true],
		['2025-S1', true],
		['2025-S2', true],
		['2025-S3', false],
		['2025-s1', false],
		['25', false],
		['2025 ', false],
		['2025-1', false],
		['', false]
	])('%j is a round name: %s', (text, ok) => {
		expect(isRoundName(text)).toBe(ok);
	});

	it('suggests this year, then its semesters, skipping names taken', () => {
		expect(suggestRoundName('2025-03-10', ['2022', '2024'])).toBe('2025');
		expect(suggestRoundName('2025-03-10', ['2025'])).toBe('2025-S1');
		expect(suggestRoundName('2025-09-10', ['2025'])).toBe('2025-S2');
		expect(suggestRoundName('2025-03-10', ['2025', '2025-S1'])).toBe('2025-S2');
		expect(suggestRoundName('2025-03-10', ['2025', '2025-S1', '2025-S2'])).toBeNull();
	});
});

describe('isHttpUrl', () => {
	it.each([
		['', true],
		['https://www.gob.pe/munilima', true],
		['http://example.org/a?b=c', true],
		['  https://example.org  ', true],
		['javascript:alert(1)', false],
		['data:text/html,hi', false],
		['ftp://example.org', false],
		['file:///etc/passwd', false],
		['www.gob.pe', false],
		['https://', false],
		['no es un enlace', false]
	])('%j → %s', (text, ok) => {
		expect(isHttpUrl(text)).toBe(ok);
	});
});

describe('toIndicators and groupIndicators', () => {
	it('orders ids naturally within a domain and groups subareas by first appearance', () => {
		const indicators = toIndicators([
			{ indicator_id: '2.10', domain: 2, subarea: 'B', text_es: 'x', weight: 2 },
			{ indicator_id: '2.9', domain: 2, subarea: 'A', text_es: 'y', weight: null },
			{ indicator_id: '1.1', domain: 1, subarea: '', text_es: 'z', weight: 1 },
			{ indicator_id: '2.2', domain: 2, subarea: 'B', text_es: 'w', weight: 1 }
		]);
		expect(indicators.map((i) => i.id)).toEqual(['1.1', '2.2', '2.9', '2.10']);
		expect(indicators[0].subarea).toBeNull(); // empty text is no subarea
		expect(indicators[2].weight).toBe(1); // default weight
		const groups = groupIndicators(indicators);
		expect(groups.map((g) => g.domain)).toEqual([1, 2]);
		expect(groups[1].subareas.map((s) => [s.name, s.indicators.map((i) => i.id)])).toEqual([
			['B', ['2.2', '2.10']],
			['A', ['2.9']]
		]);
	});
});

describe('missingForFinish', () => {
	const indicators = [ind('A', 1), ind('B', 1), ind('C', 2), ind('D', 2), ind('E', 3), ind('F', 3)];

	it('asks for every applicable answer, no "no sabe", evidence for cumple/parcial and http(s) links', () => {
		const missing = missingForFinish(indicators, {
			A: answer({ answer: 'cumple', evidence: 'Ordenanza 123' }),
			B: answer({ answer: 'parcial', evidence: '   ' }),
			C: answer({ answer: 'no_sabe' }),
			// D: never touched
			E: answer({ answer: 'no_cumple', source_url: 'javascript:alert(1)' }),
			F: answer({ answer: null, evidence: 'typed, not answered' })
		});
		expect(missing.map((m) => [m.indicator.id, m.reason])).toEqual([
			['B', 'evidence'],
			['C', 'no_sabe'],
			['D', 'unanswered'],
			['E', 'url'],
			['F', 'unanswered']
		]);
	});

	it('is empty when the round can be completed (no_aplica and no_cumple need no evidence)', () => {
		expect(
			missingForFinish(indicators, {
				A: answer({ answer: 'cumple', evidence: 'x' }),
				B: answer({ answer: 'parcial', evidence: 'y', source_url: 'https://a.pe' }),
				C: answer({ answer: 'no_aplica' }),
				D: answer({ answer: 'no_cumple' }),
				E: answer({ answer: 'no_aplica' }),
				F: answer({ answer: 'no_cumple' })
			})
		).toEqual([]);
	});
});

describe('rows', () => {
	it('copies answers from another round and writes the answered ones back in form order', () => {
		const answers = answersFromRows([
			{ indicator_id: 'B', answer: 'parcial', evidence: null, source_url: null, updated_at: null },
			{
				indicator_id: 'A',
				answer: 'cumple',
				evidence: 'Ord. 1',
				source_url: 'https://x.pe',
				updated_at: '2024-11-20T14:00:00.000Z'
			},
			{ indicator_id: 'Z', answer: 'bogus', evidence: null, source_url: null, updated_at: null }
		]);
		expect(Object.keys(answers).sort()).toEqual(['A', 'B']);
		expect(answers.B).toEqual(answer({ answer: 'parcial' }));
		const draft: Draft = {
			id: '150101:2025',
			ubigeo: '150101',
			round: '2025',
			status: 'draft',
			createdAt: '',
			updatedAt: '',
			completedAt: null,
			prefilledFrom: '2024',
			answers: { ...answers, C: answer({ evidence: 'no answer yet' }) }
		};
		const rows = roundRows(draft, [ind('A', 1), ind('B', 1), ind('C', 1)]);
		expect(rows.map((r) => [r.indicator_id, r.answer, r.evidence])).toEqual([
			['A', 'cumple', 'Ord. 1'],
			['B', 'parcial', '']
		]);
		expect(unmetIndicators([ind('A', 1), ind('B', 1)], answers).map((u) => u.indicator.id)).toEqual(
			['B']
		);
	});
});
