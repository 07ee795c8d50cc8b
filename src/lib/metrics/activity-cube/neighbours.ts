import { CATEGORY_DIMS, type ActivityFilters } from './filters';
import { monthsOf } from './periods';
import { inListSlots } from './where';

/**
 * The selections one click away from `f` whose views need SQL of another
 * shape, not only other values: a category, the provinces or the districts
 * getting their first value or losing their last, a list outgrowing its
 * placeholders (`inListSlots`), a month clicked in the trend (the first, a
 * middle or the last: cut by the period or whole) or released.
 * The values added are stand-ins (only the SQL text matters): the page plans
 * these statements while it is idle (`Engine.plan`), so that the next click
 * runs statements already planned, whichever it is.
 */
export function shapeNeighbours(f: ActivityFilters): ActivityFilters[] {
	const out: ActivityFilters[] = [];
	for (const dim of [...CATEGORY_DIMS, 'provinces', 'districts'] as const) {
		const values = f[dim];
		if (values.length === 1) out.push({ ...f, [dim]: [] });
		else if (values.length === inListSlots(values.length) || values.length === 0)
			out.push({ ...f, [dim]: [...values, `${values.length}`] });
	}
	// a month cut by the period's start or end reads other tables than a whole one
	const months = monthsOf(f.period);
	for (const month of new Set([months[0], months[1], months.at(-1)])) {
		if (month && month !== f.month) out.push({ ...f, month });
	}
	if (f.month) out.push({ ...f, month: null });
	return out;
}
