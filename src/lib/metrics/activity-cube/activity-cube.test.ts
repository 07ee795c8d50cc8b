import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine, Row, SqlQuery } from '$lib/engine/types';
import { createTablesSql } from '$lib/data/tables';
import {
	activityRowsSql,
	addActivityToCubeSql,
	breakdownSql,
	breakdownsSql,
	CATEGORY_DIMS,
	buildCubeSql,
	crossIndexSql,
	recreateCrossIndexesSql,
	cubeDistrictCountSql,
	districtsSql,
	emptyFilters,
	groupingId,
	inListSlots,
	activityFiguresSql,
	monthAligned,
	monthsOf,
	previousPeriod,
	shapeNeighbours,
	trendSql,
	type ActivityFilters
} from '.';

// Every expected number below is worked out by hand from the rows in
// ACTIVITIES, with DESIGN.md §5's formulas, in the comment beside it.

type Cell = string | number | null;
const lit = (v: Cell) =>
	v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
const insert = (table: string, columns: string[], rows: Cell[][]) =>
	rows.length === 0
		? ''
		: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n')};`;

const L1 = '150101'; // Lima, 2000 migrants
const L2 = '150102'; // Ancón, 500 migrants
const L3 = '150103'; // Ate, migrant population unknown
const C1 = '070101'; // Callao, 1000 migrants
const C2 = '070102'; // Bellavista, migrant population 0

const DISTRICTS: Cell[][] = [
	[L1, 'Lima', 'Lima', 2000],
	[L2, 'Ancón', 'Lima', 500],
	[L3, 'Ate', 'Lima', null],
	[C1, 'Callao', 'Callao', 1000],
	[C2, 'Bellavista', 'Callao', 0]
];

const COLUMNS = [
	'activity_id',
	'date',
	'ubigeo',
	'type',
	'audience',
	'topic',
	'modality',
	'participants_total',
	'participants_women',
	'participants_men',
	'participants_migrants',
	'partner'
];

// prettier-ignore
const ACTIVITIES: Cell[][] = [
	// id   date          ubigeo type                  audience              topic             modality      total women men  migr partner
	['A1', '2024-01-15', L1, 'sesion_informativa', 'gobierno_local',     'regularizacion', 'presencial', 40,  28,   12,  10,  'OIM'],
	['A2', '2024-03-10', L1, 'conversatorio',      'comunidad_migrante', 'salud',          'virtual',    20,  5,    10,  15,  null],
	['A3', '2024-03-20', L2, 'sesion_informativa', 'comunidad_migrante', 'regularizacion', 'virtual',    30,  20,   10,  24,  'ACNUR'],
	['A4', '2024-07-01', C1, 'campana',            'comunidad_acogida',  'salud',          'presencial', 100, null, null, 20,  'OIM'],
	['A5', '2023-02-01', L1, 'sesion_informativa', 'gobierno_local',     'gobernanza',     'presencial', 10,  6,    4,   0,   null],
	['A6', '2023-12-31', C1, 'capacitacion',       'entidad_publica',    'trata',          'mixta',      25,  15,   10,  null, 'OIM'],
	['A7', '2024-12-31', L3, 'asistencia_tecnica', 'gobierno_local',     'gobernanza',     'virtual',    5,   2,    3,   1,   'GIZ']
];

const Y2024 = { from: '2024-01-01', to: '2024-12-31' };

let engine: Engine;

async function load(rows: Cell[][] = ACTIVITIES) {
	await engine.exec(createTablesSql());
	await engine.exec(
		insert('districts', ['ubigeo', 'name', 'province', 'migrant_population'], DISTRICTS)
	);
	if (rows.length) await engine.exec(insert('activities', COLUMNS, rows));
	await engine.exec(buildCubeSql());
}

async function run(q: SqlQuery): Promise<Row[]> {
	return engine.query(q.sql, q.params);
}

/** The two rows of activityFiguresSql as one: the previous period's values get `_prev`. */
async function figures(f: ActivityFilters): Promise<Row> {
	const rows = await run(activityFiguresSql(f));
	expect(rows.map((r) => r.period)).toEqual(['cur', 'prev']);
	const [cur, prev] = rows;
	const out: Row = { ...cur, prev_from: prev.from, prev_to: prev.to };
	for (const [k, v] of Object.entries(prev)) if (k !== 'period') out[`${k}_prev`] = v;
	return out;
}

function filters(over: Partial<ActivityFilters> = {}): ActivityFilters {
	return { ...emptyFilters(Y2024), ...over };
}

beforeAll(async () => {
	engine = await createNodeEngine();
});

afterAll(async () => {
	await engine?.close();
});

