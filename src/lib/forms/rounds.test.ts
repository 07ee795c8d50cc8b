import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from './model';
import { listRounds, nameProblem } from './rounds';
import { indicator } from './indicator.fixtures';

const IND = ['A', 'B', 'C'].map((id) => indicator(id, 1, { textEs: id }));

function draft(round: string, status: Draft['status'], answered: string[] = []): Draft {
	const d = emptyDraft('150101', round, '2025-06-15T17:00:00.000Z');
	d.status = status;
	d.completedAt = status === 'completed' ? '2025-06-15T18:00:00.000Z' : null;
	for (const id of answered)
		d.answers[id] = {
			answer: 'cumple',
			evidence: 'x',
			source_url: '',
			notes: '',
			updated_at: null
		};
	return d;
}

describe('listRounds', () => {
	it('merges the data rounds and this browser’s drafts, newest first as text', () => {
		const items = listRounds(
			[
				{ round: '2023', score: 55.5, complete: false },
				{ round: '2025', score: 71, complete: true }, // completed here
				{ round: '2024', score: null, complete: false }
			],
			[draft('2025', 'completed'), draft('2025-S2', 'draft', ['A', 'C']), draft('2022', 'draft')],
			IND
		);
		expect(items.map((i) => [i.round, i.kind, i.score, i.answered])).toEqual([
			['2025-S2', 'draft', null, 2],
			['2025', 'local', 71, 0],
			['2024', 'data', null, 0],
			['2023', 'data', 55.5, 0],
			['2022', 'draft', null, 0]
		]);
		expect(items[1].savedAt).toBe('2025-06-15T18:00:00.000Z');
	});
});

describe('nameProblem', () => {
	it.each([
		['2025', null],
		['2025-S3', 'format'],
		['2024', 'exists'],
		['2025-S1', 'draft']
	] as const)('%s → %s', (name, problem) => {
		expect(nameProblem(name, ['2023', '2024'], [draft('2025-S1', 'draft')])).toBe(problem);
	});
});
