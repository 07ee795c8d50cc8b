import type { ActivityFilters, CategoryDim, Period, SelectionDim } from './filters';
import { indexTable, partRead, type ViewPart } from './parts';
import { monthAligned, yearAligned } from './periods';
import {
	CUBE,
	CUBE_CATEGORIES,
	CUBE_CATEGORY_YEARS,
	CUBE_MONTHS,
	ENUMS,
	groupingId,
	type GroupedDim
} from './schema';
import { cubeWhere, filteredDims, inList, type Where } from './where';

export interface ViewOptions {
	/** For tests and benchmarks: `false` reads the day cube even where a month table would do. */
	monthTable?: boolean;
	/**
	 * The cube knows at most `DISTRICT_BITS` district codes (`cubeDistrictCountSql`), so the
	 * key figures may count the districts reached from the category table's bit set.
	 */
	districtBits?: boolean;
	/**
	 * Read the cross-filter index of this category (`crossIndexSql`), built for a
	 * selection that differs from the one asked in this category alone.
	 */
	index?: CategoryDim;
}

/** `source` is a FROM item whose rows carry `day` (or `month`), the dimensions and the measures. */
export interface Source {
	from: string;
	where: Where;
	/** The column holding the date to compare with a period. */
	dateColumn: 'day' | 'month' | 'year';
	/** Grouped by month (`month`), so only month-aligned periods may be asked. */
	monthly: boolean;
	/** How its rows count the districts reached (the category tables carry a bit set). */
	districtCount: string;
}

export const COUNT_DISTRICTS = 'count(DISTINCT ubigeo)';
export const COUNT_REACHED = 'bit_count(bit_or(reached))';

function readsMonthTable(
	f: ActivityFilters,
	except: SelectionDim | null,
	period: Period,
	groups: readonly GroupedDim[],
	extra: Period[],
	opts: ViewOptions = {}
): boolean {
	const dims = new Set<GroupedDim>([...groups, ...filteredDims(f, except)]);
	return opts.monthTable !== false && [period, ...extra].every(monthAligned) && dims.size <= 2;
}

/**
 * Where a view reads: the month table when its periods are whole months and
 * it needs at most two dimensions (the ones it groups by and the ones its
 * filters touch); else, for whole months, no geography and only the counts,
 * the category table; else the day cube. A filter click then reads a few
 * thousand pre-summed rows, or a third of the rows, instead of scanning a
 * million.
 */
export function source(
	f: ActivityFilters,
	except: SelectionDim | null,
	period: Period,
	groups: readonly GroupedDim[],
	extra: Period[] = [],
	opts: ViewOptions = {},
	/** Only counts the districts reached (the category table's bit set may do), not grouped by them. */
	countsDistricts = false,
	/** Groups by month (the trend): the year table will not do. */
	byMonth = false
): Source {
	if (readsMonthTable(f, except, period, groups, extra, opts)) {
		const dims = new Set<GroupedDim>([...groups, ...filteredDims(f, except)]);
		const where = cubeWhere(f, except, period, 'month');
		return {
			from: CUBE_MONTHS,
			where: {
				clauses: ['gid = ?::INTEGER', ...where.clauses],
				params: [groupingId([...dims]), ...where.params]
			},
			dateColumn: 'month',
			monthly: true,
			districtCount: COUNT_DISTRICTS
		};
	}
	const dims = new Set<GroupedDim>([
		...groups.filter((g) => !(g === 'ubigeo' && countsDistricts && opts.districtBits)),
		...filteredDims(f, except)
	]);
	const categories = opts.monthTable !== false && !dims.has('ubigeo');
	if (categories && !byMonth && [period, ...extra].every(yearAligned)) {
		return {
			from: CUBE_CATEGORY_YEARS,
			where: cubeWhere(f, except, period, 'year'),
			dateColumn: 'year',
			monthly: false,
			districtCount: COUNT_REACHED
		};
	}
	if (categories && [period, ...extra].every(monthAligned)) {
		return {
			from: CUBE_CATEGORIES,
			where: cubeWhere(f, except, period, 'month'),
			dateColumn: 'month',
			monthly: true,
			districtCount: COUNT_REACHED
		};
	}
	return {
		from: CUBE,
		where: cubeWhere(f, except, period),
		dateColumn: 'day',
		monthly: false,
		districtCount: COUNT_DISTRICTS
	};
}

/**
 * A part's cross-filter index as its source: the rows carry a `day` inside
 * their period (the earliest of those summed), so the part's date
 * expressions hold; only the new list of `dim` filters them (none for the
 * breakdown of `dim`).
 */
function indexSource(
	part: ViewPart,
	f: ActivityFilters,
	dim: CategoryDim,
	except: SelectionDim | null
): Source {
	const where: Where = { clauses: [], params: [] };
	if (except !== dim && f[dim].length) inList(dim, ENUMS[dim], f[dim], where);
	return {
		from: indexTable(part, dim),
		where,
		dateColumn: 'day',
		monthly: false,
		// a bit set where the source had one, else the district codes
		districtCount: `coalesce(${COUNT_REACHED}, ${COUNT_DISTRICTS})`
	};
}

/** Where a part reads for `f`: its cross-filter index when `opts.index` says so, else `source`. */
export function partSource(
	part: ViewPart,
	f: ActivityFilters,
	opts: ViewOptions,
	byType = true
): Source {
	const r = partRead(part, f, byType);
	if (opts.index) return indexSource(part, f, opts.index, r.except);
	return source(f, r.except, r.period, r.groups, r.extra, opts, r.countsDistricts, r.byMonth);
}
