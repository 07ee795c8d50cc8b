/**
 * Step 2 of the CSV import pipeline (DESIGN.md §8): guess the CSV dialect
 * (delimiter, decimal comma, date order, line ending) from the first records,
 * and parse numbers and dates written the local way.
 *
 * Pure; no DOM, no Node APIs. Quoting follows RFC 4180: a field is quoted when
 * it starts with `"`; inside, `""` is a quote and delimiters and line breaks
 * are content.
 */
import { isBlankRecord, readRecords as scanRecords, readSample, type Field } from './import/scan';

/** `,` `;` and tab are the contract's; `|` is accepted too (some systems export it). */
export type Delimiter = ',' | ';' | '\t' | '|';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface Dialect {
	delimiter: Delimiter;
	decimalComma: boolean;
	dateOrder: DateOrder | null;
	lineEnding: '\n' | '\r\n' | '\r';
}

/** Records (logical lines) looked at. */
const SAMPLE_RECORDS = 50;
/** Records looked at for the decimal comma and the date order. */
const VALUE_RECORDS = 5000;
/** Characters looked at, at most (guards against an unclosed quote in a huge file). */
const SAMPLE_CHARS = 256 * 1024;
/** Candidates in tie-break order. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

interface Score {
	/** The most frequent field count. */
	fields: number;
	/** Share of (non-blank) records that have that count. */
	consistency: number;
}

function score(records: Field[][]): Score | null {
	const counts = new Map<number, number>();
	let n = 0;
	for (const r of records) {
		if (isBlankRecord(r)) continue;
		n++;
		counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
	}
	if (n === 0) return null;
	let fields = 0;
	let freq = 0;
	for (const [count, f] of counts) {
		if (f > freq || (f === freq && count > fields)) {
			fields = count;
			freq = f;
		}
	}
	return { fields, consistency: freq / n };
}

/**
 * Strictly better: more consistent, or as consistent with more fields. The
 * second rule matters for a headerless `;` file whose rows each hold one
 * decimal comma (`1;Lima;12,5`): `,` splits every row evenly too, into fewer fields.
 */
function better(a: Score, b: Score): boolean {
	if (Math.abs(a.consistency - b.consistency) > 1e-9) return a.consistency > b.consistency;
	return a.fields > b.fields;
}

// ---------------------------------------------------------------------------
// Number shapes

const SIGN = '[-+]?';
const EXP = '(?:[eE][-+]?\\d+)?';
/** `12,5`, `1234,5`, `2,01235E+10` (a single comma, digits on both sides). */
const COMMA_DECIMAL = new RegExp(`^${SIGN}(\\d+),(\\d+)${EXP}$`);
/** `12.5`, `1234.5`, `2.01235E+10`. */
const DOT_DECIMAL = new RegExp(`^${SIGN}(\\d+)\\.(\\d+)${EXP}$`);
/** `1.234,56`, `1.234.567` — dots as thousands separators. */
const DOT_GROUPED = new RegExp(`^${SIGN}\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?$`);
/** `1,234.56`, `1,234,567` — commas as thousands separators. */
const COMMA_GROUPED = new RegExp(`^${SIGN}\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?$`);

export type Shape = 'comma' | 'dot' | 'ambiguous-comma' | 'ambiguous-dot' | null;

/**
 * Which decimal separator a field's text implies:
 * - 'comma' / 'dot': only that reading makes sense (`12,5`, `1.234,56`, `0,125`);
 * - 'ambiguous-comma' / 'ambiguous-dot': `1,234` / `1.234` (a decimal or a thousands separator);
 * - null: not a number with a separator (text, integers, dates).
 */
export function numberShape(raw: string): Shape {
	const s = raw.trim();
	let m = COMMA_DECIMAL.exec(s);
	if (m) return isAmbiguous(m[1], m[2], s) ? 'ambiguous-comma' : 'comma';
	m = DOT_DECIMAL.exec(s);
	if (m) return isAmbiguous(m[1], m[2], s) ? 'ambiguous-dot' : 'dot';
	// Two or more separators: the last one is the decimal one, or all group thousands.
	if (DOT_GROUPED.test(s)) return 'comma';
	if (COMMA_GROUPED.test(s)) return 'dot';
	return null;
}

/** `1,234` could group thousands; `0,125`, `1234,5`, `12,5`, `1,2E+3` could not. */
function isAmbiguous(intPart: string, fraction: string, whole: string): boolean {
	return fraction.length === 3 && intPart.length <= 3 && intPart[0] !== '0' && !/[eE]/.test(whole);
}

