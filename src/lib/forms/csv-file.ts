/**
 * Reading and writing the small CSV files the form exchanges (a round's
 * assessments, a district's actions). They reuse the import pipeline's
 * pieces: the same decoding (BOM, UTF-8, Windows-1252), the same delimiter
 * sniffing, the same header synonyms, and the same formula neutralising on
 * export (DESIGN.md §9), undone on our own re-import.
 *
 * These files are parsed in JS rather than loaded through the engine: they
 * hold a few dozen rows, must be shown as a diff before anything changes,
 * and must not touch the loaded tables until the user applies them.
 */
import Papa from 'papaparse';
import { decodeBytes, type Encoding } from '../data/decode';
import { sniffDialect, type DateOrder } from '../data/sniff';
import { uniqueNames } from '../data/import';
import { mapHeaders } from '../data/detect';
import { normalizeHeader, normalizeValue, type DatasetSpec } from '../data/schema';
import { stripFormulaMark, toCsv, type CsvCell } from '../data/csv-export';
import type { MessageKey } from '../i18n';
import type { Params } from '../i18n/translate';

/** A problem in an imported file, translated when shown (`key` of the assessment area). */
export interface FileProblem {
	/** Line in the file (header = 1); null for the whole file. */
	line: number | null;
	column: string | null;
	key: MessageKey;
	params?: Params;
}

export interface CsvRecord {
	line: number;
	/** Canonical column (or an extra one, by its normalised header) → cell text, formula mark removed. */
	get(column: string): string | undefined;
}

export interface CsvFile {
	encoding: Encoding;
	dateOrder: DateOrder | null;
	/** Canonical columns found (plus extra columns by normalised header). */
	columns: Set<string>;
	records: CsvRecord[];
	/** Required canonical columns that no header matched. */
	missing: string[];
}

/** The whole file is refused: the header lacks required columns (they are named). */
export function missingColumnsProblem(file: CsvFile): FileProblem {
	return {
		line: 1,
		column: null,
		key: 'assess.import.missing',
		params: { columns: file.missing.join(', ') }
	};
}

const BOM = '\uFEFF';

/** UTF-8 with a BOM, so that Excel opens accents right; formula-safe (DESIGN.md §9). */
export function csvText(columns: string[], rows: Record<string, CsvCell>[]): string {
	return BOM + toCsv(columns, rows) + '\n';
}

/**
 * Decodes and parses a CSV file against a dataset spec: headers are matched
 * with the spec's synonyms (Spanish and English), and `extras` (normalised
 * header names) are kept too.
 */
export function readCsv(bytes: Uint8Array, spec: DatasetSpec, extras: string[] = []): CsvFile {
	const decoded = decodeBytes(bytes);
	const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
	const dialect = sniffDialect(text);
	const records: string[][] = [];
	const lines: number[] = [];
	// Line numbers as a spreadsheet shows them: a quoted cell may span lines, blank lines count.
	let start = 0;
	let line = 1;
	Papa.parse<string[]>(text, {
		delimiter: dialect.delimiter,
		header: false,
		skipEmptyLines: 'greedy',
		step(result) {
			const lb = result.meta.linebreak || '\n';
			for (;;) {
				const next = text.indexOf(lb, start);
				if (next === -1 || text.slice(start, next).trim() !== '') break;
				start = next + lb.length;
				line++;
			}
			records.push(result.data);
			lines.push(line);
			const end = result.meta.cursor;
			for (
				let i = text.indexOf(lb, start);
				i !== -1 && i < end;
				i = text.indexOf(lb, i + lb.length)
			)
				line++;
			start = end;
		}
	});
	const [header = [], ...rows] = records;
	const headers = uniqueNames(header.map((h) => h.trim()));
	const m = mapHeaders(spec, headers);
	const index = new Map<string, number>();
	for (const [column, source] of Object.entries(m.mapping))
		index.set(column, headers.indexOf(source));
	headers.forEach((h, i) => {
		const n = normalizeHeader(h);
		if (extras.includes(n) && !index.has(n)) index.set(n, i);
	});
	return {
		encoding: decoded.encoding,
		dateOrder: dialect.dateOrder,
		columns: new Set(index.keys()),
		missing: m.missing,
		records: rows.map((cells, i) => ({
			line: lines[i + 1],
			get(column: string) {
				const at = index.get(column);
				if (at === undefined) return undefined;
				return stripFormulaMark(cells[at] ?? '');
			}
		}))
	};
}

/** A set value in any of the spellings the importer accepts, or null. */
export function canonicalValue(
	text: string,
	allowed: readonly string[],
	synonyms: Readonly<Record<string, string>> = {}
): string | null {
	const v = normalizeValue(text);
	if (allowed.includes(v)) return v;
	return synonyms[v] ?? null;
}

/**
 * A cell that must hold one of `allowed` (in any accepted spelling): its
 * canonical value, or null once `problem` has been told which values are allowed.
 */
export function allowedValue<T extends string>(
	text: string,
	allowed: readonly T[],
	synonyms: Readonly<Record<string, string>> | undefined,
	problem: (key: MessageKey, params: Record<string, string>) => void
): T | null {
	const value = canonicalValue(text, allowed, synonyms);
	if (value === null)
		problem('assess.import.problem.answer', { value: text, allowed: allowed.join(', ') });
	return value as T | null;
}

/** A ubigeo as written by a spreadsheet that dropped the leading zero. */
export function normalizeUbigeo(text: string): string {
	const t = text.trim();
	return /^\d{5}$/.test(t) ? `0${t}` : t;
}

/** An ISO 8601 timestamp in UTC, or null when the text is not one. */
export function normalizeTimestamp(text: string): string | null {
	const t = text.trim();
	if (t === '') return null;
	// No offset means UTC, as the engine reads TIMESTAMP; Date would take local time.
	const withZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(t) || !/T|\s\d/.test(t) ? t : `${t}Z`;
	const ms = Date.parse(withZone.replace(' ', 'T'));
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
