import type { Row, SqlQuery } from './types';

/**
 * Rows computed ahead of time (at build, by the Node engine) for one exact
 * query. A reactive Query shows them only while its own SQL and parameters
 * are the same, so a prerendered number is never shown for another selection.
 */
export interface Prefetched<T extends Row = Row> {
	key: string;
	rows: T[];
}

export function queryKey(query: SqlQuery): string {
	return `${query.sql}\u0000${JSON.stringify(query.params)}`;
}
