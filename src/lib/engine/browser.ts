import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import { columnsToRows, tableToColumns } from './arrow';
import { LOCAL_BUNDLES } from './bundles';
import engineWorker from './engine-worker.js?url';
import { toEngineError } from './errors';
import { inlineParams } from './sql';
import { readablePendingError } from './pending-error';
import {
	checkFileName,
	DEFAULT_TIMEOUT_MS,
	LOCKDOWN,
	memoryLimitSql,
	SAFE_SETTINGS
} from './settings';
import {
	EngineError,
	QueryStopped,
	type Columns,
	type Engine,
	type ReadOnlyEngine,
	type ReadOnlyOptions,
	type ReadOnlyResult,
	type Value
} from './types';

export type EngineStatus = 'idle' | 'starting' | 'ready' | 'restarting' | 'failed';

export interface BrowserEngineOptions {
	/** Per-call limit in ms; past it the worker is killed and the call fails. Default 30 s. */
	timeoutMs?: number;
	/** Limit for fetching and compiling the wasm. Default 60 s. */
	startTimeoutMs?: number;
	/** Runs on every fresh instance (the first and each restart), e.g. to reload datasets. */
	onFreshStart?: (engine: Engine) => Promise<void>;
	onStatus?: (status: EngineStatus, error?: EngineError) => void;
	/** DuckDB's memory limit for each fresh instance ("48MB"), or null for DuckDB's default. */
	memoryLimit?: () => string | null;
}

interface Instance {
	worker: Worker;
	db: duckdb.AsyncDuckDB;
	conn: duckdb.AsyncDuckDBConnection;
	/** A second connection for someone's SQL (the console), read-only, opened on first use. */
	side?: Promise<duckdb.AsyncDuckDBConnection>;
	/** Rejects when the worker dies; every call races against it. */
	died: Promise<never>;
	/** Prepared statements by SQL, least recently used first (see `runOn`). */
	prepared: Map<string, KeptStatement>;
	/** SQL run once with its values inlined, least recently used first (see `runOn`). */
	seen: Set<string>;
}

interface KeptStatement {
	pending: Promise<duckdb.AsyncPreparedStatement>;
	/** Once prepared: a run reaches the worker at once, not after an `await`. */
	ready: duckdb.AsyncPreparedStatement | null;
}

/** How many prepared statements an instance keeps. */
const PREPARED_KEPT = 192;
/** How many statements run once (values inlined) an instance remembers, to prepare on their second use. */
const SEEN_KEPT = 256;

/**
 * The browser adapter: one worker, started on first use. A call that runs
 * past its timeout, or a worker that dies, terminates the instance and fails
 * that call with an EngineError; the next call starts a fresh instance (and
 * `onFreshStart` reloads what the app needs), so the page never freezes.
 */
