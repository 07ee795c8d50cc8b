import { describe, expect, it } from 'vitest';
import {
	ANCON,
	answers,
	assessmentEngine,
	ATE,
	CALLAO,
	domainRow,
	LIMA,
	overallRow,
	type Answer
} from './assessment-fixture';
import type { Row } from '$lib/engine/types';
import { domainScoresSql, overallScoresSql, roundsSql } from './assessment';

// Scores across rounds, and the overall score of the six domains
// (assessment-fixture.ts says how every expected number is worked out).

const { load, run } = assessmentEngine();

describe('domainScoresSql across rounds', () => {
	it('computes change against the latest earlier round that has a score', async () => {
		await load([
			// Lima: 2022 scored, 2023 domain 1 unanswered, 2024 scored
			...answers(LIMA, '2022', {
				'D1.01': 'cumple', // weight 2
				'D1.02': 'no_cumple', // weight 1
				'D1.03': 'no_cumple' // weight 1
			}),
			...answers(LIMA, '2023', {
				'D1.01': 'no_sabe',
				'D2.01': 'cumple' // weight 1; D2.02, D2.03 no rows
			}),
			...answers(LIMA, '2024', {
				'D1.01': 'cumple',
				'D1.02': 'cumple',
				'D1.03': 'cumple',
				'D2.02': 'parcial' // weight 0.5; D2.01, D2.03 no rows
			}),
			// Ancón: semester rounds, inserted newest first
			...answers(ANCON, '2024', {
				'D1.01': 'cumple', // 2·1
				'D1.02': 'cumple', // 1·1
				'D1.03': 'parcial' // 1·0.5
			}),
			...answers(ANCON, '2023-S2', {
				'D1.01': 'cumple', // 2·1
				'D1.02': 'no_cumple',
				'D1.03': 'no_cumple'
			}),
			...answers(ANCON, '2023-S1', {
				'D1.01': 'no_cumple',
				'D1.02': 'cumple', // 1·1
				'D1.03': 'no_cumple'
			})
		]);
		const rows = await run(domainScoresSql());
		const d = (ubigeo: string, round: string, domain: number) =>
			domainRow(rows, ubigeo, round, domain);

		// Lima domain 1: 2022 = 2·1 / 4 → 50; 2023 = nothing answered → empty; 2024 = 4/4 → 100
		expect(d(LIMA, '2022', 1).score).toBe(50);
		expect(d(LIMA, '2022', 1).change).toBeNull(); // first round: nothing earlier
		expect(d(LIMA, '2023', 1).score).toBeNull();
		expect(d(LIMA, '2023', 1).change).toBeNull(); // no score, no change
		expect(d(LIMA, '2024', 1).score).toBe(100);
		expect(d(LIMA, '2024', 1).change).toBe(50); // 100 − 50 (2022; 2023 has no score)

		// Lima domain 2: 2022 no rows → empty; 2023 = 1·1/1 → 100; 2024 = 0.5·0.5/0.5 → 50
		expect(d(LIMA, '2022', 2).score).toBeNull();
		expect(d(LIMA, '2023', 2).score).toBe(100);
		expect(d(LIMA, '2023', 2).change).toBeNull(); // the only earlier round has no score
		expect(d(LIMA, '2024', 2).score).toBe(50);
		expect(d(LIMA, '2024', 2).change).toBe(-50); // 50 − 100

		// Ancón domain 1, in text order 2023-S1 < 2023-S2 < 2024:
		// 2023-S1 = 1·1/4 → 25; 2023-S2 = 2·1/4 → 50; 2024 = (2+1+0.5)/4 = 3.5/4 → 87.5
		expect(d(ANCON, '2023-S1', 1).score).toBe(25);
		expect(d(ANCON, '2023-S1', 1).change).toBeNull(); // Lima's earlier rounds don't count
		expect(d(ANCON, '2023-S2', 1).score).toBe(50);
		expect(d(ANCON, '2023-S2', 1).change).toBe(25); // 50 − 25
		expect(d(ANCON, '2024', 1).score).toBe(87.5);
		expect(d(ANCON, '2024', 1).change).toBe(37.5); // 87.5 − 50

		// rows come out in text order of round within a district
		const anconRounds = rows
			.filter((r) => r.ubigeo === ANCON && r.domain === 1)
			.map((r) => r.round);
		expect(anconRounds).toEqual(['2023-S1', '2023-S2', '2024']);

		// roundsSql: every round present, newest (greatest as text) first
		const rounds = (await run(roundsSql())).map((r) => r.round);
		expect(rounds).toEqual(['2024', '2023-S2', '2023-S1', '2023', '2022']);
	});

	it('restricts rows by ubigeo and round, keeping change computed over all rounds', async () => {
		await load([
			...answers(LIMA, '2022', { 'D1.01': 'cumple', 'D1.02': 'no_cumple', 'D1.03': 'no_cumple' }),
			...answers(LIMA, '2024', { 'D1.01': 'cumple', 'D1.02': 'cumple', 'D1.03': 'cumple' }),
			...answers(ATE, '2022', { 'D1.01': 'no_cumple' }),
			...answers(ATE, '2024', { 'D1.01': 'cumple' })
		]);
		const keys = (rows: Row[]) => [...new Set(rows.map((r) => `${r.ubigeo}/${r.round}`))];

		// 2 districts × 2 rounds × 6 domains = 24 rows unfiltered
		expect(await run(domainScoresSql())).toHaveLength(24);

		const lima = await run(domainScoresSql({ ubigeo: LIMA }));
		expect(lima).toHaveLength(12); // 2 rounds × 6 domains
		expect(keys(lima)).toEqual([`${LIMA}/2022`, `${LIMA}/2024`]);

		const r2024 = await run(domainScoresSql({ round: '2024' }));
		expect(r2024).toHaveLength(12); // 2 districts × 6 domains
		expect(keys(r2024)).toEqual([`${LIMA}/2024`, `${ATE}/2024`].sort());

		const both = await run(domainScoresSql({ ubigeo: LIMA, round: '2024' }));
		expect(both.map((r) => r.domain)).toEqual([1, 2, 3, 4, 5, 6]);
		// the filter must not hide 2022 from the change: Lima D1 2024 = 4/4 → 100,
		// 2022 = 2/4 → 50, change = 100 − 50 = 50
		expect(domainRow(both, LIMA, '2024', 1).change).toBe(50);
		// Ate D1: 2024 = 1·2/2 → 100, 2022 = 0/2 → 0, change = 100
		expect(domainRow(r2024, ATE, '2024', 1).change).toBe(100);

		expect(keys(await run(overallScoresSql({ ubigeo: ATE })))).toEqual([
			`${ATE}/2022`,
			`${ATE}/2024`
		]);
		expect(keys(await run(overallScoresSql({ round: '2022' })))).toEqual(
			[`${LIMA}/2022`, `${ATE}/2022`].sort()
		);
		expect(await run(overallScoresSql({ ubigeo: CALLAO }))).toEqual([]); // never assessed
	});
});

