import { pageEngine } from '$lib/server/page-engine';
import { queryKey } from '$lib/engine/prefetch';
import type { Columns, SqlQuery } from '$lib/engine/types';
import { compareSql, defaultDistrictsSql, parseExploreMetric } from '$lib/metrics/explore';
import { districtListSql, statisticIndicatorsSql } from '$lib/metrics/catalog';
import type { ExplorePrefetch } from './explore.svelte';

// The default comparison (overall score of four districts), computed at build
// time by the Node engine with the same SQL the page runs live.
export async function load({ locals }): Promise<{ prefetched: ExplorePrefetch }> {
	const engine = await pageEngine(locals);
	const queries: Record<string, Columns> = {};
	const add = async (q: SqlQuery) =>
		(queries[queryKey(q)] = await engine.queryColumns(q.sql, q.params));
	const defaults = await add(defaultDistrictsSql());
	await add(districtListSql());
	await add(statisticIndicatorsSql());
	await add(compareSql(parseExploreMetric(null), defaults.columns[0] as string[]));
	return { prefetched: { queries } };
}
