import { afterAll, beforeAll } from 'vitest';
import type { Engine, Row, SqlQuery } from '$lib/engine/types';
import { ACTIVITY_COLUMNS as CONTRACT_COLUMNS } from './activity-cube/rows';

/**
 * For the metrics tests (not the app): each test states its case as rows a
 * reader can check by hand, written into the tables as SQL literals, and
 * runs the builders on one engine per test file.
 */

export type Cell = string | number | null;

export function literal(v: Cell): string {
	if (v === null) return 'NULL';
	if (typeof v === 'number') return String(v);
	return `'${v.replaceAll("'", "''")}'`;
}

/** One INSERT of every row (`''` for none, so that `exec` has nothing to do). */
export function insertSql(table: string, columns: readonly string[], rows: Cell[][]): string {
	if (rows.length === 0) return '';
	const values = rows.map((r) => `(${r.map(literal).join(', ')})`).join(',\n');
	return `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${values};`;
}

/** The columns of activities.csv but the partner (optional, so most cases leave it out). */
export const ACTIVITY_COLUMNS = CONTRACT_COLUMNS.filter((c) => c !== 'partner');

export const LIMA = '150101';
export const ANCON = '150102';
export const ATE = '150103';
export const CALLAO = '070101';

/** The four districts most cases use: `ubigeo, name, province`. */
export const FOUR_DISTRICTS: Cell[][] = [
	[LIMA, 'Lima', 'Lima'],
	[ANCON, 'Ancón', 'Lima'],
	[ATE, 'Ate', 'Lima'],
	[CALLAO, 'Callao', 'Callao']
];

/**
 * One engine for the test file that calls this (at its top level): started
 * before its tests, closed after them. Read `engine` inside a test or hook.
 */
export function useEngine() {
	let engine: Engine;
	beforeAll(async () => {
		// imported here: a file of pure tests that shares a case pays no DuckDB import
		const { createNodeEngine } = await import('$lib/engine/node');
		engine = await createNodeEngine();
	});
	afterAll(async () => {
		await engine?.close();
	});
	return {
		get engine(): Engine {
			return engine;
		},
		run: (q: SqlQuery): Promise<Row[]> => engine.query(q.sql, q.params)
	};
}
