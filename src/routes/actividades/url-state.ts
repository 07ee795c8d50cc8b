/**
 * The state of /actividades in its URL, so that a view can be shared and the
 * back button walks through the selections. Parameters are Spanish, values
 * are the data's codes; a repeated parameter is a list
 * (`?tipo=conversatorio&tipo=campana`). Anything malformed is dropped, never
 * passed on: values still travel to SQL only as parameters.
 *
 * - `anio=2024` or `anio=2022-2024` (whole years), or `desde=…&hasta=…`
 *   (ISO dates); neither: the latest year with activities;
 * - `mes=2024-03`: a month clicked in the trend (kept only inside the period);
 * - `provincia`, `distrito` (ubigeo), `tipo`, `publico`, `tema`, `modalidad`,
 *   `socio` (`socio=` alone is "no partner");
 * - `orden=-date` (a table column, `-` for descending), `pagina=2`;
 * - `apilar=0`: the trend as one series instead of stacked by type.
 */
import {
	CATEGORY_DIMS,
	emptyFilters,
	type ActivityFilters,
	type CategoryDim,
	type Period,
	type TableColumn,
	TABLE_COLUMNS
} from '$lib/metrics/activity-cube';
import { DATASET_SPECS } from '$lib/data/schema';

/** Rows per page of the activity table. */
export const PAGE_SIZE = 25;

/** The closed sets of the data contract, for reading the URL and for the form. */
export const ALLOWED: Record<Exclude<CategoryDim, 'partner'>, readonly string[]> = {
	type: allowedOf('type'),
	audience: allowedOf('audience'),
	topic: allowedOf('topic'),
	modality: allowedOf('modality')
};

function allowedOf(name: string): readonly string[] {
	return DATASET_SPECS.activities.columns.find((c) => c.name === name)?.allowed ?? [];
}

export const PARAM: Record<CategoryDim | 'provinces' | 'districts', string> = {
	provinces: 'provincia',
	districts: 'distrito',
	type: 'tipo',
	audience: 'publico',
	topic: 'tema',
	modality: 'modalidad',
	partner: 'socio'
};

/** What the URL says; the period is resolved later (it may depend on the data). */
export interface UrlState extends Omit<ActivityFilters, 'period'> {
	/** Whole years, inclusive; null when not given. */
	years: [number, number] | null;
	/** A date range; null when not given (years win when both are). */
	range: Period | null;
	sort: { column: TableColumn; descending: boolean };
	page: number;
	stacked: boolean;
}

export const DEFAULT_SORT = { column: 'date' as TableColumn, descending: true };

const YEAR = /^(\d{4})(?:-(\d{4}))?$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UBIGEO = /^\d{6}$/;

export function isIsoDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}

/**
 * Reads the URL. `allowed` restricts the values of the categories that have
 * a closed set in the data contract (type, audience, topic, modality).
 */
export function parseUrl(
	params: URLSearchParams,
	allowed: Partial<Record<CategoryDim, readonly string[]>> = {}
): UrlState {
	let years: [number, number] | null = null;
	const y = YEAR.exec(params.get('anio') ?? '');
	if (y) {
		const a = Number(y[1]);
		const b = Number(y[2] ?? y[1]);
		years = a <= b ? [a, b] : [b, a];
	}
	let range: Period | null = null;
	const from = params.get('desde') ?? '';
	const to = params.get('hasta') ?? '';
	if (!years && isIsoDate(from) && isIsoDate(to)) {
		range = from <= to ? { from, to } : { from: to, to: from };
	}
	const list = (name: string) => unique(params.getAll(name).map((v) => v.trim()));
	const state: UrlState = {
		years,
		range,
		month: MONTH.test(params.get('mes') ?? '') ? params.get('mes') : null,
		provinces: list(PARAM.provinces).filter((v) => v !== ''),
		districts: list(PARAM.districts).filter((v) => UBIGEO.test(v)),
		type: [],
		audience: [],
		topic: [],
		modality: [],
		partner: list(PARAM.partner),
		sort: DEFAULT_SORT,
		page: 1,
		stacked: params.get('apilar') !== '0'
	};
	for (const dim of CATEGORY_DIMS) {
		if (dim === 'partner') continue;
		const set = allowed[dim];
		state[dim] = list(PARAM[dim]).filter((v) => v !== '' && (!set || set.includes(v)));
	}
	const orden = params.get('orden') ?? '';
	const column = orden.replace(/^-/, '') as TableColumn;
	if (TABLE_COLUMNS.includes(column)) state.sort = { column, descending: orden.startsWith('-') };
	const page = Number(params.get('pagina'));
	if (Number.isInteger(page) && page > 1) state.page = page;
	return state;
}

