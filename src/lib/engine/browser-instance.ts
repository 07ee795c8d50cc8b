/**
 * One running DuckDB instance in its worker, and the calls made on it: a
 * query (with its prepared statements kept), Arrow in and out, and the
 * unguarded engine that `onFreshStart` gets.
 */
import type * as duckdb from '@duckdb/duckdb-wasm';
import { tableToIPC } from 'apache-arrow';
import { columnsToRows, tableToColumns } from './arrow';
import { toEngineError } from './errors';
import { checkFileName } from './settings';
import { inlineParams } from './sql';
import type { Columns, Engine, Value } from './types';

export interface Instance {
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

export interface KeptStatement {
	pending: Promise<duckdb.AsyncPreparedStatement>;
	/** Once prepared: a run reaches the worker at once, not after an `await`. */
	ready: duckdb.AsyncPreparedStatement | null;
}

/** How many prepared statements an instance keeps. */
const PREPARED_KEPT = 192;
/** How many statements run once (values inlined) an instance remembers, to prepare on their second use. */
const SEEN_KEPT = 256;

/** The instance without guards, for `onFreshStart` (which already runs inside start). */
export function rawEngine(i: Instance): Engine {
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

export async function exportArrowOn(i: Instance, sql: string): Promise<Uint8Array> {
	try {
		return tableToIPC(await i.conn.query(sql), 'stream');
	} catch (error) {
		throw toEngineError(error);
	}
}

export async function importArrowOn(i: Instance, table: string, ipc: Uint8Array): Promise<void> {
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
export async function runOn(i: Instance, sql: string, params: Value[]): Promise<Columns> {
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
export async function planOn(i: Instance, sql: string): Promise<void> {
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