describe('SQL text kept across selections', () => {
	it('gives 4 placeholders to 1–4 values, then the next power of two', () => {
		expect([1, 2, 3, 4, 5, 8, 9, 17].map(inListSlots)).toEqual([4, 4, 4, 4, 8, 8, 16, 32]);
	});

	it('writes the same statement for one value or three, with the values in its parameters', () => {
		const one = { ...emptyFilters(Y2024), type: ['taller'], topic: ['salud'] };
		const three = { ...one, type: ['taller', 'charla', 'feria'] };
		for (const build of [activityFiguresSql, trendSql, breakdownsSql, districtsSql] as const) {
			const a = build(one);
			const b = build(three);
			expect(b.sql).toBe(a.sql);
			expect(b.params).not.toEqual(a.params);
		}
		const { params } = activityFiguresSql(three);
		// the three types, then the first repeated into the fourth placeholder
		const at = params.indexOf('taller');
		expect(params.slice(at, at + 4)).toEqual(['taller', 'charla', 'feria', 'taller']);
	});

	it('writes the same statement for one district or province or three', () => {
		const one = { ...emptyFilters(Y2024), provinces: ['Lima'], districts: [L1] };
		const three = { ...one, provinces: ['Lima', 'Callao', 'Huaral'], districts: [L1, L2, C1] };
		for (const build of [activityFiguresSql, trendSql, breakdownsSql, districtsSql] as const) {
			expect(build(three).sql).toBe(build(one).sql);
		}
	});
});

describe('selections one click away that need SQL of another shape', () => {
	const views = (f: ActivityFilters) =>
		[activityFiguresSql(f), trendSql(f), breakdownsSql(f), districtsSql(f)]
			.map((q) => q.sql)
			.join('\n;\n');

	it('lists a category or place getting its first value or losing its last, a full list growing, and the month', () => {
		const f = filters({ type: ['taller'], audience: ['a', 'b', 'c', 'd'], topic: ['x', 'y'] });
		const n = shapeNeighbours(f);
		expect(
			n.map((g) => [
				g.type,
				g.audience,
				g.topic,
				g.modality,
				g.partner,
				g.provinces,
				g.districts,
				g.month
			])
		).toEqual([
			[[], ['a', 'b', 'c', 'd'], ['x', 'y'], [], [], [], [], null], // the last type released
			[['taller'], ['a', 'b', 'c', 'd', '4'], ['x', 'y'], [], [], [], [], null], // a fifth audience: 8 slots
			[['taller'], ['a', 'b', 'c', 'd'], ['x', 'y'], ['0'], [], [], [], null], // a first modality
			[['taller'], ['a', 'b', 'c', 'd'], ['x', 'y'], [], ['0'], [], [], null], // a first partner
			[['taller'], ['a', 'b', 'c', 'd'], ['x', 'y'], [], [], ['0'], [], null], // a first province
			[['taller'], ['a', 'b', 'c', 'd'], ['x', 'y'], [], [], [], ['0'], null], // a first district
			// a month clicked: the first, one in the middle, the last
			[['taller'], ['a', 'b', 'c', 'd'], ['x', 'y'], [], [], [], [], '2024-01'],
			[['taller'], ['a', 'b', 'c', 'd'], ['x', 'y'], [], [], [], [], '2024-02'],
			[['taller'], ['a', 'b', 'c', 'd'], ['x', 'y'], [], [], [], [], '2024-12']
		]);
		// with a month clicked: the others, and none
		expect(
			shapeNeighbours({ ...f, month: '2024-02' })
				.map((g) => g.month)
				.slice(-3)
		).toEqual(['2024-01', '2024-12', null]);
	});

	it('covers every click whose views need a statement the current selection does not use', () => {
		const universe = {
			type: ['t1', 't2', 't3', 't4', 't5'],
			audience: ['a1', 'a2'],
			topic: ['p1'],
			modality: ['m1', 'm2'],
			partner: ['', 'OIM'],
			provinces: ['Lima', 'Callao'],
			districts: [L1, L2, C1]
		};
		const starts = [
			filters(),
			filters({ type: ['t1'], audience: ['a1', 'a2'] }),
			filters({ type: ['t1', 't2', 't3', 't4'], districts: [L1], month: '2024-03' }),
			filters({
				period: { from: '2024-02-10', to: '2024-06-30' },
				partner: [''],
				provinces: ['Lima']
			})
		];
		let newShapes = 0;
		for (const f of starts) {
			const planned = new Set(shapeNeighbours(f).map(views));
			// every month of the trend clicked (the one clicked already: released)
			const clicks: ActivityFilters[] = monthsOf(f.period).map((month) => ({
				...f,
				month: month === f.month ? null : month
			}));
			for (const [dim, values] of Object.entries(universe) as [keyof typeof universe, string[]][]) {
				for (const v of values) {
					const chosen = f[dim].includes(v) ? f[dim].filter((x) => x !== v) : [...f[dim], v];
					clicks.push({ ...f, [dim]: chosen });
				}
			}
			for (const g of clicks) {
				if (views(g) === views(f)) continue;
				newShapes++;
				expect(planned.has(views(g)), JSON.stringify(g)).toBe(true);
			}
		}
		// the check saw clicks of both kinds
		expect(newShapes).toBeGreaterThan(10);
	});
});

