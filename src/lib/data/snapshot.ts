import { tableFromIPC } from 'apache-arrow';
import type { Engine } from '../engine/types';
import { createTablesSql, DATASET_NAMES, type DatasetName } from './tables';

/**
 * A snapshot of the typed tables as Arrow IPC streams, one per dataset. The
 * build writes the demo data's (validated by the import pipeline in Node);
 * the browser inserts them as they are, instead of reading and checking the
 * same CSV files again on every visit. Import results do not depend on the
 * day they run (a future date is a warning, never a dropped row), so the
 * tables are the ones the pipeline would make in the browser.
 */
export type TableSnapshot = Record<DatasetName, Uint8Array>;

/** The rows of one typed table, in load order, as the snapshot keeps them. */
export function snapshotSql(table: DatasetName): string {
	return `SELECT * FROM ${table}`;
}

export function isDatasetName(name: string): name is DatasetName {
	return (DATASET_NAMES as string[]).includes(name);
}

/** Downloads a snapshot: one request per table, at the address `url` gives. */
export async function fetchSnapshot(url: (table: DatasetName) => string): Promise<TableSnapshot> {
	const tables = await Promise.all(
		DATASET_NAMES.map(async (table) => {
			const response = await fetch(url(table));
			if (!response.ok) throw new Error(`${table}.arrow: HTTP ${response.status}`);
			return [table, new Uint8Array(await response.arrayBuffer())] as const;
		})
	);
	return Object.fromEntries(tables) as TableSnapshot;
}

/**
 * Recreate every typed table (as a `replace` import does) and fill it from the
 * snapshot. Throws if a table did not get every row of its stream: DuckDB
 * takes bytes that are not Arrow as an empty stream, without an error.
 */
export async function importSnapshot(engine: Engine, snapshot: TableSnapshot): Promise<void> {
	// read here first: a broken stream fails before any table is touched
	const expected = DATASET_NAMES.map((table) => tableFromIPC(snapshot[table]).numRows);
	await engine.exec(createTablesSql());
	for (const table of DATASET_NAMES) await engine.importArrow(table, snapshot[table]);
	const [counts] = await engine.query(
		`SELECT ${DATASET_NAMES.map((t) => `(SELECT count(*)::INTEGER FROM ${t}) AS ${t}`).join(', ')}`
	);
	DATASET_NAMES.forEach((table, i) => {
		if (counts[table] !== expected[i])
			throw new Error(`${table}: ${counts[table]} of ${expected[i]} rows loaded from the snapshot`);
	});
}
