/** Someone's SQL (the console's) on the instance's second connection, read-only. */
import type * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { tableToColumns } from './arrow';
import type { Instance } from './browser-instance';
import { toEngineError } from './errors';
import { readablePendingError } from './pending-error';
import { EngineError, QueryStopped, type ReadOnlyOptions, type ReadOnlyResult } from './types';

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
export async function runReadOnly(
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
