import { beforeAll, describe, expect, it } from 'vitest';
import { crossIndexSql, recreateCrossIndexesSql } from './cross-index';
import { CATEGORY_DIMS, type ActivityFilters, type CategoryDim } from './filters';
import { C1, C2, cubeEngine, filters, L1, L2, L3, type Cell } from './test-fixture';
import { activityFiguresSql, breakdownsSql, districtsSql, trendSql } from './views';

const db = cubeEngine();
const { load, run } = db;

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

	const views = (g: ActivityFilters, opts: { districtBits?: boolean; index?: CategoryDim }) => [
		activityFiguresSql(g, opts),
		trendSql(g, true, opts),
		trendSql(g, false, opts),
		breakdownsSql(g, opts),
		districtsSql(g, opts)
	];

	// Building a category's indexes costs as much as several clicks, so each state builds
	// two categories' (state n: categories n and n + 1) and answers two clicks in each, the
	// lists turning: every state is clicked, and every category gets each list (and so each
	// statement shape: no list, four placeholders, eight) and both ways of counting
	// districts. Among them a category getting its first value (state 0's type), losing its
	// last (state 2's modality, state 5's type) and a list growing past four (state 1's
	// audience).
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
	const values: Record<CategoryDim, string[]> = {
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
	/** What state n builds and clicks: its two categories, each with the two lists it turns to. */
	const built: Record<string, number> = {};
	const plan = states.flatMap((state, n) =>
		[CATEGORY_DIMS[n % 5], CATEGORY_DIMS[(n + 1) % 5]].map((dim) => {
			const j = (built[dim] = (built[dim] ?? -1) + 1);
			return {
				n,
				state,
				// the key figures count districts one by one, or from the category tables' bit sets
				districtBits: n % 2 === 1,
				dim,
				lists: [(2 * j) % 4, (2 * j + 1) % 4]
			};
		})
	);
	// the clicks: released, one value, two others, five (eight placeholders)
	const list = (dim: CategoryDim, k: number) =>
		[[], values[dim].slice(0, 1), values[dim].slice(1, 3), values[dim]][k];

	it('are checked on every list of every category, with both ways of counting districts', () => {
		const seen = new Set<string>();
		for (const { districtBits, dim, lists } of plan) {
			for (const k of lists) seen.add(`${dim} list ${k}`).add(`${dim} bits ${districtBits}`);
		}
		expect(seen.size).toBe(CATEGORY_DIMS.length * (4 + 2));
		expect(plan.flatMap((p) => p.lists)).toHaveLength(6 * 2 * 2);
	});

	// A test for each state and category (its indexes built, then two clicks of five
	// views each compared), rather than one test for all: each stays far from its timeout.
	it.each(plan.map((p) => [p.n, p.dim, JSON.stringify(p.state), p] as const))(
		'answer a click in their category as the cube does, for every view: state %i, %s %s',
		async (_n, _dim, _state, { state, districtBits, dim, lists }) => {
			const f = filters(state);
			let compared = 0;
			for (const q of crossIndexSql(f, dim, { districtBits })) await run(q);
			for (const k of lists) {
				const g = { ...f, [dim]: list(dim, k) };
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
			expect(compared).toBe(2 * 5);
		}
	);

	it('are recreated empty, and answer again once refilled', async () => {
		const f = filters({ topic: ['salud'] });
		for (const q of crossIndexSql(f, 'type')) await run(q);
		await db.engine.exec(recreateCrossIndexesSql());
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
