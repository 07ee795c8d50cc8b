import { pageEngine } from '$lib/server/page-engine';
import { queryKey } from '$lib/engine/prefetch';
import type { SqlQuery } from '$lib/engine/types';
import { roundsSql } from '$lib/metrics/assessment';
import { districtListSql } from '$lib/metrics/catalog';
import {
	matrixCellsSql,
	matrixDistrictsSql,
	matrixSummarySql,
	provincesSql
} from '$lib/metrics/indicator-matrix';
import type { MatrixPrefetch } from './matrix.svelte';

// The default view (latest round, every domain and province, framework order,
// no district compared), computed on the server by the Node engine with the
// same SQL the page runs live, so the matrix shows before DuckDB starts.
export async function load({ locals }): Promise<{ prefetched: MatrixPrefetch }> {
	const engine = await pageEngine(locals);
	const out: MatrixPrefetch = { rows: {}, columns: {} };
	const rows = async (q: SqlQuery) => (out.rows[queryKey(q)] = await engine.query(q.sql, q.params));
	const rounds = await rows(roundsSql());
	await rows(provincesSql());
	await rows(districtListSql());
	const round = (rounds[0]?.round as string | undefined) ?? null;
	if (round) {
		await rows(matrixDistrictsSql(round));
		await rows(matrixSummarySql(round, { domain: null, province: null }, 'id', null));
		const cells = matrixCellsSql(round, { domain: null, province: null }, null);
		out.columns[queryKey(cells)] = await engine.queryColumns(cells.sql, cells.params);
	}
	return { prefetched: out };
}