/** The period the URL asks for, or whole `latestYear` when it asks none. */
export function resolvePeriod(state: UrlState, latestYear: number): Period {
	if (state.years) return { from: `${state.years[0]}-01-01`, to: `${state.years[1]}-12-31` };
	if (state.range) return state.range;
	return { from: `${latestYear}-01-01`, to: `${latestYear}-12-31` };
}

/** The filters for the SQL builders; a clicked month outside the period is dropped. */
export function toFilters(state: UrlState, latestYear: number): ActivityFilters {
	const period = resolvePeriod(state, latestYear);
	const month =
		state.month && `${state.month}-01` <= period.to && `${state.month}-31` >= period.from
			? state.month
			: null;
	return {
		...emptyFilters(period),
		month,
		provinces: state.provinces,
		districts: state.districts,
		type: state.type,
		audience: state.audience,
		topic: state.topic,
		modality: state.modality,
		partner: state.partner
	};
}

/** The URL's query string for a state, in a fixed order (so equal states give equal URLs). */
export function formatUrl(state: UrlState): string {
	const p = new URLSearchParams();
	if (state.years) {
		p.set(
			'anio',
			state.years[0] === state.years[1]
				? String(state.years[0])
				: `${state.years[0]}-${state.years[1]}`
		);
	} else if (state.range) {
		p.set('desde', state.range.from);
		p.set('hasta', state.range.to);
	}
	if (state.month) p.set('mes', state.month);
	for (const v of state.provinces) p.append(PARAM.provinces, v);
	for (const v of state.districts) p.append(PARAM.districts, v);
	for (const dim of CATEGORY_DIMS) for (const v of state[dim]) p.append(PARAM[dim], v);
	if (
		state.sort.column !== DEFAULT_SORT.column ||
		state.sort.descending !== DEFAULT_SORT.descending
	) {
		p.set('orden', `${state.sort.descending ? '-' : ''}${state.sort.column}`);
	}
	if (state.page > 1) p.set('pagina', String(state.page));
	if (!state.stacked) p.set('apilar', '0');
	const text = p.toString();
	return text ? `?${text}` : '';
}

export type ListKey = CategoryDim | 'provinces' | 'districts';

/**
 * A click on a bar or a district: selects only that value; a click on the
 * value already selected releases it (and keeps the others). A selection
 * change sends the table back to its first page.
 */
export function toggleValue(state: UrlState, key: ListKey, value: string): UrlState {
	const current = state[key];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [value];
	return { ...state, [key]: next, page: 1 };
}

/** Sets a list from the filter panel (any number of values). */
export function setValues(state: UrlState, key: ListKey, values: string[]): UrlState {
	return { ...state, [key]: unique(values), page: 1 };
}

/** A click on a month of the trend: selects it, or releases it when it is the one selected. */
export function toggleMonth(state: UrlState, month: string): UrlState {
	return { ...state, month: state.month === month ? null : month, page: 1 };
}

/** Removes every selection but the period. */
export function clearSelections(state: UrlState): UrlState {
	// every list the URL can hold (PARAM names them all) emptied
	const none = Object.fromEntries(Object.keys(PARAM).map((key) => [key, []]));
	return { ...state, ...none, month: null, page: 1 };
}

/** True when anything but the period is selected. */
export function hasSelections(state: UrlState): boolean {
	return (
		state.month !== null ||
		state.provinces.length > 0 ||
		state.districts.length > 0 ||
		CATEGORY_DIMS.some((d) => state[d].length > 0)
	);
}
