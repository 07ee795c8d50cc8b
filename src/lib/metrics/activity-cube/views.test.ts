import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_DIMS } from './filters';
import { getSpec } from '$lib/data/schema';
import { ACTIVITY_COLUMNS, activityRowsSql, TABLE_COLUMNS } from './rows';
import { C1, C2, cubeEngine, filters, L1, L2, L3 } from './test-fixture';
import { breakdownSql, breakdownsSql, districtsSql, trendSql } from './views';

// Every expected number below is worked out by hand from the rows in
// ACTIVITIES (test-fixture.ts), with DESIGN.md §5's formulas, in the comment
// beside it.

const db = cubeEngine();
const { load, run, figures } = db;

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
		const [{ n }] = await db.engine.query('SELECT count(*)::INTEGER AS n FROM activities');
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

	it("has the columns of activities.csv, the dataset spec's, and the district's name", () => {
		expect([...ACTIVITY_COLUMNS]).toEqual(getSpec('activities').columns.map((c) => c.name));
		expect(TABLE_COLUMNS.filter((c) => c !== 'district')).toEqual([...ACTIVITY_COLUMNS]);
	});

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
