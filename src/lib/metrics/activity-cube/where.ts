import type { Value } from '../../engine/types';
import { CATEGORY_DIMS, type ActivityFilters, type Period, type SelectionDim } from './filters';
import { ENUMS, type GroupedDim } from './schema';

/** A WHERE being built: its clauses (joined by AND) and their parameters, in order. */
export interface Where {
	clauses: string[];
	params: Value[];
}

/** Placeholders for `n` values (n ≥ 1): 4, then the next power of two. */
export function inListSlots(n: number): number {
	return Math.max(4, 2 ** Math.ceil(Math.log2(n)));
}

/**
 * `column IN (…)`, with as many placeholders as `inListSlots` gives (the
 * first value repeated to fill them): one to four values make the same SQL
 * text, so the engine's kept prepared statement serves the next click too
 * (planning the key figures costs more than reading them). A value reaches
 * an ENUM column through `TRY_CAST`, so an unknown one matches nothing
 * instead of failing; without `enumType` it stays VARCHAR.
 */
export function inList(
	column: string,
	enumType: string | null,
	values: readonly string[],
	w: Where
) {
	const slots = inListSlots(values.length);
	const slot = enumType ? `TRY_CAST(?::VARCHAR AS ${enumType})` : '?::VARCHAR';
	w.clauses.push(`${column} IN (${Array.from({ length: slots }, () => slot).join(', ')})`);
	w.params.push(...Array.from({ length: slots }, (_, i) => values[i] ?? values[0]));
}

/**
 * The cube's WHERE for a view owning `except`: the period (or clicked
 * month), the districts' province and code, and every category filter but
 * its own.
 */
export function cubeWhere(
	f: ActivityFilters,
	except: SelectionDim | null,
	period: Period,
	dateColumn: 'day' | 'month' | 'year' = 'day'
): Where {
	const w: Where = {
		clauses: [`${dateColumn} BETWEEN ?::DATE AND ?::DATE`],
		params: [period.from, period.to]
	};
	if (f.provinces.length) inList('province', ENUMS.province, f.provinces, w);
	if (f.districts.length && except !== 'districts') inList('ubigeo', ENUMS.ubigeo, f.districts, w);
	for (const dim of CATEGORY_DIMS) {
		if (dim !== except && f[dim].length) inList(dim, ENUMS[dim], f[dim], w);
	}
	return w;
}

/** The dimensions a view's filters touch (the province lives with the district code). */
export function filteredDims(f: ActivityFilters, except: SelectionDim | null): Set<GroupedDim> {
	const dims = new Set<GroupedDim>();
	if (f.provinces.length || (f.districts.length && except !== 'districts')) dims.add('ubigeo');
	for (const d of CATEGORY_DIMS) if (d !== except && f[d].length) dims.add(d);
	return dims;
}

/** The districts a geography filter keeps, on the `districts` table (VARCHAR columns). */
export function districtScope(f: ActivityFilters, except: SelectionDim | null = null): Where {
	const w: Where = { clauses: [], params: [] };
	// padded like the cube's lists: one more district clicked on the map keeps the statement
	if (f.provinces.length) inList('province', null, f.provinces, w);
	if (f.districts.length && except !== 'districts') inList('ubigeo', null, f.districts, w);
	return w;
}

export function whereSql(w: Where): string {
	return w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '';
}
