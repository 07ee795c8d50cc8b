import { createNodeEngine } from '../engine/node';
import { importFiles } from '../data/import';
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
	// the static build of the public observatory reads the published data
	// exported from the store (npm run build:static); without one, the demo data
	const files = readDemoFiles(process.env.INTEGRA_STATIC_DATA_DIR || 'data');
	const e = await createNodeEngine();
	await importFiles(e, files, { mode: 'replace', today: '9999-12-31', locale: 'es' });
	return e;
}

export function prerenderEngine(): Promise<Engine> {
	engine ??= start();
	return engine;
}

/**
 * Run a query on the server (at build time, or per request in server mode),
 * keyed so the page's live Query can use it until DuckDB answers.
 */
/**
 * Run a query on the server (at build time, or per request in server mode),
 * keyed so the page's live Query can use it until DuckDB answers. An engine
 * holds one version of the data (a new publication brings a new engine), so
 * each query runs once per engine and later requests reuse its rows.
 */
export function prefetch<T extends Row = Row>(e: Engine, query: SqlQuery): Promise<Prefetched<T>> {
	// The bench's baseline build ships no rows: its pages wait for DuckDB (bench/README.md).
	if (process.env.VITE_INTEGRA_BASELINE === '1')
		return Promise.resolve({ key: 'baseline: not prefetched', rows: [] });
	const key = queryKey(query);
	let cache = answered.get(e);
	if (!cache) answered.set(e, (cache = new Map()));
	let pending = cache.get(key);
	if (!pending) {
		pending = e.query(query.sql, query.params).then((rows) => ({ key, rows }));
		cache.set(key, pending);
		// a failed query is asked again by the next request
		pending.catch(() => cache.delete(key));
	}
	return pending as Promise<Prefetched<T>>;
}

const answered = new WeakMap<Engine, Map<string, Promise<Prefetched>>>();

/** Every district of the data, as prerender entries of `/distritos/[ubigeo]`. */
export async function prefetchEntries(e?: Engine): Promise<{ ubigeo: string }[]> {
	e ??= await prerenderEngine();
	const rows = await e.query('SELECT ubigeo FROM districts ORDER BY ubigeo');
	return rows.map((r) => ({ ubigeo: String(r.ubigeo) }));
}
