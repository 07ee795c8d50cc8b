/**
 * Exports of the loaded data as the contract's CSV files (DESIGN.md §4):
 * the same columns in the same order, UTF-8, `\n`, formula-safe cells
 * (csv-export.ts). Large tables are read and written in slices, with a pause
 * between them, so a million rows do not freeze the page.
 */
import { quoteIdent } from '../engine/sql';
import type { Engine } from '../engine/types';
import Papa from 'papaparse';
import { FORMULA_START, toCsv, type CsvCell } from './csv-export';
import { DATASET_NAMES, type DatasetName } from './tables';
import { zip } from './zip';

/** Rows read and written at a time. */
const SLICE = 50_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A table as CSV text parts (header first), in table order. `onProgress`
 * gets the share written so far.
 */
export async function tableCsvParts(
	engine: Engine,
	table: string,
	opts: { onProgress?: (share: number) => void; pause?: () => Promise<void> } = {}
): Promise<string[]> {
	const pause = opts.pause ?? nextTask;
	const cols = await engine.query(
		`SELECT column_name AS name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index`,
		[table]
	);
	const names = cols.map((c) => String(c.name));
	const [{ n }] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)}`);
	const total = Number(n);
	// The header as toCsv writes it (it ends the line itself when there is no row).
	const parts: string[] = [toCsv(names, []).replace(/\n?$/, '\n')];
	for (let at = 0; at < total; at += SLICE) {
		const slice = await engine.queryColumns(
			`SELECT * FROM ${quoteIdent(table)} ORDER BY rowid LIMIT ${SLICE} OFFSET ${at}`
		);
		const rows: CsvCell[][] = new Array(slice.length);
		for (let r = 0; r < slice.length; r++) {
			const row: CsvCell[] = new Array(names.length);
			for (let c = 0; c < names.length; c++) row[c] = slice.columns[c][r] ?? '';
			rows[r] = row;
		}
		// The rows as toCsv writes them (same quoting and formula guard), without a header.
		parts.push(
			Papa.unparse(rows, { newline: '\n', escapeFormulae: FORMULA_START, header: false }) + '\n'
		);
		opts.onProgress?.(Math.min(1, (at + slice.length) / total));
		await pause();
	}
	return parts;
}

/** One table as CSV bytes (UTF-8). */
export async function tableCsvBytes(engine: Engine, table: string): Promise<Uint8Array> {
	const parts = await tableCsvParts(engine, table);
	return new TextEncoder().encode(parts.join(''));
}

/** The six datasets as `<name>.csv` files in a ZIP archive (parts for a Blob). */
export async function exportAllZip(
	engine: Engine,
	onProgress?: (share: number) => void
): Promise<Uint8Array[]> {
	const entries = [];
	for (const [i, name] of DATASET_NAMES.entries()) {
		const parts = await tableCsvParts(engine, name, {
			onProgress: (s) => onProgress?.((i + s) / DATASET_NAMES.length)
		});
		entries.push({ name: `${name}.csv`, data: new TextEncoder().encode(parts.join('')) });
	}
	return zip(entries);
}

export type { DatasetName };
