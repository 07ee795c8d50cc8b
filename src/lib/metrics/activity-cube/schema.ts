import type { CategoryDim } from './filters';

/**
 * The names and columns of the cube's tables (see index.ts for what each
 * holds), shared by the statements that build them and those that read them.
 */

export const CUBE = '__activity_cube';
export const CUBE_MONTHS = '__activity_cube_m';
/** The measures by month × the five categories (no geography). */
export const CUBE_CATEGORIES = '__activity_cube_c';
/** The same by year: for whole-year periods (the default), a fifth of the rows. */
export const CUBE_CATEGORY_YEARS = '__activity_cube_cy';
/** Every value of each category (`part, dim, key`), to zero-fill the breakdowns. */
export const CUBE_DOMAINS = '__activity_cube_d';

/** The ENUM type of each dimension, built from the data by `buildCubeSql`. */
export const ENUMS: Record<'ubigeo' | 'province' | CategoryDim, string> = {
	ubigeo: '__cube_ubigeo',
	province: '__cube_province',
	type: '__cube_type',
	audience: '__cube_audience',
	topic: '__cube_topic',
	modality: '__cube_modality',
	partner: '__cube_partner'
};

/** Columns of the month table's GROUPING(), in order: bit 5 is ubigeo … bit 0 is partner. */
export const GROUPED = ['ubigeo', 'type', 'audience', 'topic', 'modality', 'partner'] as const;
export type GroupedDim = (typeof GROUPED)[number];

/**
 * The `GROUPING(…)` value of the month table's rows grouped by month and
 * `dims` (none: by month alone): a bit is 1 for each column *not* grouped.
 */
export function groupingId(dims: readonly GroupedDim[]): number {
	let id = 0;
	GROUPED.forEach((d, i) => {
		if (!dims.includes(d)) id |= 1 << (GROUPED.length - 1 - i);
	});
	return id;
}

/** The summed columns of every cube table. */
export const MEASURES = [
	'activities',
	'participants',
	'women',
	'men',
	'women_and_men',
	'migrants',
	'total_with_migrants',
	'migrants_in_known',
	'virtual'
] as const;

/** Every measure summed, as the cube's own columns. */
export function sums(): string {
	return MEASURES.map((m) =>
		m === 'activities' || m === 'virtual'
			? `sum(${m})::INTEGER AS ${m}`
			: `sum(${m})::BIGINT AS ${m}`
	).join(',\n\t');
}

/**
 * At most this many district codes fit the category table's bit set of the
 * districts reached (`reached`, bit i for the ENUM's i-th code).
 */
export const DISTRICT_BITS = 127;
