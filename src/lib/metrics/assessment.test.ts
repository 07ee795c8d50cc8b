import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine, Row, SqlQuery } from '$lib/engine/types';
import { createTablesSql } from '$lib/data/tables';
import { domainScoresSql, overallScoresSql, roundsSql } from './assessment';

// Every expected number below is worked out by hand from DESIGN.md §5 in the
// comment beside it: cumple = 1, parcial = 0.5, no_cumple = 0,
// score = 100 · Σ weight·value / Σ weight over the answered indicators,
// completeness = 100 · answered / applicable (unweighted).

type Cell = string | number | null;
type Answer = 'cumple' | 'parcial' | 'no_cumple' | 'no_aplica' | 'no_sabe';

function literal(v: Cell): string {
	if (v === null) return 'NULL';
	if (typeof v === 'number') return String(v);
	return `'${v.replaceAll("'", "''")}'`;
}

function insertSql(table: string, columns: string[], rows: Cell[][]): string {
	if (rows.length === 0) return '';
	const values = rows.map((r) => `(${r.map(literal).join(', ')})`).join(',\n');
	return `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${values};`;
}

/** [indicator_id, domain, kind, weight] */
type Indicator = [string, number, 'policy' | 'statistic', number];

/**
 * The shared framework: six domains, two or three policy indicators each, with
 * unequal weights, plus one statistic in domain 1 that no score may count.
 */
const FRAMEWORK: Indicator[] = [
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

const LIMA = '150101';
const ANCON = '150102';
const ATE = '150103';
const CALLAO = '070101';

/** One district's answers in one round, as assessment rows. */
function answers(ubigeo: string, round: string, byIndicator: Record<string, Answer>): Cell[][] {
	return Object.entries(byIndicator).map(([id, answer]) => [ubigeo, round, id, answer]);
}

let engine: Engine;

beforeAll(async () => {
	engine = await createNodeEngine();
});

afterAll(async () => {
	await engine?.close();
});

/** Fresh tables holding the four districts, the framework and the given answers. */
async function load(assessmentRows: Cell[][], framework: Indicator[] = FRAMEWORK): Promise<void> {
	await engine.exec(createTablesSql());
	await engine.exec(
		insertSql(
			'districts',
			['ubigeo', 'name', 'province'],
			[
				[LIMA, 'Lima', 'Lima'],
				[ANCON, 'Ancón', 'Lima'],
				[ATE, 'Ate', 'Lima'],
				[CALLAO, 'Callao', 'Callao']
			]
		)
	);
	await engine.exec(
		insertSql('framework', ['indicator_id', 'domain', 'kind', 'weight'], framework)
	);
	if (assessmentRows.length) {
		await engine.exec(
			insertSql('assessments', ['ubigeo', 'round', 'indicator_id', 'answer'], assessmentRows)
		);
	}
}

async function run(q: SqlQuery): Promise<Row[]> {
	return engine.query(q.sql, q.params);
}

function domainRow(rows: Row[], ubigeo: string, round: string, domain: number): Row {
	const row = rows.find((r) => r.ubigeo === ubigeo && r.round === round && r.domain === domain);
	if (!row) throw new Error(`no row for ${ubigeo} ${round} domain ${domain}`);
	return row;
}

function overallRow(rows: Row[], ubigeo: string, round: string): Row {
	const row = rows.find((r) => r.ubigeo === ubigeo && r.round === round);
	if (!row) throw new Error(`no overall row for ${ubigeo} ${round}`);
	return row;
}

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
		const [raw] = await engine.query(`SELECT 100 * sum(f.weight * CASE a.answer
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
