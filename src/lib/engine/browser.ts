import * as duckdb from '@duckdb/duckdb-wasm';
import { columnsToRows } from './arrow';
import {
	exportArrowOn,
	importArrowOn,
	planOn,
	rawEngine,
	runOn,
	type Instance
} from './browser-instance';
import { runReadOnly } from './browser-read-only';
import { LOCAL_BUNDLES } from './bundles';
import engineWorker from './engine-worker.js?url';
import { toEngineError } from './errors';
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
	type Engine,
	type ReadOnlyEngine,
	type ReadOnlyOptions,
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

function withTimeout<T>(work: Promise<T>, ms: number, error: () => Error): Promise<T> {
	let timer: ReturnType<typeof setTimeout>;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(error()), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
