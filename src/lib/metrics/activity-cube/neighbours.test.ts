import { describe, expect, it } from 'vitest';
import { emptyFilters, type ActivityFilters } from './filters';
import { shapeNeighbours } from './neighbours';
import { monthsOf } from './periods';
import { C1, filters, L1, L2, Y2024 } from './test-fixture';
import { activityFiguresSql, breakdownsSql, districtsSql, trendSql } from './views';
import { inListSlots } from './where';

// The views keep their SQL text across selections that differ in values only,
// so that the engine's prepared statements serve the next click; the page plans
// ahead the statements of the other shapes one click away.

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
