import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeople, tempStore } from '../../../../tests/fixtures/server-store';
import type { Store } from '../db/store';
import { previousRound, queueOrder, reviewQueue, WORK_STATES, type QueueRow } from './queue';
import { returnRound, submitVersion, validateRound, type SubmissionCheck } from './service';

const row = (
	ubigeo: string,
	state: QueueRow['state'],
	submitted_at: string,
	updated_at = submitted_at
): QueueRow => ({
	ubigeo,
	round: '2025',
	state,
	latest_version: 1,
	published_version: null,
	updated_at,
	submitted_at,
	submitted_by: null,
	submitted_by_name: null
});

describe('queueOrder', () => {
	it('puts submitted rounds first, oldest sent first; then returned, validated, published, latest change first', () => {
		const order = queueOrder([
			row('150103', 'validated', '2025-01-01T00:00:00.000Z', '2025-01-05T00:00:00.000Z'),
			row('150102', 'submitted', '2025-01-03T00:00:00.000Z'),
			row('150104', 'returned', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'),
			row('150105', 'returned', '2025-01-01T00:00:00.000Z', '2025-01-04T00:00:00.000Z'),
			row('150101', 'submitted', '2025-01-02T00:00:00.000Z'),
			row('150106', 'published', '2025-01-01T00:00:00.000Z', '2025-01-09T00:00:00.000Z')
		]).map((r) => r.ubigeo);
		expect(order).toEqual(['150101', '150102', '150105', '150104', '150103', '150106']);
	});
});

describe('previousRound', () => {
	it.each([
		[['2022', '2023', '2024', '2025'], '2025', '2024'],
		[['2024', '2023', '2025-S1', '2025-S2'], '2025-S2', '2025-S1'],
		[['2024', '2024-S1'], '2024-S1', '2024'],
		[['2025'], '2025', null],
		[['2026', '2024'], '2025', '2024']
	])('%o before %s → %s', (rounds, current, expected) => {
		expect(previousRound(rounds, current)).toBe(expected);
	});
});

describe('reviewQueue against the store', () => {
	let store: Store;
	let close: () => Promise<void>;
	let people: Awaited<ReturnType<typeof addPeople>>;
	const passes: SubmissionCheck = async () => {};
	const answers = [{ indicator_id: 'D1.01', answer: 'cumple', evidence: null, source_url: null }];

	beforeAll(async () => {
		({ store, close } = await tempStore());
		people = await addPeople(store);
		const at = (day: number) => new Date(Date.UTC(2025, 0, day, 12));
		// Lima sends on day 2, Ancón on day 1 (waits longer); Lima v1 returned on day 3, v2 sent day 4
		await submitVersion(
			store,
			people.other,
			'150102',
			'2025',
			{ base_version: null, answers },
			passes,
			at(1)
		);
		await submitVersion(
			store,
			people.official,
			'150101',
			'2025',
			{ base_version: null, answers },
			passes,
			at(2)
		);
		await returnRound(
			store,
			people.uim,
			'150101',
			'2025',
			[{ indicator_id: 'D1.01', text: 'x' }],
			at(3)
		);
		await submitVersion(
			store,
			people.official,
			'150101',
			'2025',
			{ base_version: 1, answers },
			passes,
			at(4)
		);
		await submitVersion(
			store,
			people.official,
			'150101',
			'2024',
			{ base_version: null, answers },
			passes,
			at(5)
		);
		await validateRound(store, people.uim, '150101', '2024', [], at(6));
	});
	afterAll(() => close());

	it('lists the work in queue order, each with who sent its latest version and when', async () => {
		const rows = await reviewQueue(store, people.uim, { states: WORK_STATES });
		expect(rows.map((r) => [r.ubigeo, r.round, r.state, r.latest_version, r.submitted_by])).toEqual(
			[
				['150102', '2025', 'submitted', 1, 'ancon@test.pe'],
				['150101', '2025', 'submitted', 2, 'lima@test.pe'],
				['150101', '2024', 'validated', 1, 'lima@test.pe']
			]
		);
		expect(rows[1].submitted_at).toBe('2025-01-04T12:00:00.000Z');
		expect(rows[1].submitted_by_name).toBe('lima');
	});

	it('filters by district and state', async () => {
		const rows = await reviewQueue(store, people.analyst, {
			ubigeo: '150101',
			states: ['validated']
		});
		expect(rows.map((r) => r.round)).toEqual(['2024']);
	});
});
