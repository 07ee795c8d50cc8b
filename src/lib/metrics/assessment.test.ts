import { describe, expect, it } from 'vitest';
import {
	answers,
	assessmentEngine,
	domainRow,
	LIMA,
	overallRow,
	type Indicator
} from './assessment-fixture';
import { domainScoresSql, overallScoresSql } from './assessment';

// How a domain is scored in one round (assessment-fixture.ts says how every
// expected number is worked out); across rounds: assessment-rounds.test.ts.

const { load, run, query } = assessmentEngine();

describe('domainScoresSql', () => {
	it('values cumple 1, parcial 0.5, no_cumple 0, and applies the weights', async () => {
		await load([
			...answers(LIMA, '2024', {
				'D1.01': 'cumple', // weight 2
				'D1.02': 'parcial', // weight 1
				'D1.03': 'no_cumple', // weight 1
				'D2.01': 'no_cumple', // weight 1
				'D2.02': 'parcial', // weight 0.5
				'D2.03': 'cumple', // weight 1.5
				'D3.01': 'cumple', // weight 1
				'D3.02': 'no_cumple' // weight 3
			}),
			// The statistic S1.01 is not part of the self-assessment. Validation
			// would reject this row; even if it slips in, no score may count it.
			[LIMA, '2024', 'S1.01', 'cumple']
		]);
		const rows = await run(domainScoresSql());

		const d1 = domainRow(rows, LIMA, '2024', 1);
		// (2·1 + 1·0.5 + 1·0) / (2+1+1) = 2.5/4 → 62.5 (unweighted: 1.5/3 → 50;
		// counting the statistic: 3.5/5 → 70)
		expect(d1.score).toBe(62.5);
		expect(d1.level).toBe('en_desarrollo'); // 40 ≤ 62.5 < 70
		// the statistic is neither applicable nor answered: 3 policy indicators
		expect(d1.applicable).toBe(3);
		expect(d1.answered).toBe(3);
		expect(d1.completeness).toBe(100); // 100 · 3/3

		const d2 = domainRow(rows, LIMA, '2024', 2);
		// (1·0 + 0.5·0.5 + 1.5·1) / (1+0.5+1.5) = 1.75/3 → 58.333… (unweighted: 1.5/3 → 50)
		expect(d2.score).toBeCloseTo(58.333333, 6);
		expect(d2.level).toBe('en_desarrollo');

		const d3 = domainRow(rows, LIMA, '2024', 3);
		// (1·1 + 3·0) / (1+3) = 1/4 → 25 (unweighted: 1/2 → 50)
		expect(d3.score).toBe(25);
		expect(d3.level).toBe('inicial'); // 25 < 40
	});

	it('takes a no_aplica indicator out of the domain', async () => {
		await load(
			answers(LIMA, '2024', {
				'D1.01': 'no_aplica', // weight 2: out of the domain
				'D1.02': 'cumple', // weight 1
				'D1.03': 'no_cumple' // weight 1
			})
		);
		const d1 = domainRow(await run(domainScoresSql()), LIMA, '2024', 1);
		// applicable = 3 indicators − 1 no_aplica = 2; answered = 2
		expect(d1.applicable).toBe(2);
		expect(d1.answered).toBe(2);
		// (1·1 + 1·0) / (1+1) = 1/2 → 50 (were no_aplica a zero: 1/4 → 25)
		expect(d1.score).toBe(50);
		expect(d1.completeness).toBe(100); // 100 · 2/2
	});

	it('counts no_sabe and a missing row as applicable but unanswered', async () => {
		await load(
			answers(LIMA, '2024', {
				'D1.01': 'cumple', // weight 2
				'D1.02': 'no_sabe', // weight 1, unanswered
				// D1.03 (weight 1): no row, unanswered
				'D2.01': 'no_sabe', // weight 1, unanswered
				'D2.02': 'parcial' // weight 0.5
				// D2.03 (weight 1.5): no row, unanswered
			})
		);
		const rows = await run(domainScoresSql());

		const d1 = domainRow(rows, LIMA, '2024', 1);
		expect(d1.applicable).toBe(3); // none is no_aplica
		expect(d1.answered).toBe(1); // only D1.01
		// only the answered count: 2·1 / 2 → 100 (were unanswered zeros: 2/4 → 50)
		expect(d1.score).toBe(100);
		expect(d1.level).toBe('consolidado');
		expect(d1.completeness).toBeCloseTo(33.333333, 6); // 100 · 1/3

		const d2 = domainRow(rows, LIMA, '2024', 2);
		expect(d2.applicable).toBe(3);
		expect(d2.answered).toBe(1);
		expect(d2.score).toBe(50); // 0.5·0.5 / 0.5 = 0.5 → 50
		expect(d2.completeness).toBeCloseTo(33.333333, 6); // 100 · 1/3

		// Domain 5 has no rows at all for Lima in 2024: both indicators unanswered.
		const d5 = domainRow(rows, LIMA, '2024', 5);
		expect(d5.applicable).toBe(2);
		expect(d5.answered).toBe(0);
		expect(d5.completeness).toBe(0); // 100 · 0/2
		expect(d5.score).toBeNull(); // nothing answered
	});

	it('leaves score empty when nothing is answered and completeness empty when nothing is applicable', async () => {
		await load(
			answers(LIMA, '2024', {
				'D1.01': 'no_sabe', // D1.02, D1.03: no rows
				'D2.01': 'no_aplica',
				'D2.02': 'no_aplica',
				'D2.03': 'no_aplica',
				'D3.01': 'cumple', // weight 1
				'D3.02': 'no_sabe' // weight 3
			})
		);
		const rows = await run(domainScoresSql());

		const d1 = domainRow(rows, LIMA, '2024', 1);
		// nothing answered: the score is empty (not 0), completeness is 0/3 → 0
		expect(d1.score).toBeNull();
		expect(d1.level).toBeNull();
		expect(d1.answered).toBe(0);
		expect(d1.applicable).toBe(3);
		expect(d1.completeness).toBe(0);

		const d2 = domainRow(rows, LIMA, '2024', 2);
		// everything no_aplica: applicable = 0, so completeness is empty, and so is the score
		expect(d2.applicable).toBe(0);
		expect(d2.answered).toBe(0);
		expect(d2.completeness).toBeNull();
		expect(d2.score).toBeNull();
		expect(d2.level).toBeNull();

		const d3 = domainRow(rows, LIMA, '2024', 3);
		// completeness is unweighted: 100 · 1/2 → 50 (weighted it would be 1/(1+3) → 25)
		expect(d3.completeness).toBe(50);
		expect(d3.score).toBe(100); // 1·1 / 1
	});

	it('classifies the level from the unrounded score', async () => {
		// One indicator set per domain, weights chosen to land on each threshold.
		const framework: Indicator[] = [
			['L1.a', 1, 'policy', 0.999],
			['L1.b', 1, 'policy', 1.501],
			['L2.a', 2, 'policy', 2],
			['L2.b', 2, 'policy', 3],
			['L3.a', 3, 'policy', 87],
			['L3.b', 3, 'policy', 38],
			['L4.a', 4, 'policy', 0.7],
			['L4.b', 4, 'policy', 0.7],
			['L4.c', 4, 'policy', 0.1],
			['L5.a', 5, 'policy', 8999],
			['L5.b', 5, 'policy', 1001],
			['L6.a', 6, 'policy', 9],
			['L6.b', 6, 'policy', 1]
		];
		await load(
			answers(LIMA, '2024', {
				'L1.a': 'cumple',
				'L1.b': 'no_cumple',
				'L2.a': 'cumple',
				'L2.b': 'no_cumple',
				'L3.a': 'cumple',
				'L3.b': 'no_cumple',
				'L4.a': 'cumple',
				'L4.b': 'parcial',
				'L4.c': 'no_cumple',
				'L5.a': 'cumple',
				'L5.b': 'no_cumple',
				'L6.a': 'cumple',
				'L6.b': 'no_cumple'
			}),
			framework
		);
		const rows = await run(domainScoresSql());
		const level = (d: number) => domainRow(rows, LIMA, '2024', d).level;
		const score = (d: number) => domainRow(rows, LIMA, '2024', d).score as number;

		// 0.999 / (0.999 + 1.501) = 0.999/2.5 → 39.96: shown as "40", still inicial
		expect(score(1)).toBeCloseTo(39.96, 9);
		expect(level(1)).toBe('inicial');
		// 2 / (2+3) = 2/5 → exactly 40: en_desarrollo
		expect(score(2)).toBe(40);
		expect(level(2)).toBe('en_desarrollo');
		// 87 / (87+38) = 87/125 → 69.6: shown as "70", still en_desarrollo
		expect(score(3)).toBeCloseTo(69.6, 9);
		expect(level(3)).toBe('en_desarrollo');
		// (0.7·1 + 0.7·0.5 + 0.1·0) / (0.7+0.7+0.1) = 1.05/1.5 → exactly 70: avanzado.
		// In plain doubles this comes out just below 70 (checked below), so float
		// noise must not demote it to en_desarrollo.
		// (Every summation order of these three weights gives 69.99999999999999.)
		const naive = (100 * (0.7 * 1 + 0.7 * 0.5 + 0.1 * 0)) / (0.7 + 0.7 + 0.1);
		expect(naive).toBeLessThan(70);
		const [raw] = await query(`SELECT 100 * sum(f.weight * CASE a.answer
				WHEN 'cumple' THEN 1.0 WHEN 'parcial' THEN 0.5 WHEN 'no_cumple' THEN 0.0 END)
				/ sum(f.weight) AS score
			FROM assessments a JOIN framework f USING (indicator_id) WHERE f.domain = 4`);
		expect(raw.score).toBeLessThan(70); // DuckDB's doubles too
		expect(score(4)).toBeCloseTo(70, 9);
		expect(level(4)).toBe('avanzado');
		// 8999 / (8999+1001) = 8999/10000 → 89.99: shown as "90", still avanzado
		expect(score(5)).toBeCloseTo(89.99, 9);
		expect(level(5)).toBe('avanzado');
		// 9 / (9+1) → exactly 90: consolidado
		expect(score(6)).toBe(90);
		expect(level(6)).toBe('consolidado');

		// The overall level uses the same thresholds, on the unweighted mean:
		// (39.96 + 40 + 69.6 + 70 + 89.99 + 90) / 6 = 399.55/6 → 66.591666…
		const overall = overallRow(await run(overallScoresSql()), LIMA, '2024');
		expect(overall.score).toBeCloseTo(66.591667, 5);
		expect(overall.level).toBe('en_desarrollo');
	});
});
