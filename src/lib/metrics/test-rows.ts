/**
 * For the metrics tests (not the app): each test states its case as rows a
 * reader can check by hand, written into the tables as SQL literals.
 */

export type Cell = string | number | null;

export function literal(v: Cell): string {
	if (v === null) return 'NULL';
	if (typeof v === 'number') return String(v);
	return `'${v.replaceAll("'", "''")}'`;
}

/** One INSERT of every row (`''` for none, so that `exec` has nothing to do). */
export function insertSql(table: string, columns: readonly string[], rows: Cell[][]): string {
	if (rows.length === 0) return '';
	const values = rows.map((r) => `(${r.map(literal).join(', ')})`).join(',\n');
	return `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${values};`;
}

/** The columns of activities.csv up to the migrants (the partner is optional). */
export const ACTIVITY_COLUMNS = [
	'activity_id',
	'date',
	'ubigeo',
	'type',
	'audience',
	'topic',
	'modality',
	'participants_total',
	'participants_women',
	'participants_men',
	'participants_migrants'
] as const;
