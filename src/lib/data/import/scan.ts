/**
 * The one CSV record scanner of the import pipeline (RFC 4180 quoting, read
 * the way DuckDB's strict reader reads it): a quote opens a quoted value only
 * at the start of a field, `""` is a quote inside it, and a line break ends
 * the record only outside quotes. Everything in JS that needs to know where
 * records start or what the first fields say (the header, the sniffer's
 * sample, line numbers for DuckDB's records, line-break normalisation) is a
 * small loop over `CsvScanner.next()`, so they cannot disagree on a file.
 *
 * (The byte-level checks of shape.ts run before the file is decoded, on raw
 * bytes of any width, and count fields of the header only.)
 */
import type { Delimiter } from '../sniff';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export interface Field {
	value: string;
	quoted: boolean;
}

export type LineEnding = '\n' | '\r\n' | '\r';

export interface ScannedRecord {
	/** Physical line (1-based) on which the record starts. */
	line: number;
	/** Index of its first character. */
	start: number;
	/** Index just after its last character (before the line break). */
	end: number;
	/** An empty line (no character before the line break). */
	blank: boolean;
	/** The fields, when asked for (`next(true)`). A blank line is one empty field. */
	fields: Field[] | null;
	/** A quoted value never closed: the record runs to the end of the text (or the limit). */
	unclosed: boolean;
	/** The break that ended it; null when the text (or the limit) ended it. */
	eol: LineEnding | null;
}

export class CsvScanner {
	/** Index of the next record. */
	pos = 0;
	/** Physical line of the next record. */
	line = 1;
	private readonly delim: number;

	constructor(
		readonly text: string,
		delimiter: Delimiter,
		/** Characters read at most (a sample of a large text). */
		readonly limit = text.length
	) {
		this.delim = delimiter.charCodeAt(0);
	}

	get done(): boolean {
		return this.pos >= this.limit;
	}

	/** Reads the record at `pos` and moves past its line break. */
	next(withValues = false): ScannedRecord {
		const { text, limit, delim } = this;
		const line = this.line;
		const start = this.pos;
		let i = start;
		const fields: Field[] | null = withValues ? [] : null;
		let unclosed = false;
		let breaks = 0;
		const first = text.charCodeAt(i);
		const blank = i < limit && (first === CR || first === LF);
		if (blank) fields?.push({ value: '', quoted: false });
		while (!blank) {
			let value = '';
			let quoted = false;
			if (i < limit && text.charCodeAt(i) === QUOTE) {
				quoted = true;
				i++;
				for (;;) {
					const q = text.indexOf('"', i);
					const stop = q === -1 || q >= limit ? limit : q;
					breaks += breaksIn(text, i, stop);
					if (fields) value += text.slice(i, stop);
					if (stop === limit) {
						unclosed = true;
						i = limit;
						break;
					}
					if (text.charCodeAt(q + 1) === QUOTE) {
						if (fields) value += '"';
						i = q + 2;
						continue;
					}
					i = q + 1;
					break;
				}
			}
			// An unquoted field, or what follows a closing quote (kept, leniently).
			const from = i;
			while (i < limit) {
				const c = text.charCodeAt(i);
				if (c === delim || c === CR || c === LF) break;
				i++;
			}
			if (fields) fields.push({ value: value + text.slice(from, i), quoted });
			// After a delimiter another field follows (empty at the end of the text).
			if (i < limit && text.charCodeAt(i) === delim) {
				i++;
				continue;
			}
			break;
		}
		const end = i;
		let eol: LineEnding | null = null;
		if (i < limit) {
			if (text.charCodeAt(i) === CR) {
				eol = text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
			} else {
				eol = '\n';
			}
			i += eol.length;
			breaks++;
		}
		this.pos = i;
		this.line += breaks;
		return { line, start, end, blank, fields, unclosed, eol };
	}

	/** Skips empty lines (those above a header, which DuckDB is told to skip). */
	skipBlankLines(): void {
		for (;;) {
			const c = this.text.charCodeAt(this.pos);
			if (this.pos >= this.limit || (c !== CR && c !== LF)) return;
			this.next();
		}
	}
}

/** Line breaks in `text[from, to)` (CRLF counts once). */
function breaksIn(text: string, from: number, to: number): number {
	let breaks = 0;
	for (let j = from; j < to; j++) {
		const x = text.charCodeAt(j);
		if (x === LF || (x === CR && text.charCodeAt(j + 1) !== LF)) breaks++;
	}
	return breaks;
}

