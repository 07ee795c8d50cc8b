import type { Value } from './types';

/** Quote an identifier (table or column name) for DuckDB. The only way names from data enter SQL. */
export function quoteIdent(name: string): string {
	if (name.includes('\0')) throw new Error('Identifier contains a NUL character');
	return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A string literal, for the few places DuckDB accepts no parameter (the file
 * name of `read_csv` inside DDL), and for `inlineParams`. DuckDB's string
 * literals have one escape: a doubled quote.
 */
export function quoteLiteral(text: string): string {
	if (text.includes('\0')) throw new Error('Literal contains a NUL character');
	return `'${text.replaceAll("'", "''")}'`;
}

/**
 * `sql` with each `?` placeholder replaced by its value as a literal (strings
 * quoted by `quoteLiteral`, numbers as DOUBLE unless whole, booleans, NULL).
 * Placeholders inside string literals, quoted identifiers and comments are
 * left alone. The browser adapter runs a statement's first use this way: one
 * message to the worker instead of a prepare, an answer read on the page's
 * busy main thread, then the run (see `runOn` in browser.ts).
 */
export function inlineParams(sql: string, params: readonly Value[]): string {
	let out = '';
	let next = 0;
	let i = 0;
	while (i < sql.length) {
		const c = sql[i];
		const end =
			c === "'" || c === '"'
				? closingQuote(sql, i, c)
				: c === '-' && sql[i + 1] === '-'
					? lineEnd(sql, i)
					: c === '/' && sql[i + 1] === '*'
						? blockEnd(sql, i)
						: -1;
		if (end >= 0) {
			out += sql.slice(i, end);
			i = end;
		} else if (c === '?') {
			if (next >= params.length)
				throw new Error(`${params.length} parameters for more placeholders`);
			out += literal(params[next++]);
			i++;
		} else {
			out += c;
			i++;
		}
	}
	if (next !== params.length)
		throw new Error(`${params.length} parameters for ${next} placeholders`);
	return out;
}

function literal(value: Value): string {
	if (value === null) return 'NULL';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') {
		// as a bound number would travel (JSON): NaN and infinities become null
		if (!Number.isFinite(value)) return 'NULL';
		// parenthesised: `x -?` must not become the comment `x --1`
		return Number.isInteger(value) ? `(${value})` : `(${value}::DOUBLE)`;
	}
	return quoteLiteral(value);
}

/** Index just past the quote closing the one at `start` (a doubled quote is part of the text). */
function closingQuote(sql: string, start: number, quote: string): number {
	let i = start + 1;
	while (i < sql.length) {
		if (sql[i] === quote) {
			if (sql[i + 1] === quote) i += 2;
			else return i + 1;
		} else i++;
	}
	return sql.length;
}

function lineEnd(sql: string, start: number): number {
	const n = sql.indexOf('\n', start);
	return n < 0 ? sql.length : n;
}

function blockEnd(sql: string, start: number): number {
	const n = sql.indexOf('*/', start + 2);
	return n < 0 ? sql.length : n + 2;
}