describe('cross-filter indexes', () => {
	// 400 activities over 2023–2024, every value combined (a fixed pseudo-random sequence)
	let seed = 7;
	const next = (n: number) => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed % n;
	};
	const pick = <T>(values: readonly T[]) => values[next(values.length)];
	const MANY: Cell[][] = Array.from({ length: 400 }, (_, i) => {
		const total = 5 + next(60);
		const women = next(4) === 0 ? null : next(total + 1);
		const men = women === null || next(5) === 0 ? null : total - women;
		return [
			`G${i}`,
			`${pick(['2023', '2024'])}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`,
			pick([L1, L2, L3, C1, C2]),
			pick(['sesion_informativa', 'conversatorio', 'campana', 'capacitacion']),
			pick(['gobierno_local', 'comunidad_migrante', 'comunidad_acogida', 'entidad_publica']),
			pick(['salud', 'regularizacion', 'trata']),
			pick(['presencial', 'virtual', 'mixta']),
			total,
			women,
			men,
			next(3) === 0 ? null : next(total + 1),
			pick(['OIM', 'ACNUR', null])
		];
	});

	beforeAll(() => load(MANY));

	const views = (
		g: ActivityFilters,
		opts: { districtBits?: boolean; index?: (typeof CATEGORY_DIMS)[number] }
	) => [
		activityFiguresSql(g, opts),
		trendSql(g, true, opts),
		trendSql(g, false, opts),
		breakdownsSql(g, opts),
		districtsSql(g, opts)
	];

	it('answer a click in their category as the cube does, for every view', async () => {
		const states: Partial<ActivityFilters>[] = [
			{},
			{ type: ['campana'], audience: ['gobierno_local', 'comunidad_migrante'] },
			{
				type: ['campana', 'conversatorio'],
				topic: ['salud'],
				modality: ['virtual', 'mixta'],
				partner: ['']
			},
			{ provinces: ['Lima'], topic: ['trata'] },
			{ districts: [L1, C1], audience: ['entidad_publica'], month: '2024-03' },
			{ period: { from: '2023-02-10', to: '2024-05-20' }, type: ['capacitacion'], partner: ['OIM'] }
		];
		const values: Record<(typeof CATEGORY_DIMS)[number], string[]> = {
			type: ['sesion_informativa', 'conversatorio', 'campana', 'capacitacion', 'otro'],
			audience: [
				'gobierno_local',
				'comunidad_migrante',
				'comunidad_acogida',
				'entidad_publica',
				'academia'
			],
			topic: ['salud', 'regularizacion', 'trata', 'trabajo', 'educacion'],
			modality: ['presencial', 'virtual', 'mixta', 'presencial', 'virtual'],
			partner: ['OIM', 'ACNUR', '', 'GIZ', 'PNUD']
		};
		// Building a category's indexes costs as much as several clicks, so each state builds
		// two categories' (state n: categories n and n + 1) and answers two clicks in each, the
		// lists turning: every state is clicked, and every category gets each list (and so each
		// statement shape: no list, four placeholders, eight) and both ways of counting
		// districts. Among them a category getting its first value (state 0's type), losing its
		// last (state 2's modality, state 5's type) and a list growing past four (state 1's
		// audience).
		const seen = new Set<string>();
		const built: Record<string, number> = {};
		let compared = 0;
		for (const [n, state] of states.entries()) {
			// the key figures count districts one by one, or from the category tables' bit sets
			const districtBits = n % 2 === 1;
			const f = filters(state);
			for (const dim of [CATEGORY_DIMS[n % 5], CATEGORY_DIMS[(n + 1) % 5]]) {
				for (const q of crossIndexSql(f, dim, { districtBits })) await run(q);
				// the clicks: released, one value, two others, five (eight placeholders)
				const lists = [[], values[dim].slice(0, 1), values[dim].slice(1, 3), values[dim]];
				const j = (built[dim] = (built[dim] ?? -1) + 1);
				for (const k of [(2 * j) % 4, (2 * j + 1) % 4]) {
					seen.add(`${dim} list ${k}`).add(`${dim} bits ${districtBits}`);
					const g = { ...f, [dim]: lists[k] };
					const direct = views(g, { districtBits });
					const indexed = views(g, { districtBits, index: dim });
					for (const [i, q] of indexed.entries()) {
						expect(q.sql).toContain(`__activity_xf_`);
						expect(await run(q), `${JSON.stringify(g)} ${dim} view ${i}`).toEqual(
							await run(direct[i])
						);
						compared++;
					}
				}
			}
		}
		expect(compared).toBe(6 * 2 * 2 * 5);
		expect(seen.size).toBe(CATEGORY_DIMS.length * (4 + 2));
	});

	it('are recreated empty, and answer again once refilled', async () => {
		const f = filters({ topic: ['salud'] });
		for (const q of crossIndexSql(f, 'type')) await run(q);
		await engine.exec(recreateCrossIndexesSql());
		const [{ n }] = await run({
			sql: 'SELECT count(*)::INTEGER AS n FROM __activity_xf_key_type',
			params: []
		});
		expect(n).toBe(0);
		for (const q of crossIndexSql(f, 'type')) await run(q);
		const g = { ...f, type: ['campana'] };
		expect(await run(activityFiguresSql(g, { index: 'type' }))).toEqual(
			await run(activityFiguresSql(g))
		);
	});

	it('are small: a category by what each view groups', async () => {
		const f = filters({ type: ['campana'] });
		for (const q of crossIndexSql(f, 'audience', { districtBits: true })) await run(q);
		const sizes = await run({
			sql: `SELECT (SELECT count(*) FROM __activity_xf_key_audience)::INTEGER AS key,
	(SELECT count(*) FROM __activity_xf_breakdown_type_audience)::INTEGER AS types,
	(SELECT count(*) FROM __activity_xf_districts_audience)::INTEGER AS districts`,
			params: []
		});
		// key figures: 2 periods × 4 audiences (the bit set, not the districts);
		// the type breakdown: 4 × 4; the districts: 5 × 4 at most
		expect(sizes[0].key).toBeLessThanOrEqual(8);
		expect(sizes[0].types).toBeLessThanOrEqual(16);
		expect(sizes[0].districts).toBeLessThanOrEqual(20);
	});
});

