import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_DIMS, type ActivityFilters } from './filters';
import { cubeDistrictCountSql } from './build';
import { groupingId } from './schema';
import { C1, cubeEngine, filters, L1 } from './test-fixture';
import { activityFiguresSql, breakdownSql, districtsSql, trendSql } from './views';

// Which table a view reads (the month table, the category tables, the day
// cube): the answers must not depend on it.

const db = cubeEngine();
const { load, run } = db;

describe('the month table', () => {
	it('numbers the month table grouping sets as GROUPING() does', () => {
		// GROUPING(ubigeo, type, audience, topic, modality, partner): 1 = not grouped
		expect(groupingId([])).toBe(0b111111);
		expect(groupingId(['ubigeo'])).toBe(0b011111);
		expect(groupingId(['type'])).toBe(0b101111);
		expect(groupingId(['partner'])).toBe(0b111110);
		expect(groupingId(['type', 'ubigeo'])).toBe(0b001111);
	});
});

// A selection of every kind the sources tell apart: no filter, one and two
// dimensions (the month table), three or more categories without geography
// (the category tables), a district filter, and a range that is not whole months.
const STATES: Partial<ActivityFilters>[] = [
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

/** Every view of `f`, as the page asks it, and forced to the day cube (`monthTable: false`). */
function views(f: ActivityFilters) {
	const asked = [
		activityFiguresSql(f),
		activityFiguresSql(f, { districtBits: true }),
		trendSql(f),
		trendSql(f, false),
		districtsSql(f),
		...CATEGORY_DIMS.map((d) => breakdownSql(f, d))
	];
	const forced = [
		activityFiguresSql(f, { monthTable: false }),
		activityFiguresSql(f, { monthTable: false, districtBits: true }),
		trendSql(f, true, { monthTable: false }),
		trendSql(f, false, { monthTable: false }),
		districtsSql(f, { monthTable: false }),
		...CATEGORY_DIMS.map((d) => breakdownSql(f, d, { monthTable: false }))
	];
	return asked.map((q, i) => [q, forced[i]] as const);
}

describe('the smaller tables, read where they will do', () => {
	beforeAll(() => load());

	it('reads the month table for most views, the category tables for three categories', () => {
		let fromMonthTable = 0;
		let fromCategoryTable = 0;
		for (const state of STATES) {
			for (const [q, forced] of views(filters(state))) {
				if (q.sql.includes('__activity_cube_m')) fromMonthTable++;
				if (/__activity_cube_cy?\b/.test(q.sql)) fromCategoryTable++;
				// the states with a district filter or a period of their own never read them
				if (state.districts || state.period) expect(q.sql).not.toContain('__activity_cube_c');
				expect(forced.sql).not.toContain('__activity_cube_m');
				expect(forced.sql).not.toContain('__activity_cube_c');
			}
		}
		// most views of these states read the small table
		expect(fromMonthTable).toBeGreaterThan(60);
		// the trends, breakdowns and key figures (with districtBits) of the two states with three or
		// more categories (8 each), and of the type × audience state the key figures (with
		// districtBits) and the topic, modality and partner breakdowns (three dims each)
		expect(fromCategoryTable).toBe(20);
	});

	// one test a selection (each runs its ten views both ways), not one for all
	it.each(STATES.map((state) => [JSON.stringify(state), state] as const))(
		'gives the same figures from them as from the day cube: %s',
		async (_, state) => {
			for (const [i, [q, forced]] of views(filters(state)).entries()) {
				expect(await run(q), `${JSON.stringify(state)} view ${i}`).toEqual(await run(forced));
			}
		}
	);

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
});
