import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Native DuckDB (@duckdb/node-api, the same DuckDB 1.4.3 as the wasm) in
 * Node on the same file: read_csv into a table, then the same aggregation.
 * Threads: DuckDB's default (every core: 2 here).
 */
export async function nativeRun(path: string, aggregateSql: (table: string) => string) {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const t0 = performance.now();
		await conn.run(
			`CREATE OR REPLACE TABLE bare AS SELECT * FROM read_csv('${path.replace(/'/g, "''")}')`
		);
		const readMs = performance.now() - t0;
		const t1 = performance.now();
		const result = await conn.runAndReadAll(aggregateSql('bare'));
		const aggregateMs = performance.now() - t1;
		const threads = (
			await conn.runAndReadAll("SELECT current_setting('threads') AS t")
		).getRows()[0][0];
		return { readMs, aggregateMs, groups: result.currentRowCount, threads: Number(threads) };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
