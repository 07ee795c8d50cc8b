import { engineFile } from './settings';
import { EngineError, type Engine, type ReadOnlyEngine } from './types';

/**
 * The behaviour every Engine adapter must show. The Node adapter runs these
 * in vitest; the browser adapter runs the very same list on the diagnostics
 * page (/diagnostico), which the end-to-end suite opens in Chromium.
 * Each check throws with a readable message when the adapter is wrong.
 */
export interface ContractCheck {
	name: string;
	run(engine: Engine & ReadOnlyEngine): Promise<void>;
}

/** The EngineError `work` fails with; throws if it succeeds or fails otherwise. */
async function failure(work: Promise<unknown>, what: string): Promise<EngineError> {
	try {
		await work;
	} catch (error) {
		assert(error instanceof EngineError, `${what}: must fail with an EngineError, got ${error}`);
		return error;
	}
	throw new Error(`${what}: must fail, but it succeeded`);
}

/** `work` fails with an EngineError of this kind. */
async function failsAs(kind: EngineError['kind'], work: Promise<unknown>, what: string) {
	const error = await failure(work, what);
	assert(error.kind === kind, `${what}: kind must be "${kind}", got "${error.kind}"`);
}

function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

function same(actual: unknown, expected: unknown, what: string) {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	assert(a === e, `${what}: expected ${e}, got ${a}`);
}

