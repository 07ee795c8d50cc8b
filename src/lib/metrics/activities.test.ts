import { beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '$lib/engine/types';
import { createTablesSql } from '$lib/data/tables';
import {
	ACTIVITY_COLUMNS,
	ANCON,
	ATE,
	CALLAO,
	insertSql,
	LIMA,
	useEngine,
	type Cell
} from './test-support';
import { activityMetricsSql } from './activities';

// Every expected number below is worked out by hand from DESIGN.md §5
// ("Activities") in the comment beside it.

const DISTRICTS: Cell[][] = [
	// ubigeo, name, province, population, migrant_population
	[LIMA, 'Lima', 'Lima', 270000, 2000],
	[ANCON, 'Ancón', 'Lima', 70000, 500],
	[ATE, 'Ate', 'Lima', 600000, null], // migrant population unknown
	[CALLAO, 'Callao', 'Callao', 450000, 0] // migrant population 0
];

// Years in the file: 2022 and 2024. Nothing happened anywhere in 2023.
// prettier-ignore
const ACTIVITIES: Cell[][] = [
	// id    date          ubigeo  type                   audience              topic             modality      total  women  men  migrants
	['A1', '2024-01-01', LIMA,   'sesion_informativa',  'gobierno_local',     'regularizacion', 'presencial', 40,    28,    12,  10],
	['A2', '2024-06-30', LIMA,   'conversatorio',       'comunidad_migrante', 'salud',          'virtual',    20,    5,     10,  15],
	['A3', '2024-12-31', LIMA,   'capacitacion',        'gobierno_local',     'trabajo',        'virtual',    10,    0,     5,   0],
	['A4', '2022-12-31', LIMA,   'desayuno_migratorio', 'sociedad_civil',     'integracion',    'mixta',      8,     3,     3,   2],
	['A5', '2024-02-10', ANCON,  'campana',             'comunidad_acogida',  'discriminacion', 'presencial', 12,    0,     0,   3],
	['A6', '2022-11-05', ATE,    'asistencia_tecnica',  'entidad_publica',    'gobernanza',     'virtual',    5,     2,     3,   1],
	['A7', '2024-07-01', CALLAO, 'otro',                'academia',           'otro',           'presencial', 0,     0,     0,   0]
];

const db = useEngine();
const { run } = db;

async function load(activities: Cell[][]): Promise<void> {
	await db.engine.exec(createTablesSql());
	await db.engine.exec(
		insertSql(
			'districts',
			['ubigeo', 'name', 'province', 'population', 'migrant_population'],
			DISTRICTS
		)
	);
	await db.engine.exec(insertSql('activities', ACTIVITY_COLUMNS, activities));
}

function row(rows: Row[], ubigeo: string, year: number): Row {
	const r = rows.find((x) => x.ubigeo === ubigeo && x.year === year);
	if (!r) throw new Error(`no row for ${ubigeo} ${year}`);
	return r;
}

describe('activityMetricsSql', () => {
	let rows: Row[];

	beforeAll(async () => {
		await load(ACTIVITIES);
		rows = await run(activityMetricsSql());
	});

	it('counts activities and participants and computes the shares per calendar year', () => {
		const lima2024 = row(rows, LIMA, 2024); // A1, A2, A3 (1 January to 31 December)
		expect(lima2024.activities).toBe(3);
		expect(lima2024.participants).toBe(70); // 40 + 20 + 10
		// 100 · (28+5+0) / ((28+12) + (5+10) + (0+5)) = 100 · 33/60 → 55
		expect(lima2024.women_share).toBe(55);
		// 100 · (10+15+0) / (40+20+10) = 100 · 25/70 → 35.714285…
		expect(lima2024.migrant_share).toBeCloseTo(35.714286, 6);
		// 1000 · (10+15+0) / 2000 = 25000/2000 → 12.5 (a plain decimal)
		expect(lima2024.reach_per_1000_migrants).toBe(12.5);
		// audiences: gobierno_local, comunidad_migrante, gobierno_local → 2 distinct
		// (3 activities, 3 types: sectors count audiences, not rows or types)
		expect(lima2024.sectors_reached).toBe(2);
		// 100 · 2 virtual (A2, A3) / 3 → 66.666…
		expect(lima2024.virtual_share).toBeCloseTo(66.666667, 6);

		// A4 on 31 December 2022 belongs to 2022, not 2024
		const lima2022 = row(rows, LIMA, 2022);
		expect(lima2022.activities).toBe(1);
		expect(lima2022.participants).toBe(8);
		expect(lima2022.women_share).toBe(50); // 100 · 3/(3+3)
		expect(lima2022.migrant_share).toBe(25); // 100 · 2/8
		expect(lima2022.reach_per_1000_migrants).toBe(1); // 1000 · 2/2000
		expect(lima2022.sectors_reached).toBe(1);
		expect(lima2022.virtual_share).toBe(0); // mixta is not virtual: 100 · 0/1

		const ate2022 = row(rows, ATE, 2022);
		expect(ate2022.activities).toBe(1);
		expect(ate2022.participants).toBe(5);
		expect(ate2022.women_share).toBe(40); // 100 · 2/(2+3)
		expect(ate2022.migrant_share).toBe(20); // 100 · 1/5
		expect(ate2022.reach_per_1000_migrants).toBeNull(); // migrant population unknown
		expect(ate2022.virtual_share).toBe(100); // 100 · 1/1
	});

	it('gives every district a row for every year in the file, zero-filled, and none for absent years', () => {
		// 4 districts × {2022, 2024}; 2023 has no activity anywhere, so no 2023 rows
		expect(rows.map((r) => `${r.ubigeo}/${r.year}`)).toEqual([
			`${CALLAO}/2022`,
			`${CALLAO}/2024`,
			`${LIMA}/2022`,
			`${LIMA}/2024`,
			`${ANCON}/2022`,
			`${ANCON}/2024`,
			`${ATE}/2022`,
			`${ATE}/2024`
		]);

		// Ancón had nothing in 2022; migrant population 500 > 0
		expect(row(rows, ANCON, 2022)).toEqual({
			ubigeo: ANCON,
			year: 2022,
			activities: 0,
			participants: 0,
			women_share: null, // 0/0
			migrant_share: null, // 0/0
			reach_per_1000_migrants: 0, // 1000 · 0/500: nobody reached is a real 0
			sectors_reached: 0,
			virtual_share: null // 0/0
		});
		// Ate had nothing in 2024; migrant population unknown → reach empty
		expect(row(rows, ATE, 2024)).toMatchObject({
			activities: 0,
			participants: 0,
			sectors_reached: 0,
			reach_per_1000_migrants: null
		});
		// Callao had nothing in 2022; migrant population 0 → reach empty (x/0)
		expect(row(rows, CALLAO, 2022)).toMatchObject({
			activities: 0,
			participants: 0,
			sectors_reached: 0,
			women_share: null,
			migrant_share: null,
			virtual_share: null,
			reach_per_1000_migrants: null
		});
	});

	it('leaves a share empty, not 0, when its denominator is 0', () => {
		const ancon2024 = row(rows, ANCON, 2024);
		expect(ancon2024.activities).toBe(1);
		expect(ancon2024.participants).toBe(12);
		expect(ancon2024.women_share).toBeNull(); // women 0 + men 0 = 0: 0/0
		expect(ancon2024.migrant_share).toBe(25); // 100 · 3/12
		expect(ancon2024.reach_per_1000_migrants).toBe(6); // 1000 · 3/500
		expect(ancon2024.sectors_reached).toBe(1);
		expect(ancon2024.virtual_share).toBe(0); // 100 · 0/1

		// Callao 2024: one activity with nobody counted, migrant population 0
		const callao2024 = row(rows, CALLAO, 2024);
		expect(callao2024.activities).toBe(1);
		expect(callao2024.participants).toBe(0);
		expect(callao2024.women_share).toBeNull(); // 0/(0+0)
		expect(callao2024.migrant_share).toBeNull(); // 0/0
		expect(callao2024.reach_per_1000_migrants).toBeNull(); // 1000 · 0/0
		expect(callao2024.sectors_reached).toBe(1);
		expect(callao2024.virtual_share).toBe(0); // 100 · 0/1: the denominator is 1
	});

	it('filters by year and by district', async () => {
		const y2024 = await run(activityMetricsSql({ year: 2024 }));
		expect(y2024.map((r) => r.ubigeo)).toEqual([CALLAO, LIMA, ANCON, ATE]);
		expect(y2024.every((r) => r.year === 2024)).toBe(true);

		const lima = await run(activityMetricsSql({ ubigeo: LIMA }));
		expect(lima.map((r) => r.year)).toEqual([2022, 2024]);
		expect(lima.every((r) => r.ubigeo === LIMA)).toBe(true);

		const both = await run(activityMetricsSql({ year: 2022, ubigeo: ANCON }));
		expect(both).toHaveLength(1);
		expect(both[0]).toMatchObject({ ubigeo: ANCON, year: 2022, activities: 0 });

		expect(await run(activityMetricsSql({ year: 2023 }))).toEqual([]); // no activity that year
	});
});

describe('activityMetricsSql with unrecorded breakdowns', () => {
	// Not in §5 (§4 makes these columns required): activities.ts documents that
	// an activity whose sex or migrant breakdown is NULL is left out of both the
	// numerator and the denominator of that share.
	it('leaves an activity without a breakdown out of that share', async () => {
		await load([
			['B1', '2025-03-01', LIMA, 'otro', 'academia', 'otro', 'presencial', 10, 4, 6, 5],
			['B2', '2025-03-02', LIMA, 'otro', 'academia', 'otro', 'presencial', 30, null, null, null]
		]);
		const lima = row(await run(activityMetricsSql({ ubigeo: LIMA })), LIMA, 2025);
		expect(lima.participants).toBe(40); // 10 + 30: the total is always counted
		expect(lima.women_share).toBe(40); // 100 · 4/(4+6), B2 left out
		expect(lima.migrant_share).toBe(50); // 100 · 5/10, B2 left out (not 5/40 → 12.5)
		expect(lima.reach_per_1000_migrants).toBe(2.5); // 1000 · 5/2000
	});
});
