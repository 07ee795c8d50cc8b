import { describe, expect, it } from 'vitest';
import { createTablesSql } from '$lib/data/tables';
import {
	ACTIVITY_COLUMNS,
	ANCON,
	ATE,
	CALLAO,
	FOUR_DISTRICTS,
	insertSql,
	LIMA,
	useEngine,
	type Cell
} from './test-support';
import { heatmapSql } from './assessment';
import { keyFiguresSql } from './key-figures';

// Every expected number below is worked out by hand from DESIGN.md §5 in the
// comment beside it. The framework has one policy indicator per domain, weight
// 1, so a domain's score is 100 (cumple) or 0 (no_cumple).

const DOMAINS = [1, 2, 3, 4, 5, 6];

/** Assessment rows: the answer for domains 1..6 in order; null = no row. */
function answers(ubigeo: string, round: string, byDomain: (string | null)[]): Cell[][] {
	return byDomain.flatMap((answer, i) =>
		answer === null ? [] : [[ubigeo, round, `D${i + 1}.01`, answer]]
	);
}

const C = 'cumple';
const N = 'no_cumple';

const ASSESSMENTS: Cell[][] = [
	// 2022
	...answers(CALLAO, '2022', [C, C, C, C, C, C]), // overall 100
	...answers(LIMA, '2022', [N, N, N, N, N, N]), // overall 0
	// 2023-S1
	...answers(ATE, '2023-S1', [C, C, C, C, C, C]), // overall 100
	// 2023-S2, the latest round as text (2022 < 2023-S1 < 2023-S2)
	...answers(LIMA, '2023-S2', [C, C, C, C, C, C]), // (6 · 100)/6 → 100
	...answers(ANCON, '2023-S2', [C, C, C, N, N, N]), // (3 · 100 + 3 · 0)/6 → 50
	...answers(ATE, '2023-S2', [C, null, null, null, null, null]) // one domain scored: no overall
];

const activity = (id: string, date: string, ubigeo: string, total: number): Cell[] => [
	id,
	date,
	ubigeo,
	'sesion_informativa',
	'gobierno_local',
	'regularizacion',
	'presencial',
	total,
	0,
	0,
	0
];

const ACTIVITIES: Cell[][] = [
	activity('A1', '2023-03-01', LIMA, 10),
	activity('A2', '2023-12-31', ANCON, 20),
	activity('A3', '2024-01-01', LIMA, 5),
	activity('A4', '2024-05-20', ATE, 7),
	activity('A5', '2024-12-31', CALLAO, 13)
];

const db = useEngine();
const { run } = db;

async function load(assessments: Cell[][], activities: Cell[][]): Promise<void> {
	await db.engine.exec(createTablesSql());
	await db.engine.exec(insertSql('districts', ['ubigeo', 'name', 'province'], FOUR_DISTRICTS));
	await db.engine.exec(
		insertSql(
			'framework',
			['indicator_id', 'domain', 'kind', 'weight'],
			DOMAINS.map((d) => [`D${d}.01`, d, 'policy', 1])
		)
	);
	await db.engine.exec(
		insertSql('assessments', ['ubigeo', 'round', 'indicator_id', 'answer'], assessments)
	);
	await db.engine.exec(insertSql('activities', ACTIVITY_COLUMNS, activities));
}

