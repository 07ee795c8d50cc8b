import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { importFiles } from './import';
import { importSnapshot, snapshotSql, type TableSnapshot } from './snapshot';
import { DATASET_NAMES } from './tables';
import { readDemoFiles } from '../server/demo-files';

// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
vi.setConfig({ testTimeout: 120_000 });

/** Every row of a table as text, in table order, with its column names and types. */
async function contents(engine: Engine, table: string) {
	const columns = await engine.query(
		`SELECT column_name, data_type FROM information_schema.columns
		 WHERE table_name = ? ORDER BY ordinal_position`,
		[table]
	);
	const rows = await engine.query(`SELECT t::VARCHAR AS r FROM ${table} t`);
	return { columns, rows: rows.map((r) => r.r) };
}

let built: Engine; // as the build makes it (the prerender engine: today = 9999-12-31)
let fresh: Engine; // as a browser does it: the snapshot, nothing else
let piped: Engine; // the pipeline on a day long before the data (every date "in the future"); reused after the first test
let snapshot: TableSnapshot;

beforeAll(async () => {
	[built, fresh, piped] = await Promise.all([
		createNodeEngine(),
		createNodeEngine(),
		createNodeEngine()
	]);
	await importFiles(built, readDemoFiles(), { mode: 'replace', today: '9999-12-31', locale: 'es' });
	await importFiles(piped, readDemoFiles(), { mode: 'replace', today: '2000-01-01', locale: 'en' });
	snapshot = {} as TableSnapshot;
	for (const table of DATASET_NAMES) snapshot[table] = await built.exportArrow(snapshotSql(table));
	// something to replace: a snapshot load starts from empty tables, as a `replace` import does
	await fresh.exec(`CREATE TABLE districts AS SELECT 'x' AS ubigeo`);
	await importSnapshot(fresh, snapshot);
});
afterAll(async () => {
	await Promise.all([built?.close(), fresh?.close(), piped?.close()]);
});

describe('demo snapshot (Arrow IPC of the typed tables)', () => {
	it('gives every table exactly as the import pipeline makes it, whatever day it runs', async () => {
		// the count worked out from data/activities.csv (one row per line after the header)
		const [{ n }] = await fresh.query('SELECT count(*)::INTEGER AS n FROM activities');
		expect(n).toBe(lines('activities.csv'));
		for (const table of DATASET_NAMES) {
			const got = await contents(fresh, table);
			expect(got.rows.length, table).toBeGreaterThan(0);
			expect(got, table).toEqual(await contents(piped, table));
		}
	});

	it('keeps the contract types: leading zeros, dates, timestamps, doubles, booleans', async () => {
		const [callao] = await fresh.query(
			`SELECT ubigeo, typeof(population) AS p FROM districts WHERE ubigeo = '070101'`
		);
		expect(callao).toEqual({ ubigeo: '070101', p: 'INTEGER' });
		const [types] = await fresh.query(
			`SELECT (SELECT typeof(date) FROM activities LIMIT 1) AS d,
				(SELECT typeof(updated_at) FROM assessments LIMIT 1) AS ts,
				(SELECT typeof(weight) FROM framework LIMIT 1) AS w,
				(SELECT typeof(higher_is_better) FROM framework LIMIT 1) AS b`
		);
		expect(types).toEqual({ d: 'DATE', ts: 'TIMESTAMP', w: 'DOUBLE', b: 'BOOLEAN' });
	});

	it('keeps the tables\u2019 constraints: a duplicate district is refused', async () => {
		await expect(
			fresh.exec(`INSERT INTO districts (ubigeo, name, province) VALUES ('070101', 'x', 'y')`)
		).rejects.toThrow(/duplicate key|PRIMARY KEY|constraint/i);
	});

	it('loads an empty table (a dataset the build had no rows for)', async () => {
		await built.exec('CREATE TABLE empty_actions AS SELECT * FROM actions WHERE false');
		const empty = { ...snapshot, actions: await built.exportArrow('SELECT * FROM empty_actions') };
		// into the pipeline's engine (its tables are replaced): no need to start another
		const e = piped;
		await importSnapshot(e, empty);
		expect(await e.query('SELECT count(*)::INTEGER AS n FROM actions')).toEqual([{ n: 0 }]);
		expect((await contents(e, 'activities')).rows.length).toBe(lines('activities.csv'));
	});
});

/** Data rows of a demo file (its fields hold no line breaks). */
function lines(f: string) {
	return readFileSync(join('data', f), 'utf8').trim().split('\n').length - 1;
}

describe('a broken snapshot', () => {
	it('is refused, whether its bytes are not Arrow or its stream was cut short', async () => {
		// the pipeline's engine again: a refusal does not depend on what the engine held
		const e = piped;
		const garbage = { ...snapshot, activities: new TextEncoder().encode('not an arrow stream') };
		await expect(importSnapshot(e, garbage)).rejects.toThrow();
		const full = snapshot.activities;
		const cut = { ...snapshot, activities: full.slice(0, Math.floor(full.length / 2)) };
		await expect(importSnapshot(e, cut)).rejects.toThrow();
	});
});