export function createBrowserEngine(options: BrowserEngineOptions = {}): Engine &
	ReadOnlyEngine & {
		/** Start now (e.g. when the page is idle) instead of on first query. */
		warmUp(): Promise<void>;
		/** Kill the worker as a crash would; for tests and the diagnostics page. */
		simulateCrash(): void;
	} {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const startTimeoutMs = options.startTimeoutMs ?? 60_000;
	let current: Promise<Instance> | null = null;
	/** `current` once it has started, so a call can reach the worker without an await. */
	let up: { pending: Promise<Instance>; instance: Instance } | null = null;
	let everStarted = false;
	/** The newest instance's worker, from the moment it exists (a crash can come during start-up). */
	let lastWorker: Worker | null = null;

	function status(s: EngineStatus, error?: EngineError) {
		options.onStatus?.(s, error);
	}

	async function start(): Promise<Instance> {
		status(everStarted ? 'restarting' : 'starting');
		const bundle = await duckdb.selectBundle(LOCAL_BUNDLES);
		// duckdb-wasm's worker, started through ours so that Chromium can cache the compiled wasm
		const real = new URL(bundle.mainWorker!, location.href).href;
		const worker = new Worker(`${engineWorker}?worker=${encodeURIComponent(real)}`);
		lastWorker = worker;
		let markDead: (e: EngineError) => void = () => {};
		const died = new Promise<never>((_, reject) => (markDead = reject));
		died.catch(() => {}); // observed by the races below
		worker.addEventListener('error', (event) => {
			markDead(new EngineError('crashed', event.message || 'DuckDB worker stopped'));
			if (current) forget(current);
		});
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		try {
			await withTimeout(
				Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), died]),
				startTimeoutMs,
				() => new EngineError('start', `no answer after ${startTimeoutMs / 1000} s`)
			);
			// Read by the bench: the wasm is compiled and instantiated; DuckDB opens next.
			if (performance.getEntriesByName('integra:engine-instantiated').length === 0) {
				performance.mark('integra:engine-instantiated');
			}
			await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } });
			const conn = await db.connect();
			await conn.query(SAFE_SETTINGS);
			const limit = memoryLimitSql(options.memoryLimit?.());
			if (limit) await conn.query(limit);
			// before any other statement: from here on DuckDB reads registered files only
			await conn.query(LOCKDOWN);
			const instance: Instance = { worker, db, conn, died, prepared: new Map(), seen: new Set() };
			everStarted = true;
			if (options.onFreshStart) {
				try {
					await Promise.race([options.onFreshStart(rawEngine(instance)), died]);
				} catch (error) {
					if (error instanceof EngineError && error.kind === 'crashed') throw error;
					throw new EngineError('load', error instanceof Error ? error.message : String(error), {
						cause: error
					});
				}
			}
			status('ready');
			return instance;
		} catch (error) {
			worker.terminate();
			const e = error instanceof EngineError ? error : new EngineError('start', String(error));
			status('failed', e);
			throw e;
		}
	}

	function ensure(): Promise<Instance> {
		if (!current) {
			const attempt = start();
			current = attempt;
			attempt.then(
				(instance) => {
					if (current === attempt) up = { pending: attempt, instance };
				},
				() => {
					if (current === attempt) current = null;
				}
			);
		}
		return current;
	}

	function forget(instance: Promise<Instance>) {
		if (current === instance) current = null;
		if (up?.pending === instance) up = null;
		instance.then((i) => i.worker.terminate()).catch(() => {});
	}

	/** Run `work` on the current instance; on timeout or crash, drop the instance. */
	async function guarded<T>(work: (i: Instance) => Promise<T>): Promise<T> {
		const pending = ensure();
		// A running instance is used at once: the request reaches the worker in the
		// caller's task (e.g. before the page redraws after a click), not after an await.
		const instance = up?.pending === pending ? up.instance : await pending;
		try {
			return await withTimeout(
				Promise.race([work(instance), instance.died]),
				timeoutMs,
				() => new EngineError('timeout', `The query took longer than ${timeoutMs / 1000} s.`)
			);
		} catch (error) {
			if (error instanceof EngineError && (error.kind === 'timeout' || error.kind === 'crashed')) {
				forget(pending);
				status('idle', error);
				throw error;
			}
			throw toEngineError(error);
		}
	}

	const engine = {
		query: async (sql: string, params: Value[] = []) =>
			columnsToRows(await guarded((i) => runOn(i, sql, params))),
		queryColumns: (sql: string, params: Value[] = []) => guarded((i) => runOn(i, sql, params)),
		exec: async (sql: string) => {
			await guarded((i) => i.conn.query(sql));
		},
		queryReadOnly: (sql: string, opts: ReadOnlyOptions = {}) =>
			guarded((i) => runReadOnly(i, sql, opts)).catch((error) => {
				// a stop that took effect after the worker was already replaced
				if (opts.signal?.aborted) throw new QueryStopped();
				throw error;
			}),
		registerText: (name: string, text: string) => {
			checkFileName(name);
			return guarded((i) => i.db.registerFileText(name, text));
		},
		registerBuffer: (name: string, bytes: Uint8Array) => {
			checkFileName(name);
			return guarded((i) => i.db.registerFileBuffer(name, bytes));
		},
		dropFile: async (name: string) => {
			await guarded((i) => i.db.dropFile(name));
		},
		exportArrow: (sql: string) => guarded((i) => exportArrowOn(i, sql)),
		importArrow: (table: string, ipc: Uint8Array) => guarded((i) => importArrowOn(i, table, ipc)),
		plan: (sql: string) => guarded((i) => planOn(i, sql)).catch(() => {}),
		close: async () => {
			if (current) forget(current);
		},
		warmUp: async () => {
			await ensure();
		},
		simulateCrash: () => {
			lastWorker?.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' }));
		}
	};
	return engine;
}

