import Papa from 'papaparse';

/** One CSV cell: always text, so number formatting is ours and not the locale's. */
export type Cell = string;

/**
 * Writes a CSV with the given header, `\n` line endings, a final newline, and
 * quotes only where needed (a comma, a quote or a line break in the cell).
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
	const data = rows.map((row) =>
		columns.map((c) => {
			const v = row[c];
			if (v === undefined) throw new Error(`missing column ${c}`);
			return v;
		})
	);
	return Papa.unparse({ fields: [...columns], data }, { newline: '\n', quotes: false }) + '\n';
}

/** An integer as plain digits. */
export function int(n: number): Cell {
	if (!Number.isInteger(n)) throw new Error(`not an integer: ${n}`);
	return String(n);
}

/** A number with at most `digits` decimals and no trailing zeros (`12.5`, `3`, `0.25`). */
export function dec(n: number, digits = 2): Cell {
	const factor = 10 ** digits;
	const rounded = Math.round(n * factor) / factor;
	let s = rounded.toFixed(digits);
	if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
	return s === '-0' ? '0' : s;
}

export function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` from parts (month 1–12). */
export function isoDate(year: number, month: number, day: number): string {
	return `${year}-${pad(month)}-${pad(day)}`;
}

/** `YYYY-MM-DDTHH:MM:00Z`. */
export function isoTimestamp(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number
): string {
	return `${isoDate(year, month, day)}T${pad(hour)}:${pad(minute)}:00Z`;
}

export function daysInMonth(year: number, month: number): number {
	return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeap(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 0 = Sunday … 6 = Saturday (Sakamoto's method; no Date object, no time zone). */
export function weekday(year: number, month: number, day: number): number {
	const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
	const y = month < 3 ? year - 1 : year;
	return (
		(y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1] + day) % 7
	);
}

/** Adds days to a `YYYY-MM-DD` date (calendar arithmetic, no Date object). */
export function addDays(date: string, days: number): string {
	let [y, m, d] = date.split('-').map(Number);
	d += days;
	while (d > daysInMonth(y, m)) {
		d -= daysInMonth(y, m);
		m += 1;
		if (m > 12) {
			m = 1;
			y += 1;
		}
	}
	while (d < 1) {
		m -= 1;
		if (m < 1) {
			m = 12;
			y -= 1;
		}
		d += daysInMonth(y, m);
	}
	return isoDate(y, m, d);
}

/** Lower-case ASCII without accents or spaces, for URL slugs. */
export function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

/** Plain code-unit comparison (no locale), for sorting codes and ISO dates. */
export function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
