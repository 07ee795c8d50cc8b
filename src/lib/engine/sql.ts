/** Quote an identifier (table or column name) for DuckDB. The only way names from data enter SQL. */
export function quoteIdent(name: string): string {
	if (name.includes('\0')) throw new Error('Identifier contains a NUL character');
	return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A string literal, for the few places DuckDB accepts no parameter (the file
 * name of `read_csv` inside DDL). Never used for values a query can bind.
 */
export function quoteLiteral(text: string): string {
	if (text.includes('\0')) throw new Error('Literal contains a NUL character');
	return `'${text.replaceAll("'", "''")}'`;
}
