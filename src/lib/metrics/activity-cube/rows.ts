import type { SqlQuery } from '../../engine/types';
import { CATEGORY_DIMS, type ActivityFilters } from './filters';
import { effectivePeriod } from './periods';
import { whereSql, type Where } from './where';

// The activity table (raw rows: the cube has no activity ids).

/**
 * The columns of activities.csv (DESIGN.md §4), in the contract's order: the
 * dataset spec's, typed, for the table, the export and the form that logs an
 * activity.
 */
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
	'participants_migrants',
	'partner'
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

/** The table's columns: the contract's, with the district's name after its code. */
export const TABLE_COLUMNS: readonly (ActivityColumn | 'district')[] = [
	...ACTIVITY_COLUMNS.slice(0, 3),
	'district',
	...ACTIVITY_COLUMNS.slice(3)
];
export type TableColumn = ActivityColumn | 'district';

/** The raw table's WHERE for every filter (the table owns no selection). */
function rawWhere(f: ActivityFilters): Where {
	const period = effectivePeriod(f);
	const w: Where = {
		clauses: ['a.date BETWEEN ?::DATE AND ?::DATE'],
		params: [period.from, period.to]
	};
	const list = (column: string, values: readonly string[]) => {
		w.clauses.push(`${column} IN (${values.map(() => '?::VARCHAR').join(', ')})`);
		w.params.push(...values);
	};
	if (f.provinces.length) list('d.province', f.provinces);
	if (f.districts.length) list('a.ubigeo', f.districts);
	for (const dim of CATEGORY_DIMS) {
		if (f[dim].length) list(dim === 'partner' ? `coalesce(a.partner, '')` : `a.${dim}`, f[dim]);
	}
	return w;
}

/**
 * The filtered activities, one row each, sorted by `sort` (then by id, so
 * pages never overlap), `limit` rows from `offset`; no limit for the export.
 */
export function activityRowsSql(
	f: ActivityFilters,
	sort: { column: TableColumn; descending: boolean } = { column: 'date', descending: true },
	page: { limit: number; offset: number } | null = null
): SqlQuery {
	const w = rawWhere(f);
	const column = TABLE_COLUMNS.includes(sort.column) ? sort.column : 'date';
	const key = column === 'district' ? 'd.name COLLATE NOACCENT.NOCASE' : `"${column}"`;
	const dir = sort.descending ? 'DESC' : 'ASC';
	return {
		sql: `SELECT a.activity_id, strftime(a.date, '%Y-%m-%d') AS date, a.ubigeo, d.name AS district,
	a.type, a.audience, a.topic, a.modality, a.participants_total, a.participants_women,
	a.participants_men, a.participants_migrants, a.partner
FROM activities a
LEFT JOIN districts d ON d.ubigeo = a.ubigeo
${whereSql(w)}
ORDER BY ${key} ${dir} NULLS LAST, a.activity_id ${dir}
${page ? 'LIMIT ?::INTEGER OFFSET ?::INTEGER' : ''}`,
		params: page ? [...w.params, page.limit, page.offset] : w.params
	};
}
