/**
 * Names a file's columns and tables get in DuckDB: unique column names for
 * the stage (case does not tell DuckDB names apart), and a safe table name
 * for a generic table.
 */
import { normalizeHeader } from '../schema';
import { DATASET_NAMES } from '../tables';

/**
 * Staging column names: the headers, made unique without regard to case
 * (DuckDB names are case-insensitive). Empty → `columnN` (N from 0);
 * a repeat → `name_1`, `name_2`; `__line` is reserved.
 */
export function uniqueNames(headers: readonly string[]): string[] {
	const seen = new Set<string>(['__line']);
	// The next suffix to try for each name: a name repeated n times costs n steps, not n².
	const next = new Map<string, number>();
	return headers.map((h, i) => {
		const base = h === '' ? `column${i}` : h;
		const key = base.toLowerCase();
		let name = base;
		let k = next.get(key) ?? 1;
		if (seen.has(key)) {
			while (seen.has(`${key}_${k}`)) k++;
			name = `${base}_${k++}`;
		}
		next.set(key, k);
		seen.add(name.toLowerCase());
		return name;
	});
}

/** Longest table name (DuckDB has no limit; this keeps the explorer readable). */
const MAX_NAME = 48;

/**
 * A safe table name from a file name: lower case, no accents, `[a-z0-9_]`
 * only, not starting with a digit, never one of the contract's tables, an
 * internal `__` name, or any of `reserved`; a clash gets `_2`, `_3`, ….
 */
export function safeTableName(wanted: string, reserved: readonly string[] = []): string {
	const stem = wanted.replace(/\.(csv|tsv|txt)$/i, '');
	let base = normalizeHeader(stem)
		.replace(/[^a-z0-9_]+/g, '_')
		.replace(/_+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, MAX_NAME)
		.replace(/_+$/, '');
	if (base === '') base = 'tabla';
	if (/^[0-9]/.test(base)) base = `t_${base}`;
	const taken = new Set([...DATASET_NAMES, ...reserved.map((r) => r.toLowerCase())]);
	let name = base;
	for (let k = 2; taken.has(name) || SQL_RESERVED.has(name); k++) name = `${base}_${k}`;
	return name;
}

/** Words that would need quotes in the SQL console if used as a table name. */
const SQL_RESERVED = new Set(
	(
		'all analyse analyze and any array as asc asymmetric both case cast check collate column ' +
		'constraint create default deferrable desc describe distinct do else end except false fetch ' +
		'for foreign from grant group having in initially intersect into lateral leading limit ' +
		'offset on only or order pivot placing primary qualify references returning select show ' +
		'some summarize symmetric table then to trailing true union unique unpivot using variadic ' +
		'when where window with'
	).split(' ')
);

/** Column names: the header trimmed, empty → `columnN` (from 1), repeats → `name_2`, …. */
export function columnNames(header: readonly string[] | null, count: number): string[] {
	const seen = new Set<string>(['__row']);
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const raw = (header?.[i] ?? '').trim().replace(/\0/g, '');
		const base = raw === '' ? `column${i + 1}` : raw;
		let name = base;
		for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
		seen.add(name.toLowerCase());
		out.push(name);
	}
	return out;
}
