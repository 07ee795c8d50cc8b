/**
 * What a user has selected on /actividades: the period, a month clicked in
 * the trend, the places and the five categories. Every SQL builder of the
 * cube is a pure function of these filters.
 */

/** The categorical dimensions a user can filter and break down by. */
export const CATEGORY_DIMS = ['type', 'audience', 'topic', 'modality', 'partner'] as const;
export type CategoryDim = (typeof CATEGORY_DIMS)[number];

/** Every selection a view can own: a category, the district, or the month clicked in the trend. */
export type SelectionDim = CategoryDim | 'districts' | 'month';

/** An inclusive range of ISO dates. */
export interface Period {
	from: string;
	to: string;
}

export interface ActivityFilters {
	/** The chosen period (years or a date range), as dates. */
	period: Period;
	/** A month clicked in the trend (`YYYY-MM`), inside the period; narrows every other view. */
	month: string | null;
	provinces: string[];
	/** ubigeo codes. */
	districts: string[];
	type: string[];
	audience: string[];
	topic: string[];
	modality: string[];
	/** `''` stands for "no partner". */
	partner: string[];
}

export function emptyFilters(period: Period): ActivityFilters {
	return {
		period,
		month: null,
		provinces: [],
		districts: [],
		type: [],
		audience: [],
		topic: [],
		modality: [],
		partner: []
	};
}