/** The instance without guards, for `onFreshStart` (which already runs inside start). */
function rawEngine(i: Instance): Engine {
	// A worker that dies during start-up fails the call at hand with a "crashed"
	// EngineError (replay.ts then marks the file it was loading) instead of
	// leaving it pending, and the start with it, forever.
	const alive = <T>(work: Promise<T>): Promise<T> => Promise.race([work, i.died]);
	return {
		query: async (sql, params = []) => columnsToRows(await alive(runOn(i, sql, params))),
		queryColumns: (sql, params = []) => alive(runOn(i, sql, params)),
		exec: async (sql) => {
			try {
				await alive(i.conn.query(sql));
			} catch (error) {
				throw toEngineError(error);
			}
		},
		registerText: async (name, text) => {
			checkFileName(name);
			await alive(i.db.registerFileText(name, text));
		},
		registerBuffer: async (name, bytes) => {
			checkFileName(name);
			await alive(i.db.registerFileBuffer(name, bytes));
		},
		dropFile: async (name) => {
			await alive(i.db.dropFile(name));
		},
		exportArrow: (sql) => alive(exportArrowOn(i, sql)),
		importArrow: (table, ipc) => alive(importArrowOn(i, table, ipc)),
		close: async () => {}
	};
}

async function exportArrowOn(i: Instance, sql: string): Promise<Uint8Array> {
	try {
		return tableToIPC(await i.conn.query(sql), 'stream');
	} catch (error) {
		throw toEngineError(error);
	}
}

async function importArrowOn(i: Instance, table: string, ipc: Uint8Array): Promise<void> {
	try {
		// the worker takes (transfers) the buffer: the caller's bytes stay usable
		await i.conn.insertArrowFromIPCStream(ipc.slice(), { name: table, create: false });
	} catch (error) {
		throw toEngineError(error);
	}
}

/**
 * Runs a statement, with its parameters bound. Prepared statements are kept
 * by SQL text: the page's views repeat the same few shapes with other values,
 * and a kept one saves a round trip to the worker and DuckDB's planning on
 * every filter click. DuckDB binds a kept statement again by itself when the
 * tables it reads were replaced (a rebuilt cube).
 *
 * Statements not kept run as one query with their values inlined as
 * literals (`inlineParams`). Running a prepared statement the first time takes
 * two messages, and the second leaves only once the page has read the answer
 * to the first: right after a click the main thread is busy redrawing, and
 * /actividades lost 30–60 ms there on every click whose filters made new SQL.
 * A text seen a second time is prepared after its answer, off the click's
 * path, and kept for the next.
 */
async function runOn(i: Instance, sql: string, params: Value[]): Promise<Columns> {
	try {
		const kept = i.prepared.get(sql);
		// without values, only a statement planned ahead (`plan`) is worth keeping
		if (params.length === 0 && !kept) return tableToColumns(await i.conn.query(sql));
		// a NUL cannot be written as a literal, only bound
		const inline = !params.some((p) => typeof p === 'string' && p.includes('\0'));
		if (!kept && inline) {
			const result = await i.conn.query(inlineParams(sql, params));
			if (i.seen.delete(sql)) keep(i, sql, prepare(i, sql));
			else {
				i.seen.add(sql);
				if (i.seen.size > SEEN_KEPT) i.seen.delete(i.seen.values().next().value!);
			}
			return tableToColumns(result);
		}
		const stmt = kept ?? prepare(i, sql);
		keep(i, sql, stmt);
		try {
			// Sent in this task when prepared: during a click, the rest of the page's
			// redraw runs before any awaited continuation.
			const run = stmt.ready
				? stmt.ready.query(...params)
				: stmt.pending.then((s) => s.query(...params));
			return tableToColumns(await run);
		} catch (error) {
			// a statement that failed is not kept
			if (i.prepared.get(sql) === stmt) i.prepared.delete(sql);
			void stmt.pending.then((s) => s.close()).catch(() => {});
			throw error;
		}
	} catch (error) {
		throw toEngineError(error);
	}
}

/** Prepares and keeps `sql` unless it is kept already (then nothing reaches the worker). */
async function planOn(i: Instance, sql: string): Promise<void> {
	if (i.prepared.has(sql)) return;
	const k = prepare(i, sql);
	keep(i, sql, k);
	i.seen.delete(sql);
	await k.pending;
}

