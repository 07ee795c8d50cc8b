import { createNodeEngine } from '../engine/node';
import { importFiles } from '../data/pipeline';
import type { Engine, Row, SqlQuery } from '../engine/types';
import { queryKey, type Prefetched } from '../engine/prefetch';
import { readDemoFiles } from './demo-files';

/**
 * Build-time only: the Node adapter loaded with the demo data, so prerendered
 * pages carry real numbers in their HTML and the first chart needs no wasm.
 * The browser's engine computes the same SQL once it starts and takes over.
 */
let engine: Promise<Engine> | null = null;

async function start(): Promise<Engine> {
	const files = readDemoFiles();
	const e = await createNodeEngine();
	await importFiles(e, files, { mode: 'replace', today: '9999-12-31', locale: 'es' });
	return e;
}

export function prerenderEngine(): Promise<Engine> {
	engine ??= start();
	return engine;
}

/** Run a query at build time, keyed so the page's live Query can use it until DuckDB answers. */
export async function prefetch<T extends Row = Row>(query: SqlQuery): Promise<Prefetched<T>> {
	// The bench's baseline build ships no rows: its pages wait for DuckDB (bench/README.md).
	if (process.env.VITE_INTEGRA_BASELINE === '1')
		return { key: 'baseline: not prefetched', rows: [] };
	const e = await prerenderEngine();
	return { key: queryKey(query), rows: (await e.query(query.sql, query.params)) as T[] };
}

/** Every district of the demo data, as prerender entries of `/distritos/[ubigeo]`. */
export async function prefetchEntries(): Promise<{ ubigeo: string }[]> {
	const e = await prerenderEngine();
	const rows = await e.query('SELECT ubigeo FROM districts ORDER BY ubigeo');
	return rows.map((r) => ({ ubigeo: String(r.ubigeo) }));
}
