import type { Columns, Row, SqlQuery } from './types';

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

/** Rows prefetched for one query, as a `Query`'s `prefetched` option: only for its own key. */
export function prefetchedRows<T extends Row>(
	get: () => Prefetched<T> | null | undefined
): (key: string) => T[] | undefined {
	return (key) => {
		const pre = get();
		return pre && pre.key === key ? pre.rows : undefined;
	};
}

/** Results computed at build time, by query key (`queryKey`), column-wise. */
export type PrefetchedColumns = Record<string, Columns>;