/** Fields of the first record (blank lines above it skipped), or null for an empty file. */
export function readHeader(text: string, delimiter: Delimiter): string[] | null {
	if (text.trim() === '') return null;
	const scan = new CsvScanner(text, delimiter);
	scan.skipBlankLines();
	return (scan.next(true).fields as Field[]).map((f) => f.value);
}

/**
 * Whether the first record opens a quoted value that never closes. DuckDB
 * does not check the header row, so a file such as `"hello⏎⏎ world` would
 * otherwise become one odd column name and no rows.
 */
export function firstRecordUnclosed(text: string, delimiter: Delimiter): boolean {
	const scan = new CsvScanner(text, delimiter);
	scan.skipBlankLines();
	return !scan.done && scan.next().unclosed;
}

/**
 * The physical line on which each of DuckDB's "lines" starts: a record
 * (which may span lines inside quotes) or a blank line, header included.
 * DuckDB's "CSV Error on Line: N" counts these, not physical lines.
 */
export function readerLineStarts(text: string, delimiter: Delimiter): number[] {
	const scan = new CsvScanner(text, delimiter);
	const starts: number[] = [];
	while (!scan.done) starts.push(scan.next().line);
	return starts;
}

/** Records scanned between two pauses of `recordStartLines`. */
const PAUSE_EVERY = 1 << 16;

/**
 * The line on which each data record starts, read the way DuckDB reads the
 * file (quoted fields may span lines; blank lines are skipped unless the file
 * has a single column). Only used when the file has more lines than records + 1.
 * With `hasHeader` false, the first record is data too.
 * Pauses now and then (when given `pause`) so a large file does not freeze the page.
 */
export async function recordStartLines(
	text: string,
	delimiter: Delimiter,
	singleColumn: boolean,
	pause?: () => Promise<void>,
	hasHeader = true
): Promise<number[]> {
	const scan = new CsvScanner(text, delimiter);
	const starts: number[] = [];
	let header = hasHeader;
	/** Blank lines before the first record are skipped (DuckDB's `skip`). */
	let seenRecord = false;
	let budget = PAUSE_EVERY;
	while (!scan.done) {
		if (pause && --budget === 0) {
			budget = PAUSE_EVERY;
			await pause();
		}
		const record = scan.next();
		if (record.blank) {
			if (singleColumn && seenRecord) starts.push(record.line);
			continue;
		}
		seenRecord = true;
		if (header) header = false;
		else starts.push(record.line);
	}
	return starts;
}

/**
 * Turns every line break outside quoted values into `\n`; breaks inside
 * quotes are content and stay as they are.
 */
export function normalizeLineBreaks(text: string, delimiter: Delimiter): string {
	const scan = new CsvScanner(text, delimiter);
	const out: string[] = [];
	let from = 0;
	while (!scan.done) {
		const record = scan.next();
		if (record.eol === '\r' || record.eol === '\r\n') {
			out.push(text.slice(from, record.end), '\n');
			from = scan.pos;
		}
	}
	out.push(text.slice(from));
	return out.join('');
}

/** A blank line: one empty, unquoted field. */
export function isBlankRecord(record: readonly Field[]): boolean {
	return record.length === 1 && !record[0].quoted && record[0].value === '';
}

/** The start of `text` as at most `maxRecords` records, and the first line ending seen. */
export function readSample(
	text: string,
	delimiter: Delimiter,
	maxRecords: number,
	limit: number,
	skipBlank = false
): { records: Field[][]; lineEnding: LineEnding | null } {
	const scan = new CsvScanner(text, delimiter, Math.min(text.length, limit));
	const records: Field[][] = [];
	let lineEnding: LineEnding | null = null;
	while (!scan.done && records.length < maxRecords) {
		const record = scan.next(true);
		const fields = record.fields as Field[];
		if (record.eol === null) {
			// The text ran out inside this record. Keep it when it is the real end of
			// the text (or the only record); a record cut by the sample limit may be partial.
			if (scan.limit === text.length || records.length === 0) records.push(fields);
			break;
		}
		lineEnding ??= record.eol;
		if (!(skipBlank && isBlankRecord(fields))) records.push(fields);
	}
	return { records, lineEnding };
}

/** Up to `max` records of `text` as text (BOM and blank lines skipped), for previews and sniffing. */
export function readRecords(
	text: string,
	delimiter: Delimiter,
	max: number,
	limit = text.length
): string[][] {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	return readSample(body, delimiter, max, limit, true)
		.records.filter((r) => !isBlankRecord(r))
		.map((r) => r.map((f) => f.value));
}