export const ENGINE_CONTRACT: ContractCheck[] = [
	{
		name: 'count(*) and integer sums come back as numbers, not BigInt',
		async run(engine) {
			const [row] = await engine.query('SELECT count(*) AS n, sum(i) AS s FROM range(5) t(i)');
			same(row, { n: 5, s: 10 }, 'count and sum');
			assert(typeof row.n === 'number' && typeof row.s === 'number', 'types must be number');
		}
	},
	{
		name: 'DECIMAL sums keep their decimal point (3.75, not 375)',
		async run(engine) {
			const [row] = await engine.query(
				'SELECT sum(x) AS s, 0.10::DECIMAL(4,2) AS d FROM (VALUES (1.25), (2.50)) t(x)'
			);
			same(row, { s: 3.75, d: 0.1 }, 'decimal');
		}
	},
	{
		name: 'dates and timestamps come back as ISO strings',
		async run(engine) {
			const [row] = await engine.query(
				"SELECT DATE '2024-03-05' AS d, TIMESTAMP '2024-03-05 10:11:12' AS ts"
			);
			same(row, { d: '2024-03-05', ts: '2024-03-05T10:11:12.000Z' }, 'date');
		}
	},
	{
		name: 'NULL comes back as null',
		async run(engine) {
			const [row] = await engine.query('SELECT NULL::INTEGER AS a, NULL::VARCHAR AS b');
			same(row, { a: null, b: null }, 'nulls');
		}
	},
	{
		name: 'values are bound as parameters, and quotes in them stay data',
		async run(engine) {
			const evil = "070101'; DROP TABLE x; --";
			const [row] = await engine.query('SELECT ? AS code, ?::INTEGER + 1 AS n', [evil, 41]);
			same(row, { code: evil, n: 42 }, 'parameters');
		}
	},
	{
		name: 'a statement run again with other values answers for those values, every time',
		async run(engine) {
			// the browser adapter inlines the first two runs and prepares the statement for later ones
			const sql = "SELECT ?::VARCHAR || '?' AS s, ?::INTEGER * 2 AS n -- why?";
			for (const [s, n] of [
				["a'b", 1],
				['c', -2],
				['d--', 3],
				['', 4]
			] as const) {
				same(await engine.query(sql, [s, n]), [{ s: `${s}?`, n: n * 2 }], `values ${s}, ${n}`);
			}
		}
	},
	{
		name: 'a statement planned ahead answers like any other, from what its table holds when it runs',
		async run(engine) {
			// the cross-filter indexes of /actividades are refilled under statements planned on them
			await engine.exec('CREATE OR REPLACE TABLE __contract_plan AS SELECT 1 AS n');
			const withValue = 'SELECT sum(n)::INTEGER + ?::INTEGER AS s FROM __contract_plan';
			const without = 'SELECT sum(n)::INTEGER AS s FROM __contract_plan';
			await engine.plan?.(withValue);
			await engine.plan?.(without);
			// a statement that cannot be planned fails when it runs, not before
			await engine.plan?.('SELECT * FROM __contract_no_such_table');
			same(await engine.query(withValue, [10]), [{ s: 11 }], 'planned, with a value');
			same(await engine.query(without), [{ s: 1 }], 'planned, without values');
			await engine.exec('DELETE FROM __contract_plan; INSERT INTO __contract_plan VALUES (5), (6)');
			same(await engine.query(withValue, [10]), [{ s: 21 }], 'refilled, with a value');
			same(await engine.query(without), [{ s: 11 }], 'refilled, without values');
			await engine.exec('DROP TABLE __contract_plan');
		}
	},
	{
		name: 'read_csv over registered text keeps leading zeros as text',
		async run(engine) {
			const file = engineFile('contract.csv');
			await engine.registerText(file, 'ubigeo,name\n070101,Callao\n150101,Lima\n');
			const rows = await engine.query(
				`SELECT * FROM read_csv('${file}', header = true, columns = {'ubigeo': 'VARCHAR', 'name': 'VARCHAR'})`
			);
			await engine.dropFile(file);
			same(
				rows,
				[
					{ ubigeo: '070101', name: 'Callao' },
					{ ubigeo: '150101', name: 'Lima' }
				],
				'csv'
			);
		}
	},
	{
		name: 'reads only the files Integra registered: no other file, URL or extension, and no SET can change that',
		async run(engine) {
			for (const sql of [
				"SELECT * FROM read_csv('/etc/hostname')",
				"SELECT * FROM read_csv('http://127.0.0.1:9/?d=' || 'secret')",
				"SELECT * FROM read_csv('/integra/../etc/hostname')",
				"ATTACH 'http://127.0.0.1:9/x.duckdb' AS x",
				"LOAD 'http://127.0.0.1:9/httpfs.duckdb_extension'",
				'LOAD httpfs',
				'SET enable_external_access = true',
				"SET custom_extension_repository = 'http://127.0.0.1:9'",
				"SET allowed_directories = ['/']",
				'SET lock_configuration = false',
				'RESET enable_external_access'
			])
				await failsAs('refused', engine.query(sql), sql);
			const [row] = await engine.query(
				"SELECT value FROM duckdb_settings() WHERE name = 'enable_external_access'"
			);
			same(row, { value: 'false' }, 'external access');
		}
	},
	{
		name: "someone's SQL cannot change a loaded table, however the statement is wrapped",
		async run(engine) {
			await engine.exec('CREATE OR REPLACE TABLE __contract_ro AS SELECT * FROM range(3) t(i)');
			for (const sql of [
				'DELETE FROM __contract_ro',
				'EXPLAIN ANALYZE DELETE FROM __contract_ro',
				'WITH x AS (SELECT 1) DELETE FROM __contract_ro',
				'EXPLAIN ANALYZE INSERT INTO __contract_ro VALUES (9)',
				'UPDATE __contract_ro SET i = 0',
				'DROP TABLE __contract_ro',
				'CREATE TABLE __contract_new AS SELECT 1 AS i',
				'ALTER TABLE __contract_ro RENAME TO __contract_gone'
			])
				await failsAs('read-only', engine.queryReadOnly(sql), sql);
			// two statements at once: the second could run after the first ended the transaction
			await failure(engine.queryReadOnly('COMMIT; DELETE FROM __contract_ro'), 'two statements');
			// one that ends the read-only transaction itself leaves the next one read-only all the same
			await engine.queryReadOnly('COMMIT').catch(() => {});
			await failure(engine.queryReadOnly('DELETE FROM __contract_ro'), 'after a COMMIT');
			same(await engine.query('SELECT count(*) AS n FROM __contract_ro'), [{ n: 3 }], 'rows left');
			// reading works, and a temporary table is the console's own scratch space
			const read = await engine.queryReadOnly('SELECT sum(i)::INTEGER AS s FROM __contract_ro');
			same(read.columns, [[3]], 'a read');
			await engine.queryReadOnly('CREATE TEMP TABLE __contract_scratch AS SELECT 7 AS n');
			same(
				(await engine.queryReadOnly('SELECT n FROM __contract_scratch')).columns,
				[[7]],
				'scratch'
			);
			await failure(engine.query('SELECT n FROM __contract_scratch'), 'scratch seen by the app');
			await engine.exec('DROP TABLE __contract_ro');
		}
	},
	{
		name: 'a query that needs the Parquet or JSON extension fails at once instead of hanging',
		async run(engine) {
			for (const sql of [
				"SELECT * FROM read_parquet('x.parquet')",
				"SELECT * FROM read_json('x.json')"
			]) {
				let error: unknown = null;
				try {
					await engine.query(sql);
				} catch (e) {
					error = e;
				}
				assert(error instanceof EngineError, `${sql} must fail with an EngineError`);
				assert(error.kind === 'extension', `${sql}: kind must be "extension", got "${error.kind}"`);
				assert(!/autoload/.test(error.message), 'the message must not suggest turning autoload on');
			}
		}
	},
	{
		name: 'a SQL error is an EngineError with a readable message, and the engine keeps working',
		async run(engine) {
			let error: unknown = null;
			try {
				await engine.query('SELECT * FROM no_such_table');
			} catch (e) {
				error = e;
			}
			assert(
				error instanceof EngineError && error.kind === 'sql',
				'must be an EngineError of kind sql'
			);
			assert(/no_such_table/.test(error.message), `message must name the table: ${error.message}`);
			assert(!/\n\s+at /.test(error.message), 'message must not carry a stack trace');
			const [row] = await engine.query('SELECT 1 AS one');
			same(row, { one: 1 }, 'after an error');
		}
	},
	{
		name: 'results can be read column-wise',
		async run(engine) {
			const result = await engine.queryColumns('SELECT i AS n, i * 2 AS twice FROM range(3) t(i)');
			same(
				result,
				{
					names: ['n', 'twice'],
					columns: [
						[0, 1, 2],
						[0, 2, 4]
					],
					length: 3
				},
				'columns'
			);
		}
	}
];
