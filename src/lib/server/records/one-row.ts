import type { Engine } from '../../engine/types';
import { toCsv, type CsvCell } from '../../data/csv-export';
import type { DatasetName } from '../../data/tables';
import { ApiError } from '../http/errors';
import { prepareServerCsv } from './prepare-csv';

/** Columns read back from the stage as text (dates `YYYY-MM-DD`, numbers as written by DuckDB). */
type Canonical = Record<string, string | null>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Checks one record with the import pipeline, as if it were a one-row file
 * of `dataset` (rounds/check.ts does the same for a round): the same rules
 * as an import of that file against the published districts and framework
 * (a known ubigeo and indicator, the allowed values, the types, the cross
 * rules such as women + men ≤ total). Warnings pass; any error is a 400 that
 * names each problem and its field. Returns the record as the import would
 * load it: canonical values (`Taller` → `capacitacion`, `3/4/2024` →
 * `2024-04-03`), every value as text or null.
 *
 * `mode` 'append' also checks the key against the rows the engine holds.
 */
export async function checkOneRow(
	engine: Engine,
	dataset: DatasetName,
	columns: readonly string[],
	row: Record<string, CsvCell>,
	mode: 'replace' | 'append' = 'replace'
): Promise<Canonical> {
	const csv = toCsv([...columns], [row]);
	const prepared = await prepareServerCsv(engine, dataset, csv, mode);
	try {
		const report = prepared.report;
		if (!prepared.loadable || report.errors > 0) {
			const problems = report.issues
				.filter((i) => i.severity === 'error')
				.map((i) => ({ field: i.column ?? null, code: i.code, message: i.message }));
			const first = problems[0];
			throw new ApiError(
				'invalid_submission',
				first
					? `${report.errors} problema(s) en el registro; el primero${first.field ? ` (campo ${first.field})` : ''}: ${first.message}`
					: `El registro no se puede leer como una fila de ${dataset}.csv.`,
				{ problems, errors: report.errors }
			);
		}
		const stage = prepared.incoming!.table;
		const [staged] = await engine.query(
			`SELECT ${columns.map((c) => `CAST(${quote(c)} AS VARCHAR) AS ${quote(c)}`).join(', ')}
			 FROM ${quote(stage)} LIMIT 1`
		);
		const out: Canonical = {};
		for (const c of columns) {
			const v = staged?.[c];
			out[c] = v === null || v === undefined ? null : String(v);
		}
		return out;
	} finally {
		await prepared.discard();
	}
}

/** The key column of each file the server keeps records of. */
const KEY = { actions: 'action_id', activities: 'activity_id' } as const;

/** The ubigeo that holds `key` in the engine's `table` (the published file), or null. */
export async function keyHolder(
	engine: Engine,
	table: 'actions' | 'activities',
	key: string
): Promise<string | null> {
	const rows = await engine.query(`SELECT ubigeo FROM ${table} WHERE ${KEY[table]} = ? LIMIT 1`, [
		key
	]);
	return rows[0] ? String(rows[0].ubigeo) : null;
}

/**
 * A record of actions.csv or activities.csv as the server takes it: checked
 * as a one-row file (checkOneRow), with the district that holds its key in
 * the published file (keyHolder).
 */
export async function checkKeyedRow(
	engine: Engine,
	table: 'actions' | 'activities',
	columns: readonly string[],
	input: Record<string, unknown>
): Promise<{ row: Canonical; publishedIn: string | null }> {
	const row = await checkOneRow(engine, table, columns, input as Record<string, CsvCell>);
	return { row, publishedIn: await keyHolder(engine, table, row[KEY[table]]!) };
}