function detectDecimalComma(records: Field[][], delimiter: Delimiter): boolean {
	let comma = 0;
	let dot = 0;
	let groupedByDot = 0;
	for (const r of records) {
		for (const f of r) {
			const shape = numberShape(f.value);
			if (shape === null) continue;
			if (shape === 'dot') {
				dot++;
			} else if (delimiter !== ',') {
				if (shape === 'comma' || shape === 'ambiguous-comma') comma++;
				// `451.260` in a `;` file: Excel set to Spanish groups thousands with a dot.
				else if (shape === 'ambiguous-dot') groupedByDot++;
			} else if (f.quoted && shape === 'comma') {
				// In a comma-delimited file a decimal comma needs quotes: "12,5".
				comma++;
			}
		}
	}
	return (comma > 0 || groupedByDot > 0) && dot === 0;
}

// ---------------------------------------------------------------------------
// Dates

/** `3/4/2024`, `03-04-2024` (same separator twice), optionally with a time. */
const DMY_OR_MDY = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
/** `2024-04-03`, `2024-4-3`, `2024/04/03`, optionally with an ISO time. */
const YMD =
	/^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function detectDateOrder(records: Field[][]): DateOrder | null {
	let slashed = false;
	let firstOver12 = false;
	let secondOver12 = false;
	let iso = false;
	for (const r of records) {
		for (const f of r) {
			const s = f.value.trim();
			if (s.length < 8) continue;
			const m = DMY_OR_MDY.exec(s);
			if (m) {
				const a = Number(m[1]);
				const b = Number(m[3]);
				if (a < 1 || b < 1 || a > 31 || b > 31) continue;
				slashed = true;
				if (a > 12) firstOver12 = true;
				if (b > 12) secondOver12 = true;
				continue;
			}
			if (YMD.test(s)) iso = true;
		}
	}
	if (slashed) {
		// Both > 12 somewhere is inconsistent; day first is the local reading.
		if (firstOver12) return 'dmy';
		if (secondOver12) return 'mdy';
		return 'dmy';
	}
	return iso ? 'ymd' : null;
}

/**
 * Guesses the dialect from the first ~50 records of `text`.
 *
 * Delimiter: among `,` `;` tab, the one whose most frequent field count is > 1
 * and is shared by the largest share of records; on a tie, the one giving
 * more fields, then `,` before `;` before tab. `,` when none splits the lines.
 * Blank lines are ignored.
 */
export function sniffDialect(text: string): Dialect {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let best: { delimiter: Delimiter; sample: ReturnType<typeof readSample>; score: Score } | null =
		null;
	for (const delimiter of DELIMITERS) {
		const sample = readSample(body, delimiter, SAMPLE_RECORDS, SAMPLE_CHARS);
		const s = score(sample.records);
		if (s === null || s.fields < 2) continue;
		if (best === null || better(s, best.score)) best = { delimiter, sample, score: s };
	}
	const delimiter = best?.delimiter ?? ',';
	// Numbers and dates: look further than the delimiter needs (a `1.234` may first
	// appear after row 50), within the same character limit.
	const sample = readSample(body, delimiter, VALUE_RECORDS, SAMPLE_CHARS);
	return {
		delimiter,
		decimalComma: detectDecimalComma(sample.records, delimiter),
		dateOrder: detectDateOrder(sample.records),
		lineEnding: sample.lineEnding ?? '\n'
	};
}

// ---------------------------------------------------------------------------
// Parsing values

/** Spaces that may group thousands: space, no-break space, narrow no-break space. */
const GROUP_SPACES = /^([-+]?\d{1,3})((?:[ \u00a0\u202f]\d{3})+)((?:[.,]\d+)?(?:[eE][-+]?\d+)?)$/;

/** `1.234,56`, `1234,56`, `,5`, `2,01235E+10` (decimal comma, optional dot grouping). */
const NUM_DECIMAL_COMMA = /^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d*)(?:,\d+)?(?:[eE][-+]?\d+)?$/;
/** `1,234.56`, `1234.56`, `.5`, `2.01235E+10` (decimal point, optional comma grouping). */
const NUM_DECIMAL_DOT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

function parseWith(s: string, decimalComma: boolean): number | null {
	if (!/\d/.test(s)) return null;
	const mantissa = s.replace(/[eE].*$/, '');
	if (!/\d/.test(mantissa)) return null;
	if (decimalComma) {
		if (!NUM_DECIMAL_COMMA.test(s)) return null;
		return finite(Number(s.replace(/\./g, '').replace(',', '.')));
	}
	if (!NUM_DECIMAL_DOT.test(s)) return null;
	return finite(Number(s.replace(/,/g, '')));
}

