import type { SqlQuery } from '../../engine/types';
import { CATEGORY_DIMS, type ActivityFilters, type CategoryDim } from './filters';
import { indexColumns, indexTable, partRead, VIEW_PARTS } from './parts';
import { effectivePeriod } from './periods';
import { CUBE, MEASURES, sums } from './schema';
import { COUNT_REACHED, source, type ViewOptions } from './source';
import { whereSql } from './where';

// Cross-filter indexes
//
// A click in a category changes that category's list alone. Every part of
// every view is then its source filtered by what did not change, and by the
// new list. So, once the page is idle, each part is summed ahead of the next
// click, for each category, by that category and the columns the part reads
// (`crossIndexSql`): a few hundred rows. The views of the next click read
// these instead of the cube (`ViewOptions.index`), and re-sum them: the sums
// of sums are the same sums, the bit sets of districts reached are ORed
// again, and where the districts are counted one by one their code is kept.
// Mosaic calls these data cube indexes.

export function indexTablesDrop(): string[] {
	return CATEGORY_DIMS.flatMap((dim) =>
		VIEW_PARTS.map((part) => `DROP TABLE IF EXISTS ${indexTable(part, dim)}`)
	);
}

/** The empty index tables, shaped like the day cube's columns (see `buildCubeSql`). */
export function indexTablesDdl(): string[] {
	return CATEGORY_DIMS.flatMap((dim) =>
		VIEW_PARTS.map(
			(part) =>
				`CREATE TABLE ${indexTable(part, dim)} AS SELECT day, ${indexColumns(part, dim).join(', ')}, ${MEASURES.join(', ')}${part === 'key' ? ', NULL::HUGEINT AS reached' : ''} FROM ${CUBE} LIMIT 0`
		)
	);
}

/**
 * Drops and creates the index tables again, empty. A refill deletes rows
 * that DuckDB keeps in memory until the table goes (about 0.6 MB per
 * category at a million activities); recreating them every few clicks
 * bounds that. Every prepared statement is bound again on its next run
 * (the catalog changed), hence not on every click. Several statements:
 * run with `exec`.
 */
export function recreateCrossIndexesSql(): string {
	return [...indexTablesDrop(), ...indexTablesDdl()].map((s) => `${s};`).join('\n');
}

/**
 * Refills the indexes of clicks in `dim` for the selection `f` (its list of
 * `dim` aside): for each part, a DELETE then an INSERT, to run in order. The
 * tables keep their shape, so the statements that read them stay prepared.
 */
export function crossIndexSql(
	f: ActivityFilters,
	dim: CategoryDim,
	opts: ViewOptions = {}
): SqlQuery[] {
	const rest = { ...f, [dim]: [] };
	return VIEW_PARTS.flatMap((part) => {
		const r = partRead(part, f);
		// grouped by `dim` too: it must be a column of the table read
		const src = source(
			rest,
			r.except,
			r.period,
			[...r.groups, dim],
			r.extra,
			{ ...opts, index: undefined },
			r.countsDistricts,
			r.byMonth
		);
		const reached = part === 'key' && src.districtCount === COUNT_REACHED;
		const columns = indexColumns(part, dim).filter((c) => !(reached && c === 'ubigeo'));
		// the key figures tell the period from the one before, the trend the months
		const bucket =
			part === 'key'
				? { sql: `${src.dateColumn} >= ?::DATE`, params: [effectivePeriod(f).from] }
				: part === 'trend'
					? { sql: `date_trunc('month', ${src.dateColumn})`, params: [] }
					: null;
		const table = indexTable(part, dim);
		return [
			{ sql: `DELETE FROM ${table}`, params: [] },
			{
				sql: `INSERT INTO ${table} BY NAME
SELECT min(${src.dateColumn})::DATE AS day, ${columns.join(', ')},
	${sums()}${reached ? ',\n\tbit_or(reached) AS reached' : ''}
FROM ${src.from} ${whereSql(src.where)}
GROUP BY ${[...(bucket ? [bucket.sql] : []), ...columns].join(', ')}`,
				params: [...src.where.params, ...(bucket?.params ?? [])]
			}
		];
	});
}