describe('overallScoresSql', () => {
	/** Every domain answered: D1 62.5, D2 100, D3 25, D4 50, D5 50, D6 50. */
	const complete: Record<string, Answer> = {
		'D1.01': 'cumple', // 2·1
		'D1.02': 'parcial', // 1·0.5
		'D1.03': 'no_cumple', // D1 = 2.5/4 → 62.5
		'D2.01': 'cumple',
		'D2.02': 'cumple',
		'D2.03': 'cumple', // D2 = 3/3 → 100
		'D3.01': 'cumple', // 1·1
		'D3.02': 'no_cumple', // D3 = 1/4 → 25
		'D4.01': 'cumple', // 1·1
		'D4.02': 'cumple', // 1·1
		'D4.03': 'no_cumple', // D4 = 2/4 → 50
		'D5.01': 'parcial',
		'D5.02': 'parcial', // D5 = 1/2 → 50
		'D6.01': 'parcial', // 0.5·0.5
		'D6.02': 'parcial' // D6 = 0.75/1.5 → 50
	};

	it('averages the six domain scores, unweighted, only when all six exist', async () => {
		await load([
			// Lima: everything answered
			...answers(LIMA, '2024', complete),
			// Ancón: as Lima, but domain 6 is unanswered (no_sabe + a missing row)
			...answers(ANCON, '2024', {
				...Object.fromEntries(Object.entries(complete).filter(([id]) => !id.startsWith('D6'))),
				'D6.01': 'no_sabe'
			}),
			// Ate: as Lima, but D5.02 is no_sabe: D5 = 0.5/1 → 50, completeness 1/2 → 50
			...answers(ATE, '2024', { ...complete, 'D5.02': 'no_sabe' })
		]);
		const rows = await run(overallScoresSql());

		const lima = overallRow(rows, LIMA, '2024');
		// (62.5 + 100 + 25 + 50 + 50 + 50) / 6 = 337.5/6 → 56.25
		// (not weighted by each domain's indicator weights)
		expect(lima.score).toBe(56.25);
		expect(lima.level).toBe('en_desarrollo');
		expect(lima.complete).toBe(true); // every completeness is 100

		const ancon = overallRow(rows, ANCON, '2024');
		// only five domain scores: empty, never the mean of five (287.5/5 = 57.5)
		expect(ancon.score).toBeNull();
		expect(ancon.level).toBeNull();
		expect(ancon.complete).toBe(false); // D6 completeness 0/2 → 0

		const ate = overallRow(rows, ATE, '2024');
		// six scores (D5 = 0.5·1/1 → 50): (62.5 + 100 + 25 + 50 + 50 + 50)/6 → 56.25
		expect(ate.score).toBe(56.25);
		expect(ate.complete).toBe(false); // D5 completeness 100 · 1/2 → 50
	});

	it('treats a domain where everything is no_aplica as complete, but without a score', async () => {
		await load(
			answers(LIMA, '2024', {
				...complete,
				'D4.01': 'no_aplica',
				'D4.02': 'no_aplica',
				'D4.03': 'no_aplica'
			})
		);
		const d4 = domainRow(await run(domainScoresSql()), LIMA, '2024', 4);
		expect(d4.applicable).toBe(0);
		expect(d4.completeness).toBeNull(); // 0/0: empty
		expect(d4.score).toBeNull(); // nothing answered

		const lima = overallRow(await run(overallScoresSql()), LIMA, '2024');
		// D4 has no score, so there are only five: the overall score is empty.
		expect(lima.score).toBeNull();
		// §5 says "complete = every domain's completeness is 100", and D4's is empty.
		// The code reads an all-no_aplica domain as having nothing left to answer,
		// so it counts as complete: the other five are at 100, hence true.
		expect(lima.complete).toBe(true);
	});
});