/** Prepares `sql`; a statement that cannot be prepared is not kept (its caller, if any, gets the error). */
function prepare(i: Instance, sql: string): KeptStatement {
	const k: KeptStatement = { pending: i.conn.prepare(sql), ready: null };
	k.pending.then(
		(s) => (k.ready = s),
		() => {
			if (i.prepared.get(sql) === k) i.prepared.delete(sql);
		}
	);
	return k;
}

/** Keep a prepared statement as the most recently used; close the least recent past the limit. */
function keep(i: Instance, sql: string, k: KeptStatement) {
	i.prepared.delete(sql);
	i.prepared.set(sql, k);
	if (i.prepared.size > PREPARED_KEPT) {
		const [oldest, old] = i.prepared.entries().next().value!;
		i.prepared.delete(oldest);
		void old.pending.then((s) => s.close()).catch(() => {});
	}
}

/**
 * Someone's SQL (the console's, perhaps from a shared link), on a connection
 * of its own. It is read-only in the engine, whatever its first word says:
 * DuckDB must prepare it alone (it refuses two statements at once, so a
 * `COMMIT; DELETE …` cannot slip out), and it runs inside a read-only
 * transaction, in which any write to a loaded table fails, however wrapped
 * (`EXPLAIN ANALYZE DELETE`, `WITH … DELETE`). Temporary tables are the
 * connection's own: a scratch space that no screen reads. The query runs as
 * a pending query the worker executes in slices: aborting `signal`
 * interrupts it between slices, and the page's other queries keep being
 * answered meanwhile.
 */
async function runReadOnly(
	i: Instance,
	sql: string,
	{ signal, maxRows = Infinity }: ReadOnlyOptions
): Promise<ReadOnlyResult> {
	if (signal?.aborted) throw new QueryStopped();
	i.side ??= i.db.connect();
	const conn = await i.side;
	const stop = () => void conn.cancelSent().catch(() => {});
	signal?.addEventListener('abort', stop, { once: true });
	let began = false;
	try {
		await onlyOneStatement(conn, sql);
		await conn.query('BEGIN TRANSACTION READ ONLY');
		began = true;
		// Streamed: a huge result is read only as far as `maxRows`.
		const reader = await conn.send(sql, true);
		const batches: RecordBatch[] = [];
		let rows = 0;
		let truncated = false;
		for await (const batch of reader) {
			if (signal?.aborted) break;
			batches.push(batch);
			rows += batch.numRows;
			if (rows > maxRows) {
				truncated = true;
				break;
			}
		}
		if (signal?.aborted) throw new QueryStopped();
		if (truncated) await conn.cancelSent().catch(() => {});
		let table = new Table(reader.schema, batches);
		if (truncated) table = table.slice(0, maxRows);
		// committed, not rolled back, so that a temporary table lives on for the next query
		await conn.query('COMMIT').catch(() => conn.query('ROLLBACK').catch(() => {}));
		began = false;
		return { ...tableToColumns(table), truncated };
	} catch (error) {
		if (signal?.aborted) throw new QueryStopped();
		const e = toEngineError(error);
		throw new EngineError(e.kind, readablePendingError(e.message, sql), { cause: error });
	} finally {
		signal?.removeEventListener('abort', stop);
		// the statement may have ended the transaction itself (COMMIT): then there is none
		if (began) await conn.query('ROLLBACK').catch(() => {});
	}
}

/**
 * Throws when `sql` holds more than one statement. DuckDB parses the whole
 * text before it prepares anything, and refuses two statements at once; any
 * other failure (a syntax error, an unknown table) is left for the run
 * itself, whose message says where the error is, since a text that does not
 * parse runs nothing and a single statement runs read-only.
 */
async function onlyOneStatement(conn: duckdb.AsyncDuckDBConnection, sql: string): Promise<void> {
	try {
		await (await conn.prepare(sql)).close();
	} catch (error) {
		if (/multiple statements/i.test(String(error))) throw error;
	}
}

function withTimeout<T>(work: Promise<T>, ms: number, error: () => Error): Promise<T> {
	let timer: ReturnType<typeof setTimeout>;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(error()), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