function finite(n: number): number | null {
	return Number.isFinite(n) ? n : null;
}

/**
 * Parses a number written with either decimal convention. `decimalComma` says
 * which one wins when the text fits both (`1.234` is 1234 with a decimal comma,
 * 1.234 without); text that fits only the other one is read that way
 * (`1234.56` → 1234.56 even with a decimal comma). Spaces around the number and
 * spaces grouping thousands (`1 234,5`) are allowed. Not a number → null.
 */
export function parseLocaleNumber(s: string, decimalComma: boolean): number | null {
	let t = s.trim();
	if (t === '') return null;
	const grouped = GROUP_SPACES.exec(t);
	if (grouped) t = grouped[1] + grouped[2].replace(/[ \u00a0\u202f]/g, '') + grouped[3];
	return parseWith(t, decimalComma) ?? parseWith(t, !decimalComma);
}

function isLeapYear(y: number): boolean {
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
	if (m === 2) return isLeapYear(y) ? 29 : 28;
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function isoDate(y: number, m: number, d: number): string | null {
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_YMD = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/;
const DATE_XXY = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;

/**
 * Parses a date to ISO `YYYY-MM-DD`, or null when it is not a (real) date.
 * Year-first (`2024-04-03`, `2024-4-3`, `2024/04/03`) is always accepted.
 * `3/4/2024`, `03/04/2024`, `03-04-2024` are read month first only when
 * `order` is 'mdy', else day first. The calendar (leap years included) is
 * checked by hand: `31/02/2024` → null.
 */
export function parseLocaleDate(s: string, order: DateOrder | null): string | null {
	const t = s.trim();
	let m = DATE_YMD.exec(t);
	if (m) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
	m = DATE_XXY.exec(t);
	if (m) {
		const a = Number(m[1]);
		const b = Number(m[3]);
		const y = Number(m[4]);
		return order === 'mdy' ? isoDate(y, a, b) : isoDate(y, b, a);
	}
	return null;
}

// ---------------------------------------------------------------------------
// Records and the header row

/** Up to `max` records of `text` as text (BOM and blank lines skipped), for previews and sniffing. */
export function readRecords(text: string, delimiter: Delimiter, max: number): string[][] {
	return scanRecords(text, delimiter, max, SAMPLE_CHARS);
}

type CellKind = 'empty' | 'number' | 'date' | 'text';

function cellKind(raw: string): CellKind {
	const s = raw.trim();
	if (s === '') return 'empty';
	if (parseLocaleNumber(s, false) !== null || parseLocaleNumber(s, true) !== null) return 'number';
	// Two tests, not one alternation: each pattern has its own `\2` back-reference.
	if (DMY_OR_MDY.test(s) || YMD.test(s)) return 'date';
	return 'text';
}

/** Longest header cell we believe is a column name rather than a value. */
const MAX_NAME_LENGTH = 100;

/**
 * Whether the first record is a header row, for files of unknown shape (the
 * contract's datasets always have one). Each column votes, as Python's
 * `csv.Sniffer.has_header` does: when the other records of a column are
 * numbers or dates (or text of one fixed length), a first cell of another
 * kind (or length) says "header", a cell of the same kind says "data". On a
 * tie, a first row without numbers or dates is taken as the header.
 */
export function detectHeader(records: readonly (readonly string[])[]): boolean {
	if (records.length === 0) return true;
	const [first, ...rest] = records;
	if (first.some((v) => v.length > MAX_NAME_LENGTH)) return false;
	const looksLikeData = first.some((v) => {
		const k = cellKind(v);
		return k === 'number' || k === 'date';
	});
	let votes = 0;
	first.forEach((h, c) => {
		const head = h.trim();
		const values = rest.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
		if (head === '' || values.length === 0) return;
		const counts = new Map<CellKind, number>();
		for (const v of values) {
			const k = cellKind(v);
			counts.set(k, (counts.get(k) ?? 0) + 1);
		}
		for (const kind of ['number', 'date'] as const) {
			if ((counts.get(kind) ?? 0) >= 0.9 * values.length) {
				votes += cellKind(head) === kind ? -1 : 1;
				return;
			}
		}
		if (values.length >= 2 && values.every((v) => v.length === values[0].length)) {
			votes += head.length === values[0].length ? -1 : 1;
		}
	});
	if (votes !== 0) return votes > 0;
	return !looksLikeData;
}
