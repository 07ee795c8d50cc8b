/**
 * A query run as a pending query (`conn.send`, the stoppable path of the SQL
 * console) fails with DuckDB's error as JSON, e.g.
 * `{"exception_type":"Parser","exception_message":"syntax error at end of
 * input","position":"36"}`, where `query` gives "Parser Error: syntax error
 * at end of input" and a `LINE 1:` block with a caret. This writes the JSON
 * the way `query` does, so the console shows the same readable message.
 * Anything else is returned as it is.
 */
export function readablePendingError(message: string, sql: string): string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(message);
	} catch {
		return message;
	}
	if (typeof parsed !== 'object' || parsed === null) return message;
	const e = parsed as Record<string, unknown>;
	if (typeof e.exception_message !== 'string') return message;
	const type = typeof e.exception_type === 'string' ? `${e.exception_type} Error: ` : '';
	const text = `${type}${e.exception_message}`;
	const position = Number(e.position);
	if (!Number.isInteger(position) || position < 0 || position > sql.length) return text;
	// the line holding the position, with a caret under it
	const before = sql.slice(0, position);
	const lineNo = before.split('\n').length;
	const lineStart = before.lastIndexOf('\n') + 1;
	const lineEnd = sql.indexOf('\n', position);
	const line = sql.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
	const prefix = `LINE ${lineNo}: `;
	return `${text}\n\n${prefix}${line}\n${' '.repeat(prefix.length + position - lineStart)}^`;
}
