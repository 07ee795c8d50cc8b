import Papa from 'papaparse';

/**
 * Text cells that a spreadsheet would run as a formula (DESIGN.md §9): they
 * start with = + - @, tab, CR, LF or NUL. A plain number such as "-3.5" is a
 * number, not a formula, and is left alone.
 */
export const FORMULA_START = /^(?![-+]?\d+(\.\d+)?(e[-+]?\d+)?$)[=+\-@\t\r\n\0]/i;

export type CsvCell = string | number | boolean | null | undefined;

/** Rows to CSV text: `\n` line ends, header row, formula-safe, empty cell for null. */
export function toCsv(columns: string[], rows: Record<string, CsvCell>[]): string {
	return Papa.unparse(
		{ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) },
		{ newline: '\n', escapeFormulae: FORMULA_START }
	);
}

/** Undo our own neutralising mark on re-import: a `'` before a formula start. */
export function stripFormulaMark(text: string): string {
	return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1))
		? text.slice(1)
		: text;
}
