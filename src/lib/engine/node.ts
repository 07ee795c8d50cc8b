import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { columnsToRows, tableToColumns } from './arrow';
import { toEngineError } from './errors';
import { checkFileName, LOCKDOWN, memoryLimitSql, SAFE_SETTINGS } from './settings';
import type { Columns, Engine, ReadOnlyEngine, ReadOnlyResult, Value } from './types';

/**
 * The Node adapter: the blocking build of the same npm package the browser
 * uses, so tests and the CLI run the very same engine. Calls are synchronous
 * underneath; they are wrapped in promises to share the Engine interface.
 * A timeout cannot interrupt a synchronous call, so none is offered here.
 */
export async function createNodeEngine(
	opts: {
		/** DuckDB's memory limit, e.g. "24MB" (fixed at start: the configuration is locked). */
		memoryLimit?: string;
	} = {}
): Promise<Engine & ReadOnlyEngine> {
	const require = createRequire(import.meta.url);
	// The blocking build is CommonJS and makes its tables with the CommonJS
	// apache-arrow; the ESM copy's tableToIPC would not recognise them.
	const arrow = require('apache-arrow') as typeof import('apache-arrow');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	const bundles: duckdb.DuckDBBundles = {
		mvp: {
			mainModule: join(dist, 'duckdb-mvp.wasm'),
			mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: join(dist, 'duckdb-eh.wasm'),
			mainWorker: join(dist, 'duckdb-node-eh.worker.cjs')
		}
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } });
	const conn = db.connect();
	conn.query(SAFE_SETTINGS);
	if (opts.memoryLimit) conn.query(memoryLimitSql(opts.memoryLimit));
	conn.query(LOCKDOWN);
	/** For someone's SQL (`queryReadOnly`), opened on first use. */
	let side: duckdb.DuckDBConnection | null = null;

	function run(sql: string, params: Value[]): Columns {
		try {
			if (params.length === 0) return tableToColumns(conn.query(sql));
			const stmt = conn.prepare(sql);
			try {
				return tableToColumns(stmt.query(...params));
			} finally {
				stmt.close();
			}
		} catch (error) {
			throw toEngineError(error);
		}
	}

	return {
		async query(sql, params = []) {
			return columnsToRows(run(sql, params));
		},
		async queryColumns(sql, params = []) {
			return run(sql, params);
		},
		async exec(sql) {
			try {
				conn.query(sql);
			} catch (error) {
				throw toEngineError(error);
			}
		},
		async registerText(name, text) {
			checkFileName(name);
			db.registerFileText(name, text);
		},
		async registerBuffer(name, bytes) {
			checkFileName(name);
			db.registerFileBuffer(name, bytes);
		},
		// As the browser adapter's (see runReadOnly there), without a way to stop a query.
		async queryReadOnly(sql, { maxRows = Infinity } = {}): Promise<ReadOnlyResult> {
			side ??= db.connect();
			let began = false;
			try {
				side.prepare(sql).close();
				side.query('BEGIN TRANSACTION READ ONLY');
				began = true;
				const table = side.query(sql);
				began = false;
				try {
					side.query('COMMIT'); // a temporary table lives on for the next query
				} catch {
					// the statement ended the transaction itself (COMMIT, ROLLBACK)
				}
				const truncated = table.numRows > maxRows;
				return { ...tableToColumns(truncated ? table.slice(0, maxRows) : table), truncated };
			} catch (error) {
				throw toEngineError(error);
			} finally {
				if (began) {
					try {
						side.query('ROLLBACK');
					} catch {
						// the failed statement left no transaction to end
					}
				}
			}
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async exportArrow(sql) {
			try {
				return arrow.tableToIPC(conn.query(sql), 'stream');
			} catch (error) {
				throw toEngineError(error);
			}
		},
		async importArrow(table, ipc) {
			try {
				conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
			} catch (error) {
				throw toEngineError(error);
			}
		},
		async close() {
			side?.close();
			conn.close();
			db.reset();
		}
	};
}