describe('keyFiguresSql', () => {
	it('reports the latest round and year', async () => {
		await load(ASSESSMENTS, ACTIVITIES);
		expect(await run(keyFiguresSql())).toEqual([
			{
				latest_round: '2023-S2', // max as text
				previous_round: '2023-S1', // the greatest round below it, as text
				districts_assessed: 3, // Lima, Ancón, Ate in 2023-S2
				districts_assessed_previous: 1, // Ate in 2023-S1
				districts_total: 4,
				// over the districts that have an overall score: (100 + 50)/2 → 75
				// (not (100 + 50 + 0)/3 → 50 with Ate as 0; not every round's mean)
				mean_overall_score: 75,
				mean_overall_previous: 100, // Ate alone in 2023-S1
				districts_with_overall: 2, // Lima, Ancón
				latest_year: 2024,
				activities: 3, // A3, A4, A5 (1 January to 31 December 2024)
				activities_previous: 2, // A1, A2 in 2023
				participants: 25, // 5 + 7 + 13
				participants_previous: 30 // 10 + 20
			}
		]);
	});

	it('keeps unknown figures empty and counts zero when nothing is loaded', async () => {
		await load([], []);
		expect(await run(keyFiguresSql())).toEqual([
			{
				latest_round: null,
				previous_round: null,
				districts_assessed: 0,
				districts_assessed_previous: null,
				districts_total: 4,
				mean_overall_score: null, // no scores: empty, not 0
				mean_overall_previous: null,
				districts_with_overall: 0,
				latest_year: null,
				activities: 0,
				activities_previous: null,
				participants: 0,
				participants_previous: null
			}
		]);
	});

	it('never counts more assessed districts than there are districts', async () => {
		// Rows left behind by a district that is no longer loaded (an old import log, or any
		// path that leaves orphans): 2023-S2 also has 999998 and 999999, unknown districts,
		// with six cumple answers each (overall 100).
		const orphans = [
			...answers('999998', '2023-S2', [C, C, C, C, C, C]),
			...answers('999999', '2023-S2', [C, C, C, C, C, C])
		];
		await load([...ASSESSMENTS, ...orphans], ACTIVITIES);
		const [row] = await run(keyFiguresSql());
		// Still Lima, Ancón, Ate of the 4 districts (not 5 of 4), and the mean over Lima
		// and Ancón alone: (100 + 50)/2 → 75 (not (100 + 50 + 100 + 100)/4 → 87.5).
		expect(row.districts_assessed).toBe(3);
		expect(row.districts_total).toBe(4);
		expect(row.mean_overall_score).toBe(75);
		expect(row.districts_with_overall).toBe(2);
	});

	it('reports a chosen round against the one before it', async () => {
		await load(ASSESSMENTS, ACTIVITIES);
		const [row] = await run(keyFiguresSql('2022'));
		expect(row.latest_round).toBe('2022');
		expect(row.previous_round).toBeNull(); // nothing before 2022
		expect(row.districts_assessed).toBe(2); // Callao, Lima
		expect(row.mean_overall_score).toBe(50); // (100 + 0) / 2
	});
});

describe('heatmapSql', () => {
	it('gives one row per district × domain for the round, ordered by name', async () => {
		await load(ASSESSMENTS, ACTIVITIES);
		const rows = await run(heatmapSql('2023-S2'));

		// 4 districts × 6 domains, by name (Ancón < Ate < Callao < Lima), then domain
		expect(rows.map((r) => `${r.name}/${r.domain}`)).toEqual(
			['Ancón', 'Ate', 'Callao', 'Lima'].flatMap((n) => DOMAINS.map((d) => `${n}/${d}`))
		);
		const of = (ubigeo: string, key: string) =>
			rows.filter((r) => r.ubigeo === ubigeo).map((r) => r[key]);

		// Ancón: C C C N N N → 100 ×3, 0 ×3; overall (3·100 + 3·0)/6 → 50
		expect(of(ANCON, 'score')).toEqual([100, 100, 100, 0, 0, 0]);
		expect(of(ANCON, 'level')).toEqual([
			'consolidado',
			'consolidado',
			'consolidado',
			'inicial',
			'inicial',
			'inicial'
		]);
		expect(of(ANCON, 'overall_score')).toEqual([50, 50, 50, 50, 50, 50]);

		// Ate: only domain 1 answered; domains 2..6 assessed but unanswered
		expect(of(ATE, 'score')).toEqual([100, null, null, null, null, null]);
		expect(of(ATE, 'completeness')).toEqual([100, 0, 0, 0, 0, 0]); // 1/1, then 0/1
		// change vs 2023-S1 (all 100): 100 − 100 = 0 for domain 1; no score elsewhere
		expect(of(ATE, 'change')).toEqual([0, null, null, null, null, null]);
		expect(of(ATE, 'overall_score')).toEqual([null, null, null, null, null, null]);

		// Callao: not assessed in 2023-S2 (only in 2022), so every cell is empty
		for (const key of ['score', 'completeness', 'level', 'change', 'overall_score']) {
			expect(of(CALLAO, key)).toEqual([null, null, null, null, null, null]);
		}

		// Lima: all 100 in 2023-S2; change vs 2022 (all 0): 100 − 0 = 100
		expect(of(LIMA, 'score')).toEqual([100, 100, 100, 100, 100, 100]);
		expect(of(LIMA, 'change')).toEqual([100, 100, 100, 100, 100, 100]);
		expect(of(LIMA, 'overall_score')).toEqual([100, 100, 100, 100, 100, 100]);
		expect(rows.find((r) => r.ubigeo === LIMA)?.province).toBe('Lima');
	});

	it('shows every district with empty scores for a round nobody answered', async () => {
		await load(ASSESSMENTS, ACTIVITIES);
		const rows = await run(heatmapSql('2030'));
		expect(rows).toHaveLength(24); // 4 districts × 6 domains
		expect(rows.every((r) => r.score === null && r.overall_score === null)).toBe(true);
	});
});
