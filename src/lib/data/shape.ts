/**
 * The shape of a file, checked on its bytes before anything parses it
 * (DESIGN.md §8, before step 1 of the pipeline): how many fields the header
 * has, and how long the longest line is.
 *
 * Why: a header of 51,200 columns froze the page for minutes (the header
 * mapping and DuckDB's reader grow with the square of the columns), and a
 * table of 2,000 columns ran the engine out of memory. Both are refused here
 * in milliseconds, with a message that says the limit and what to do.
 *
 * Pure and synchronous; runs in the browser and in Node. Costs a scan of the
 * header record and about one `lastIndexOf` per megabyte (under a millisecond
 * for 100 MB).
 */
import type { Encoding } from './decode';
import { DELIMITERS, type Delimiter } from './sniff';

/**
 * Columns a file of the data contract may have. The widest dataset has 12;
 * unknown extra columns are kept and ignored, so a few hundred is generous.
 */
export const CONTRACT_MAX_COLUMNS = 300;

/**
 * Columns an extra table (any CSV, for the SQL explorer) may have: the engine
 * types each column with its own checks, and a table of this width still
 * loads in seconds in the browser.
 */
export const TABLE_MAX_COLUMNS = 1000;

/**
 * Longest line, in bytes. A row of the contract is a few hundred bytes; even
 * a long free-text value stays far below this. DuckDB itself refuses lines
 * above 2 MB, after reading the file.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

export type ShapeProblem =
	/** The header record has `count` fields, more than `limit`. */
	| { kind: 'columns'; count: number; limit: number }
	/** Line `line` (1-based) is `bytes` long, more than `limit`. */
	| { kind: 'line'; line: number; bytes: number; limit: number };

export interface ShapeLimits {
	maxColumns: number;
	maxLineBytes?: number;
	/** Count the header with this delimiter only (the user chose it). */
	delimiter?: Delimiter;
}

/** How the bytes hold text: 1-byte units (UTF-8, Windows-1252) or UTF-16 code units. */
export type UnitWidth = 'byte' | 'utf-16le' | 'utf-16be';

export function unitWidthOf(encoding: Encoding): UnitWidth {
	return encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : 'byte';
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * The first line longer than `limit` bytes, or null. Lines end at LF (or at
 * CR in a file with no LF at all: old Mac files). A line break inside a quoted
 * value ends a line too: what is measured is the physical line.
 *
 * Jumps a window of `limit` bytes at a time (the last break in it starts the
 * next window), so a 100 MB file costs about a hundred calls, not one per line.
 */
export function firstLongLine(
	bytes: Uint8Array,
	limit: number
): { line: number; bytes: number } | null {
	const sep = bytes.indexOf(LF) === -1 ? CR : LF;
	let start = 0;
	while (bytes.length - start > limit) {
		const last = bytes.lastIndexOf(sep, start + limit);
		if (last >= start) {
			start = last + 1;
			continue;
		}
		// No break within `limit` bytes of `start`: measure that line (a CRLF's CR is not in it).
		const end = bytes.indexOf(sep, start);
		const stop = end === -1 ? bytes.length : end;
		const length = stop - start - (sep === LF && bytes[stop - 1] === CR ? 1 : 0);
		if (length > limit) return { line: lineOf(bytes, sep, start), bytes: length };
		if (end === -1) return null;
		start = end + 1;
	}
	return null;
}

/** 1-based line on which byte `at` is (counting `sep` before it). */
function lineOf(bytes: Uint8Array, sep: number, at: number): number {
	let line = 1;
	for (let i = bytes.indexOf(sep); i !== -1 && i < at; i = bytes.indexOf(sep, i + 1)) line++;
	return line;
}

/** Reads code unit `i` (a unit index, not a byte index). */
function unitReader(bytes: Uint8Array, width: UnitWidth): { at: (i: number) => number; n: number } {
	if (width === 'byte') return { at: (i) => bytes[i], n: bytes.length };
	const n = bytes.length >> 1;
	if (width === 'utf-16le') return { at: (i) => bytes[2 * i] | (bytes[2 * i + 1] << 8), n };
	return { at: (i) => (bytes[2 * i] << 8) | bytes[2 * i + 1], n };
}

/**
 * Fields of the first record (blank lines above it skipped), counted with
 * `delimiter` and RFC 4180 quoting (a delimiter or line break inside a
 * quoted value is content), without decoding. Scans at most `maxUnits` code
 * units: `complete` is false when the record goes on past them.
 */
export function headerFieldCount(
	bytes: Uint8Array,
	width: UnitWidth,
	delimiter: Delimiter,
	maxUnits: number
): { count: number; complete: boolean } {
	const { at, n } = unitReader(bytes, width);
	const delim = delimiter.charCodeAt(0);
	let i = 0;
	// A BOM (UTF-8 EF BB BF, or U+FEFF as a code unit) is not part of the header.
	if (width === 'byte' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
	else if (width !== 'byte' && at(0) === 0xfeff) i = 1;
	while (i < n && (at(i) === CR || at(i) === LF)) i++;
	const end = Math.min(n, i + maxUnits);
	let count = 1;
	let fieldStart = true;
	while (i < end) {
		const c = at(i);
		if (fieldStart && c === QUOTE) {
			// Skip the quoted value; `""` is a quote inside it.
			i++;
			while (i < end) {
				if (at(i) === QUOTE) {
					if (i + 1 < n && at(i + 1) === QUOTE) i += 2;
					else break;
				} else i++;
			}
			i++;
			fieldStart = false;
			continue;
		}
		if (c === LF || c === CR) return { count, complete: true };
		if (c === delim) count++;
		fieldStart = c === delim;
		i++;
	}
	return { count, complete: end === n };
}

/**
 * The first problem with the shape of a file, or null when it may be read:
 * a header with more than `maxColumns` fields (counted with the delimiter
 * that splits it most, so the check needs no sniffing), or a line longer than
 * `maxLineBytes`. `width` says how to read the bytes (from the encoding the
 * head of the file was decoded with).
 */
export function checkShape(
	bytes: Uint8Array,
	width: UnitWidth,
	limits: ShapeLimits
): ShapeProblem | null {
	const maxLine = limits.maxLineBytes ?? MAX_LINE_BYTES;
	const unitBytes = width === 'byte' ? 1 : 2;
	let widest = 0;
	for (const d of limits.delimiter ? [limits.delimiter] : DELIMITERS) {
		const h = headerFieldCount(bytes, width, d, Math.floor(maxLine / unitBytes) + 1);
		// A record cut by the scan (a header line too long, or a quote that this
		// delimiter opens and never closes) has no true count: the line check says the rest.
		if (h.complete && h.count > widest) widest = h.count;
	}
	if (widest > limits.maxColumns) {
		return { kind: 'columns', count: widest, limit: limits.maxColumns };
	}
	const long = firstLongLine(bytes, maxLine);
	if (long) return { kind: 'line', ...long, limit: maxLine };
	return null;
}