describe('periods', () => {
	it('compares whole years with the same number of years before', () => {
		expect(previousPeriod(Y2024)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
		expect(previousPeriod({ from: '2022-01-01', to: '2024-12-31' })).toEqual({
			from: '2019-01-01',
			to: '2021-12-31'
		});
	});

	it('compares whole months with the months before, whatever their days', () => {
		// March 2024 (31 days) → February 2024 (29 days: a leap year)
		expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({
			from: '2024-02-01',
			to: '2024-02-29'
		});
		// January–February 2024 → November–December 2023
		expect(previousPeriod({ from: '2024-01-01', to: '2024-02-29' })).toEqual({
			from: '2023-11-01',
			to: '2023-12-31'
		});
	});

	it('compares any other range with the same number of days just before', () => {
		// 15 March to 1 July 2024 is 17 + 30 + 31 + 30 + 1 = 109 days;
		// 109 days before 15 March 2024 (over 29 February) is 27 November 2023
		expect(previousPeriod({ from: '2024-03-15', to: '2024-07-01' })).toEqual({
			from: '2023-11-27',
			to: '2024-03-14'
		});
		expect(previousPeriod({ from: '2024-05-05', to: '2024-05-05' })).toEqual({
			from: '2024-05-04',
			to: '2024-05-04'
		});
	});

	it('knows month-aligned periods and lists their months', () => {
		expect(monthAligned(Y2024)).toBe(true);
		expect(monthAligned({ from: '2024-02-01', to: '2024-02-29' })).toBe(true);
		expect(monthAligned({ from: '2023-02-01', to: '2023-02-29' })).toBe(false);
		expect(monthAligned({ from: '2024-03-15', to: '2024-03-31' })).toBe(false);
		expect(monthsOf({ from: '2023-11-27', to: '2024-02-03' })).toEqual([
			'2023-11',
			'2023-12',
			'2024-01',
			'2024-02'
		]);
	});

	it('numbers the month table grouping sets as GROUPING() does', () => {
		// GROUPING(ubigeo, type, audience, topic, modality, partner): 1 = not grouped
		expect(groupingId([])).toBe(0b111111);
		expect(groupingId(['ubigeo'])).toBe(0b011111);
		expect(groupingId(['type'])).toBe(0b101111);
		expect(groupingId(['partner'])).toBe(0b111110);
		expect(groupingId(['type', 'ubigeo'])).toBe(0b001111);
	});
});

describe('key figures', () => {
	beforeAll(() => load());

	it('sums the period and the period before it (month table, no filter)', async () => {
		const kf = await figures(filters());
		// 2024: A1 A2 A3 A4 A7
		expect(kf.activities).toBe(5);
		expect(kf.participants).toBe(195); // 40 + 20 + 30 + 100 + 5
		// women where men are known: 28 + 5 + 20 + 2 = 55; women + men: 40 + 15 + 30 + 5 = 90
		expect(kf.women_share).toBeCloseTo((100 * 55) / 90, 9);
		// migrants 10 + 15 + 24 + 20 + 1 = 70 of 195
		expect(kf.migrant_share).toBeCloseTo((100 * 70) / 195, 9);
		expect(kf.districts_reached).toBe(4); // L1 L2 C1 L3
		// migrants in districts with a known population: 10 + 15 + 24 + 20 = 69 (A7 is in Ate);
		// known migrant population 2000 + 500 + 1000 = 3500
		expect(kf.reach_per_1000_migrants).toBeCloseTo((1000 * 69) / 3500, 9);
		expect(kf.virtual_share).toBe(60); // A2 A3 A7: 3 of 5
		expect(kf.women).toBe(55);
		expect(kf.men).toBe(35); // 12 + 10 + 10 + 3
		expect(kf.not_recorded_sex).toBe(105); // 195 − 90: A4's 100 and A2's 5
		expect(kf.migrants).toBe(70);
		expect(kf.host).toBe(125); // 195 − 70
		expect(kf.not_recorded_origin).toBe(0);
		expect(kf.districts_in_scope).toBe(5);
		expect([kf.from, kf.to, kf.prev_from, kf.prev_to]).toEqual([
			'2024-01-01',
			'2024-12-31',
			'2023-01-01',
			'2023-12-31'
		]);

		// 2023: A5 A6
		expect(kf.activities_prev).toBe(2);
		expect(kf.participants_prev).toBe(35);
		expect(kf.women_share_prev).toBe(60); // (6 + 15) / (10 + 25)
		expect(kf.migrant_share_prev).toBe(0); // A5: 0 of 10; A6 recorded no migrants
		expect(kf.not_recorded_origin_prev).toBe(25); // A6
		expect(kf.districts_reached_prev).toBe(2);
		expect(kf.reach_per_1000_migrants_prev).toBe(0);
		expect(kf.virtual_share_prev).toBe(0);
	});

	it('gives the same figures from the month table (singles and pairs) as from the day cube', async () => {
		const states: Partial<ActivityFilters>[] = [
			{},
			{ type: ['sesion_informativa'] },
			{ provinces: ['Lima'] },
			{ districts: [L1, C1] },
			{ partner: [''] },
			{ month: '2024-03' },
			{ modality: ['virtual'], provinces: ['Lima'] }, // two dims: the pair (ubigeo, modality)
			{ type: ['campana', 'conversatorio'], audience: ['comunidad_acogida', 'comunidad_migrante'] },
			{ period: { from: '2023-01-01', to: '2024-12-31' }, topic: ['salud'] },
			// three or more categories, no geography: the category table
			{
				type: ['sesion_informativa', 'campana'],
				audience: ['gobierno_local'],
				topic: ['salud', 'regularizacion']
			},
			{
				type: ['campana'],
				audience: ['comunidad_acogida'],
				modality: ['presencial'],
				partner: ['OIM'],
				month: '2024-07'
			},
			// with a district filter the category table (no geography) is never read
			{
				type: ['sesion_informativa'],
				audience: ['gobierno_local'],
				topic: ['regularizacion'],
				districts: [L1]
			},
			// a range that is not whole months: the day cube
			{
				period: { from: '2024-03-15', to: '2024-07-01' },
				type: ['campana', 'conversatorio'],
				audience: ['comunidad_migrante', 'comunidad_acogida'],
				topic: ['salud']
			}
		];
		let fromMonthTable = 0;
		let fromCategoryTable = 0;
		for (const state of states) {
			const f = filters(state);
			const views = [
				activityFiguresSql(f),
				activityFiguresSql(f, { districtBits: true }),
				trendSql(f),
				trendSql(f, false),
				districtsSql(f),
				...(['type', 'audience', 'topic', 'modality', 'partner'] as const).map((d) =>
					breakdownSql(f, d)
				)
			];
			const forced = [
				activityFiguresSql(f, { monthTable: false }),
				activityFiguresSql(f, { monthTable: false, districtBits: true }),
				trendSql(f, true, { monthTable: false }),
				trendSql(f, false, { monthTable: false }),
				districtsSql(f, { monthTable: false }),
				...(['type', 'audience', 'topic', 'modality', 'partner'] as const).map((d) =>
					breakdownSql(f, d, { monthTable: false })
				)
			];
			for (const [i, q] of views.entries()) {
				if (q.sql.includes('__activity_cube_m')) fromMonthTable++;
				if (/__activity_cube_cy?\b/.test(q.sql)) fromCategoryTable++;
				if (state.districts || state.period) expect(q.sql).not.toContain('__activity_cube_c');
				expect(forced[i].sql).not.toContain('__activity_cube_m');
				expect(forced[i].sql).not.toContain('__activity_cube_c');
				expect(await run(q), `${JSON.stringify(state)} view ${i}`).toEqual(await run(forced[i]));
			}
		}
		// most views of these states read the small table
		expect(fromMonthTable).toBeGreaterThan(60);
		// the trends, breakdowns and key figures (with districtBits) of the two states with three or
		// more categories (8 each), and of the type × audience state the key figures (with
		// districtBits) and the topic, modality and partner breakdowns (three dims each)
		expect(fromCategoryTable).toBe(20);
	});

	it('counts the districts reached from the category table when the cube knows few codes', async () => {
		expect(await run(cubeDistrictCountSql())).toEqual([{ n: 5 }]);
		const f = filters({
			type: ['sesion_informativa', 'campana'],
			audience: ['gobierno_local', 'comunidad_acogida'],
			topic: ['regularizacion', 'salud']
		});
		const q = activityFiguresSql(f, { districtBits: true });
		// whole years: the year table; the trend, by month, the month one
		expect(q.sql).toContain('FROM __activity_cube_cy ');
		expect(trendSql(f).sql).toContain('FROM __activity_cube_c ');
		expect(activityFiguresSql(f).sql).not.toContain('__activity_cube_c');
		const [cur, prev] = await run(q);
		// 2024: A1 (L1) and A4 (C1); A3 is for comunidad_migrante
		expect([cur.activities, cur.participants, cur.districts_reached]).toEqual([2, 140, 2]);
		// reach: migrants 10 + 20 in districts with a known population, of 3500
		expect(cur.reach_per_1000_migrants).toBeCloseTo((1000 * 30) / 3500, 9);
		// 2023: A5 is on gobernanza, A6 a capacitación
		expect([prev.activities, prev.districts_reached]).toEqual([0, 0]);
	});

	it('applies every filter', async () => {
		const kf = await figures(filters({ type: ['sesion_informativa'] }));
		expect(kf.activities).toBe(2); // A1 A3
		expect(kf.participants).toBe(70);
		expect(kf.activities_prev).toBe(1); // A5

		// Callao: A4 only; its known migrant population is Callao's 1000 (Bellavista has 0)
		const callao = await figures(filters({ provinces: ['Callao'] }));
		expect(callao.activities).toBe(1);
		expect(callao.districts_in_scope).toBe(2);
		expect(callao.reach_per_1000_migrants).toBe(20); // 1000 · 20 / 1000

		// no partner ('') in 2024: A2 only
		const none = await figures(filters({ partner: [''] }));
		expect(none.activities).toBe(1);
		expect(none.participants).toBe(20);
	});

	it('narrows to a clicked month and compares it with the month before', async () => {
		const kf = await figures(filters({ month: '2024-03' }));
		expect(kf.activities).toBe(2); // A2 A3
		expect(kf.activities_prev).toBe(0); // nothing in February 2024
		expect([kf.from, kf.to, kf.prev_from, kf.prev_to]).toEqual([
			'2024-03-01',
			'2024-03-31',
			'2024-02-01',
			'2024-02-29'
		]);
	});

	it('takes a date range to the day', async () => {
		const range = { from: '2024-03-15', to: '2024-07-01' };
		const kf = await figures(filters({ period: range }));
		expect(kf.activities).toBe(2); // A3 (20 March), A4 (1 July)
		// 27 November 2023 – 14 March 2024: A6, A1, A2
		expect(kf.activities_prev).toBe(3);
	});

	it('binds filter values as data: quotes match nothing and break nothing', async () => {
		const kf = await figures(filters({ type: ["x'); DROP TABLE activities; --"] }));
		expect(kf.activities).toBe(0);
		expect(kf.women_share).toBeNull(); // 0/0 stays empty
		const [{ n }] = await engine.query('SELECT count(*)::INTEGER AS n FROM activities');
		expect(n).toBe(7);
	});
});

describe('views filtered by every selection but their own', () => {
	beforeAll(() => load());

	it('breaks down by type ignoring the type filter, zero-filled, biggest first', async () => {
		const rows = await run(breakdownSql(filters({ type: ['sesion_informativa'] }), 'type'));
		// every type in the data (desayuno_migratorio and otro never occur), 2024 counts
		expect(rows.map((r) => [r.key, r.activities, r.participants])).toEqual([
			['sesion_informativa', 2, 70],
			['campana', 1, 100],
			['conversatorio', 1, 20],
			['asistencia_tecnica', 1, 5],
			['capacitacion', 0, 0]
		]);
	});

	it('breaks down other categories with the type filter applied', async () => {
		const rows = await run(breakdownSql(filters({ type: ['sesion_informativa'] }), 'audience'));
		const byKey = Object.fromEntries(rows.map((r) => [r.key, r.activities]));
		expect(byKey).toEqual({
			comunidad_acogida: 0,
			comunidad_migrante: 1, // A3
			entidad_publica: 0,
			gobierno_local: 1 // A1
		});
		// the month table (no filter) and the cube agree
		const plain = await run(breakdownSql(filters(), 'audience'));
		const forced = await run(breakdownSql(filters({ provinces: ['Lima', 'Callao'] }), 'audience'));
		expect(forced).toEqual(plain);
		const partners = await run(breakdownSql(filters(), 'partner'));
		expect(partners.map((r) => [r.key, r.activities])).toEqual([
			['OIM', 2], // A1 A4
			['ACNUR', 1], // 30 participants
			['', 1], // A2, no partner: 20 participants
			['GIZ', 1] // 5 participants
		]);
	});

	it('gives the five breakdowns in one statement, each as its own query gives it', async () => {
		for (const f of [filters(), filters({ type: ['sesion_informativa'], modality: ['virtual'] })]) {
			const all = await run(breakdownsSql(f));
			const expected = [];
			for (const dim of CATEGORY_DIMS) {
				for (const r of await run(breakdownSql(f, dim))) expected.push({ dim, ...r });
			}
			expect(all).toEqual(expected);
		}
	});

	it('lists every district with its reach, ignoring the district selection', async () => {
		const rows = await run(districtsSql(filters({ districts: [L1] })));
		const by = Object.fromEntries(rows.map((r) => [r.ubigeo, r]));
		expect(rows).toHaveLength(5);
		expect(by[L1]).toMatchObject({ activities: 2, participants: 60, migrants: 25 });
		expect(by[L1].reach_per_1000_migrants).toBe(12.5); // 1000 · (10 + 15) / 2000
		expect(by[L2].reach_per_1000_migrants).toBe(48); // 1000 · 24 / 500
		expect(by[L3].reach_per_1000_migrants).toBeNull(); // migrant population unknown
		expect(by[C1].reach_per_1000_migrants).toBe(20);
		expect(by[C2]).toMatchObject({ activities: 0, migrants: 0, reach_per_1000_migrants: null });
	});

	it('keeps only the chosen provinces on the map and applies the other filters', async () => {
		const rows = await run(districtsSql(filters({ provinces: ['Lima'], modality: ['virtual'] })));
		expect(rows.map((r) => [r.name, r.activities])).toEqual([
			['Ancón', 1], // A3
			['Ate', 1], // A7
			['Lima', 1] // A2
		]);
	});

	it('draws the trend of the whole period even when a month is clicked', async () => {
		const expected = [
			{ month: '2024-01', type: 'sesion_informativa', activities: 1 },
			{ month: '2024-03', type: 'conversatorio', activities: 1 },
			{ month: '2024-03', type: 'sesion_informativa', activities: 1 },
			{ month: '2024-07', type: 'campana', activities: 1 },
			{ month: '2024-12', type: 'asistencia_tecnica', activities: 1 }
		];
		expect(await run(trendSql(filters()))).toEqual(expected);
		expect(await run(trendSql(filters({ month: '2024-03' })))).toEqual(expected);
		expect(await run(trendSql(filters(), false))).toEqual([
			{ month: '2024-01', type: 'all', activities: 1 },
			{ month: '2024-03', type: 'all', activities: 2 },
			{ month: '2024-07', type: 'all', activities: 1 },
			{ month: '2024-12', type: 'all', activities: 1 }
		]);
		expect(await run(trendSql(filters({ partner: ['OIM', 'ACNUR'] }), false))).toEqual([
			{ month: '2024-01', type: 'all', activities: 1 },
			{ month: '2024-03', type: 'all', activities: 1 },
			{ month: '2024-07', type: 'all', activities: 1 }
		]);
		// from the day cube when filtered: only the gobierno_local audience (A1, A7)
		expect(await run(trendSql(filters({ audience: ['gobierno_local'] })))).toEqual([
			expected[0],
			expected[4]
		]);
	});

	it('narrows the breakdowns to a clicked month', async () => {
		const rows = await run(breakdownSql(filters({ month: '2024-03' }), 'type'));
		expect(rows.filter((r) => Number(r.activities) > 0).map((r) => r.key)).toEqual([
			'sesion_informativa', // 30 participants before conversatorio's 20
			'conversatorio'
		]);
	});
});

describe('the activity table', () => {
	beforeAll(() => load());

	it('lists the filtered activities, sorted, a page at a time, with the district name', async () => {
		const all = await run(activityRowsSql(filters()));
		expect(all.map((r) => r.activity_id)).toEqual(['A7', 'A4', 'A3', 'A2', 'A1']);
		expect(all[0]).toMatchObject({ date: '2024-12-31', district: 'Ate', partner: 'GIZ' });
		const page = await run(
			activityRowsSql(filters(), { column: 'date', descending: true }, { limit: 2, offset: 1 })
		);
		expect(page.map((r) => r.activity_id)).toEqual(['A4', 'A3']);
		const byPeople = await run(
			activityRowsSql(filters(), { column: 'participants_total', descending: false })
		);
		expect(byPeople.map((r) => r.participants_total)).toEqual([5, 20, 30, 40, 100]);
		const byDistrict = await run(
			activityRowsSql(filters(), { column: 'district', descending: false })
		);
		expect(byDistrict.map((r) => r.district)).toEqual(['Ancón', 'Ate', 'Callao', 'Lima', 'Lima']);
	});

	it('applies the same filters as the cube: its length is the key figure', async () => {
		for (const f of [
			filters({ type: ['sesion_informativa'] }),
			filters({ provinces: ['Lima'], partner: [''] }),
			filters({ month: '2024-03' }),
			filters({ districts: [C1], period: { from: '2023-01-01', to: '2024-12-31' } })
		]) {
			const kf = await figures(f);
			expect((await run(activityRowsSql(f))).length).toBe(kf.activities);
		}
	});
});

describe('adding a logged activity to the cube', () => {
	beforeEach(() => load());

	it('shows it in every view without a rebuild', async () => {
		await engine.exec(
			insert('activities', COLUMNS, [
				[
					'A8',
					'2024-05-05',
					C2,
					'campana',
					'gobierno_local',
					'salud',
					'presencial',
					12,
					6,
					6,
					3,
					'OIM'
				]
			])
		);
		for (const q of addActivityToCubeSql('A8')) await run(q);
		const kf = await figures(filters()); // month table
		expect(kf.activities).toBe(6);
		expect(kf.participants).toBe(207);
		const callao = await figures(filters({ provinces: ['Callao'] })); // a single
		expect(callao.activities).toBe(2); // A4 and A8
		const campaigns = await figures(filters({ type: ['campana'] })); // a pair
		expect(campaigns.activities).toBe(2);
		const cube = await figures(filters({ type: ['campana'], audience: ['gobierno_local'] }));
		expect(cube.activities).toBe(1); // A8
		const districts = await run(districtsSql(filters()));
		expect(districts.find((r) => r.ubigeo === C2)?.activities).toBe(1);
		// the category table (three categories, no geography): A4 and A8 are campaigns on salud
		const q = breakdownSql(
			filters({ type: ['campana'], topic: ['salud'], modality: ['presencial'] }),
			'audience'
		);
		expect(q.sql).toContain('__activity_cube_c');
		expect((await run(q)).map((r) => [r.key, r.activities, r.participants])).toEqual([
			['comunidad_acogida', 1, 100], // A4
			['gobierno_local', 1, 12], // A8
			['comunidad_migrante', 0, 0],
			['entidad_publica', 0, 0]
		]);
	});

	it('fails when the activity brings a value the cube does not know (the caller rebuilds)', async () => {
		await engine.exec(
			insert('activities', COLUMNS, [
				['A9', '2024-05-05', C2, 'otro', 'academia', 'otro', 'presencial', 12, 6, 6, 3, null]
			])
		);
		await expect(run(addActivityToCubeSql('A9')[0])).rejects.toThrow(/Conversion/);
		await engine.exec(buildCubeSql());
		const kf = await figures(filters());
		expect(kf.activities).toBe(6);
	});

	it('builds an empty cube from empty tables', async () => {
		await load([]);
		const kf = await figures(filters());
		expect(kf.activities).toBe(0);
		expect(kf.participants).toBe(0);
		expect(await run(breakdownSql(filters(), 'type'))).toEqual([]);
		expect((await run(districtsSql(filters()))).every((r) => r.activities === 0)).toBe(true);
	});
});
