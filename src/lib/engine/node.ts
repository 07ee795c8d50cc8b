import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { columnsToRows, tableToColumns } from './arrow';
import { toEngineError } from './errors';
import { SAFE_SETTINGS } from './settings';
import type { Columns, Engine, Value } from './types';

/**
 * The Node adapter: the blocking build of the same npm package the browser
 * uses, so tests and the CLI run the very same engine. Calls are synchronous
 * underneath; they are wrapped in promises to share the Engine interface.
 * A timeout cannot interrupt a synchronous call, so none is offered here.
 */
export async function createNodeEngine(): Promise<Engine> {
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
			db.registerFileText(name, text);
		},
		async registerBuffer(name, bytes) {
			db.registerFileBuffer(name, bytes);
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
			conn.close();
			db.reset();
		}
	};
}
