import {
	CATEGORY_DIMS,
	type ActivityFilters,
	type CategoryDim,
	type Period,
	type SelectionDim
} from './filters';
import { effectivePeriod, previousPeriod } from './periods';
import type { GroupedDim } from './schema';

/**
 * The parts of the views that read the cube, each filtered by every
 * selection but its own: the key figures, the trend, each breakdown (the
 * five are one statement), the districts.
 */
export type ViewPart = 'key' | 'trend' | `breakdown_${CategoryDim}` | 'districts';
export const VIEW_PARTS: readonly ViewPart[] = [
	'key',
	'trend',
	...CATEGORY_DIMS.map((d) => `breakdown_${d}` as const),
	'districts'
];

/** The category a breakdown part groups by. */
export function breakdownDim(part: `breakdown_${CategoryDim}`): CategoryDim {
	return part.slice('breakdown_'.length) as CategoryDim;
}

/** What a part reads for `f`: the arguments of `source` (source.ts). */
export function partRead(part: ViewPart, f: ActivityFilters, byType = true) {
	if (part === 'key') {
		const cur = effectivePeriod(f);
		const prev = previousPeriod(cur);
		return {
			except: null,
			period: { from: prev.from, to: cur.to },
			groups: ['ubigeo'] as GroupedDim[],
			extra: [cur, prev],
			countsDistricts: true,
			byMonth: false
		};
	}
	const period = part === 'trend' ? f.period : effectivePeriod(f);
	const [except, groups]: [SelectionDim, GroupedDim[]] =
		part === 'trend'
			? ['month', byType ? ['type'] : []]
			: part === 'districts'
				? ['districts', ['ubigeo']]
				: [breakdownDim(part), [breakdownDim(part)]];
	return {
		except,
		period,
		groups,
		extra: [] as Period[],
		countsDistricts: false,
		byMonth: part === 'trend'
	};
}

/** The table of `part`'s cross-filter index for clicks in `dim` (cross-index.ts). */
export function indexTable(part: ViewPart, dim: CategoryDim): string {
	return `__activity_xf_${part}_${dim}`;
}

/** The columns `part` reads besides its date and measures (the trend keeps the type even unstacked). */
export function indexColumns(part: ViewPart, dim: CategoryDim): string[] {
	const own =
		part === 'trend'
			? 'type'
			: part === 'key' || part === 'districts'
				? 'ubigeo'
				: breakdownDim(part);
	return [...new Set([dim, own])];
}
