import { pageEngine } from '$lib/server/page-engine';
import { queryKey } from '$lib/engine/prefetch';
import type { Columns, SqlQuery } from '$lib/engine/types';
import {
	activityRowsSql,
	activityYearsSql,
	breakdownsSql,
	buildCubeSql,
	districtChoicesSql,
	districtsSql,
	activityFiguresSql,
	partnerChoicesSql,
	trendSql
} from '$lib/metrics/activity-cube';
import type { ActivitiesPrefetch } from './activities.svelte';
import { ALLOWED, PAGE_SIZE, parseUrl, toFilters } from './url-state';

// the cube is built once per engine (a new publication brings a new engine)
const cubes = new WeakMap<object, Promise<void>>();

// Computed at build time by the Node engine from data/, with the same SQL the
// page runs live: the prerendered page shows the latest year's real figures,
// and DuckDB in the browser takes over when it has built its own cube.
export async function load({ locals }): Promise<{ prefetched: ActivitiesPrefetch }> {
	const engine = await pageEngine(locals);
	if (!cubes.has(engine)) cubes.set(engine, engine.exec(buildCubeSql()));
	await cubes.get(engine);
	const queries: Record<string, Columns> = {};
	const add = async (q: SqlQuery) => {
		queries[queryKey(q)] = await engine.queryColumns(q.sql, q.params);
		return queries[queryKey(q)];
	};
	const years = await add(activityYearsSql());
	await add(districtChoicesSql());
	await add(partnerChoicesSql());
	const latest = years.columns[0]?.[0];
	if (typeof latest === 'number') {
		const state = parseUrl(new URLSearchParams(), ALLOWED);
		const f = toFilters(state, latest);
		await add(activityFiguresSql(f));
		await add(trendSql(f));
		await add(breakdownsSql(f));
		await add(districtsSql(f));
		await add(activityRowsSql(f, state.sort, { limit: PAGE_SIZE, offset: 0 }));
	}
	return { prefetched: { queries } };
}
