import type { SqlQuery, Value } from '../engine/types';

/**
 * The activities dashboard (/actividades) reads a pre-aggregated cube, not
 * the raw rows, so that a filter click stays fast on a million activities
 * (issue 7). Two tables, rebuilt when the data change:
 *
 * - `__activity_cube`: activities summed by day × district × type ×
 *   audience × topic × modality × partner, sorted by day (so a period only
 *   touches its row groups). The dimensions are ENUMs built from the data:
 *   filtering and grouping compare one byte, not strings.
 * - `__activity_cube_m`: the same summed by month, once per dimension
 *   (GROUPING SETS). With no filter but a whole-month period, every view
 *   reads a few hundred rows from here.
 * - `__activity_cube_c`: the measures by month × the five categories,
 *   without geography, plus the districts reached as a bit set. With several
 *   category filters and no district or province one, the key figures, the
 *   breakdowns and the trend read it: about a third of the day cube's rows
 *   for a year (the district code is what multiplies the combinations).
 * - `__activity_cube_cy`: the same by year, for periods of whole years.
 * - `__activity_xf_<part>_<category>`: the cross-filter indexes, refilled
 *   for the selection on screen while the page is idle, so that the next
 *   click in a category reads a few hundred rows (`crossIndexSql`).
 *
 * Each view is "filtered by every selection except its own" (Mosaic's
 * cross-filter): the bars by type ignore the type filter, so the other types
 * stay visible and clickable. Every query here is a pure function of the
 * filters; user values only travel as parameters, through `TRY_CAST` to the
 * ENUM, so an unknown value matches nothing instead of failing (and a
 * VARCHAR comparison would cast the whole column).
 *
 * Measures follow DESIGN.md §5 and `ACTIVITY_METRICS_CTE`: women_share uses
 * only the activities that recorded both women and men, migrant_share only
 * those that recorded migrants.
 */

export const CUBE = '__activity_cube';
export const CUBE_MONTHS = '__activity_cube_m';
/** The measures by month × the five categories (no geography). */
export const CUBE_CATEGORIES = '__activity_cube_c';
/** The same by year: for whole-year periods (the default), a fifth of the rows. */
export const CUBE_CATEGORY_YEARS = '__activity_cube_cy';
/** Every value of each category (`part, dim, key`), to zero-fill the breakdowns. */
export const CUBE_DOMAINS = '__activity_cube_d';

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

// ---------------------------------------------------------------------------
// Dates (plain UTC arithmetic on ISO strings: no time zone enters)

function parseIso(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

function iso(d: Date): string {
	return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	const d = parseIso(date);
	d.setUTCDate(d.getUTCDate() + days);
	return iso(d);
}

export function lastDayOfMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return iso(new Date(Date.UTC(y, m, 0)));
}

export function monthPeriod(month: string): Period {
	return { from: `${month}-01`, to: lastDayOfMonth(month.slice(0, 7)) };
}

/** Starts on the 1st and ends on the last day of a month. */
export function monthAligned(p: Period): boolean {
	return p.from.endsWith('-01') && p.to === lastDayOfMonth(p.to.slice(0, 7));
}

/** Whole calendar years. */
export function yearAligned(p: Period): boolean {
	return p.from.slice(5) === '01-01' && p.to.slice(5) === '12-31';
}

function shiftMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const total = y * 12 + (m - 1) + n;
	return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * The period of the same length just before `p`: the same number of whole
 * years or whole months when `p` is made of them (so 2024 is compared with
 * 2023, and March with February, whatever their days), else the same number
 * of days. It always ends the day before `p` starts.
 */
export function previousPeriod(p: Period): Period {
	if (monthAligned(p)) {
		const first = p.from.slice(0, 7);
		const last = p.to.slice(0, 7);
		const [fy, fm] = first.split('-').map(Number);
		const [ly, lm] = last.split('-').map(Number);
		const months = (ly - fy) * 12 + (lm - fm) + 1;
		return { from: `${shiftMonths(first, -months)}-01`, to: addDays(p.from, -1) };
	}
	const days = Math.round((parseIso(p.to).getTime() - parseIso(p.from).getTime()) / 86_400_000) + 1;
	return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}

/** The months (`YYYY-MM`) a period touches, in order. */
export function monthsOf(p: Period): string[] {
	const out: string[] = [];
	const last = p.to.slice(0, 7);
	for (let m = p.from.slice(0, 7); m <= last; m = shiftMonths(m, 1)) out.push(m);
	return out;
}

/**
 * The period the views other than the trend see: the clicked month (within
 * the period, when the period starts or ends inside it), else the period.
 */
export function effectivePeriod(f: ActivityFilters, except: SelectionDim | null = null): Period {
	if (!f.month || except === 'month') return f.period;
	const m = monthPeriod(f.month);
	return {
		from: m.from > f.period.from ? m.from : f.period.from,
		to: m.to < f.period.to ? m.to : f.period.to
	};
}

// ---------------------------------------------------------------------------
// Building the cube

const ENUMS: Record<'ubigeo' | 'province' | CategoryDim, string> = {
	ubigeo: '__cube_ubigeo',
	province: '__cube_province',
	type: '__cube_type',
	audience: '__cube_audience',
	topic: '__cube_topic',
	modality: '__cube_modality',
	partner: '__cube_partner'
};

/** Columns of the month table's GROUPING(), in order: bit 5 is ubigeo … bit 0 is partner. */
const GROUPED = ['ubigeo', 'type', 'audience', 'topic', 'modality', 'partner'] as const;
type GroupedDim = (typeof GROUPED)[number];

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

/** The month table's grouping sets: by month alone, by each dimension, by each pair. */
function groupingSets(): string {
	const cols = (dims: readonly GroupedDim[]) =>
		['month', ...dims, ...(dims.includes('ubigeo') ? ['province'] : [])].join(', ');
	const sets: string[] = ['(month)', ...GROUPED.map((d) => `(${cols([d])})`)];
	GROUPED.forEach((a, i) => GROUPED.slice(i + 1).forEach((b) => sets.push(`(${cols([a, b])})`)));
	return sets.join(',\n\t');
}

/** The cube's SELECT over `activities` (all rows, or the rows whose id is bound as `?`). */
function cubeSelect(oneActivity: boolean): string {
	return `SELECT a.date AS day,
	a.ubigeo::${ENUMS.ubigeo} AS ubigeo,
	d.province::${ENUMS.province} AS province,
	a.type::${ENUMS.type} AS type,
	a.audience::${ENUMS.audience} AS audience,
	a.topic::${ENUMS.topic} AS topic,
	a.modality::${ENUMS.modality} AS modality,
	coalesce(a.partner, '')::${ENUMS.partner} AS partner,
	count(*)::INTEGER AS activities,
	sum(a.participants_total)::BIGINT AS participants,
	sum(a.participants_women) FILTER (WHERE a.participants_men IS NOT NULL)::BIGINT AS women,
	sum(a.participants_men) FILTER (WHERE a.participants_women IS NOT NULL)::BIGINT AS men,
	sum(a.participants_women + a.participants_men)::BIGINT AS women_and_men,
	sum(a.participants_migrants)::BIGINT AS migrants,
	sum(a.participants_total) FILTER (WHERE a.participants_migrants IS NOT NULL)::BIGINT AS total_with_migrants,
	-- reach per 1,000 migrants over several districts counts only districts whose migrant population is known
	sum(a.participants_migrants) FILTER (WHERE d.migrant_population > 0)::BIGINT AS migrants_in_known,
	count(*) FILTER (WHERE a.modality = 'virtual')::INTEGER AS virtual
FROM activities a
LEFT JOIN districts d ON d.ubigeo = a.ubigeo
${oneActivity ? 'WHERE a.activity_id = ?::VARCHAR\n' : ''}GROUP BY ALL`;
}

const MEASURES = [
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
function sums(): string {
	return MEASURES.map((m) =>
		m === 'activities' || m === 'virtual'
			? `sum(${m})::INTEGER AS ${m}`
			: `sum(${m})::BIGINT AS ${m}`
	).join(',\n\t');
}

/** The month table's SELECT over cube rows (`from`: the cube, or a subquery of new rows). */
function monthSelect(from: string): string {
	return `SELECT date_trunc('month', day)::DATE AS month, ubigeo, province, type, audience, topic, modality, partner,
	GROUPING(${GROUPED.join(', ')})::INTEGER AS gid,
	${sums()}
FROM ${from}
GROUP BY GROUPING SETS (
	${groupingSets()}
)`;
}

/**
 * At most this many district codes fit the category table's bit set of the
 * districts reached (`reached`, bit i for the ENUM's i-th code).
 */
export const DISTRICT_BITS = 127;

/** A category table's SELECT over cube rows (`from`: the cube, or a subquery of new rows). */
function categorySelect(from: string, grain: 'month' | 'year'): string {
	return `SELECT date_trunc('${grain}', day)::DATE AS ${grain}, ${CATEGORY_DIMS.join(', ')},
	${sums()},
	-- codes past the bit set's width are left out: the key figures then read the day cube (districtBits)
	bit_or(CASE WHEN enum_code(ubigeo) < ${DISTRICT_BITS} THEN 1::HUGEINT << enum_code(ubigeo)::INTEGER END) AS reached
FROM ${from}
GROUP BY ${grain}, ${CATEGORY_DIMS.join(', ')}`;
}

/** How many district codes the cube knows: `n` (callers pass `districtBits` when n ≤ DISTRICT_BITS). */
export function cubeDistrictCountSql(): SqlQuery {
	return { sql: `SELECT len(enum_range(NULL::${ENUMS.ubigeo}))::INTEGER AS n`, params: [] };
}

/**
 * (Re)builds the cube from `activities` and `districts`. The ENUMs take their
 * values from the data, so any district, type or partner a file brings in is
 * a member. Several statements: run with `exec`.
 */
export function buildCubeSql(): string {
	const values = (column: string, table = 'activities') =>
		`SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`;
	const enums: Record<keyof typeof ENUMS, string> = {
		ubigeo: `${values('ubigeo')} UNION ${values('ubigeo', 'districts')}`,
		province: values('province', 'districts'),
		type: values('type'),
		audience: values('audience'),
		topic: values('topic'),
		modality: values('modality'),
		partner: `SELECT DISTINCT coalesce(partner, '') AS v FROM activities`
	};
	return [
		...indexTablesDrop(),
		`DROP TABLE IF EXISTS ${CUBE_DOMAINS}`,
		`DROP TABLE IF EXISTS ${CUBE_CATEGORIES}`,
		`DROP TABLE IF EXISTS ${CUBE_CATEGORY_YEARS}`,
		`DROP TABLE IF EXISTS ${CUBE_MONTHS}`,
		`DROP TABLE IF EXISTS ${CUBE}`,
		...Object.values(ENUMS).map((e) => `DROP TYPE IF EXISTS ${e}`),
		...Object.entries(enums).map(
			([k, select]) =>
				`CREATE TYPE ${ENUMS[k as keyof typeof ENUMS]} AS ENUM (SELECT v FROM (${select}) ORDER BY v)`
		),
		`CREATE TABLE ${CUBE} AS ${cubeSelect(false)}\nORDER BY day`,
		`CREATE TABLE ${CUBE_MONTHS} AS ${monthSelect(CUBE)}\nORDER BY gid, month`,
		`CREATE TABLE ${CUBE_CATEGORIES} AS ${categorySelect(CUBE, 'month')}\nORDER BY month`,
		`CREATE TABLE ${CUBE_CATEGORY_YEARS} AS ${categorySelect(CUBE, 'year')}\nORDER BY year`,
		`CREATE TABLE ${CUBE_DOMAINS} AS ${CATEGORY_DIMS.map(
			(d, i) =>
				`SELECT ${i} AS part, '${d}' AS dim, unnest(enum_range(NULL::${ENUMS[d]}))::VARCHAR AS key`
		).join('\nUNION ALL ')}`,
		...indexTablesDdl()
	]
		.map((s) => `${s};`)
		.join('\n');
}

/**
 * Adds one activity (already in `activities`) to the cube tables, so that a
 * logged activity shows at once without rebuilding a million-row cube. Rows
 * of the cube need not be unique: every view sums them. Fails (a conversion
 * error) when the activity brings a value the ENUMs lack: rebuild then.
 */
export function addActivityToCubeSql(activityId: string): SqlQuery[] {
	return [
		{ sql: `INSERT INTO ${CUBE} ${cubeSelect(true)}`, params: [activityId] },
		{
			sql: `INSERT INTO ${CUBE_MONTHS} ${monthSelect(`(${cubeSelect(true)})`)}`,
			params: [activityId]
		},
		{
			sql: `INSERT INTO ${CUBE_CATEGORIES} ${categorySelect(`(${cubeSelect(true)})`, 'month')}`,
			params: [activityId]
		},
		{
			sql: `INSERT INTO ${CUBE_CATEGORY_YEARS} ${categorySelect(`(${cubeSelect(true)})`, 'year')}`,
			params: [activityId]
		}
	];
}

// ---------------------------------------------------------------------------
// Filters → SQL

interface Where {
	clauses: string[];
	params: Value[];
}

/**
 * `column IN (…)`, with as many placeholders as `inListSlots` gives (the
 * first value repeated to fill them): one to four values make the same SQL
 * text, so the engine's kept prepared statement serves the next click too
 * (planning the key figures costs more than reading them).
 */
function inList(column: string, enumType: string, values: readonly string[], w: Where) {
	const slots = inListSlots(values.length);
	w.clauses.push(
		`${column} IN (${Array.from({ length: slots }, () => `TRY_CAST(?::VARCHAR AS ${enumType})`).join(', ')})`
	);
	w.params.push(...Array.from({ length: slots }, (_, i) => values[i] ?? values[0]));
}

/** Placeholders for `n` values (n ≥ 1): 4, then the next power of two. */
export function inListSlots(n: number): number {
	return Math.max(4, 2 ** Math.ceil(Math.log2(n)));
}

/**
 * The cube's WHERE for a view owning `except`: the period (or clicked
 * month), the districts' province and code, and every category filter but
 * its own.
 */
function cubeWhere(
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
function filteredDims(f: ActivityFilters, except: SelectionDim | null): Set<GroupedDim> {
	const dims = new Set<GroupedDim>();
	if (f.provinces.length || (f.districts.length && except !== 'districts')) dims.add('ubigeo');
	for (const d of CATEGORY_DIMS) if (d !== except && f[d].length) dims.add(d);
	return dims;
}

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

/** `source` is a FROM item whose rows carry `day` (or `month`), the dimensions and the measures. */
interface Source {
	from: string;
	where: Where;
	/** The column holding the date to compare with a period. */
	dateColumn: 'day' | 'month' | 'year';
	/** Grouped by month (`month`), so only month-aligned periods may be asked. */
	monthly: boolean;
	/** How its rows count the districts reached (the category tables carry a bit set). */
	districtCount: string;
}

const COUNT_DISTRICTS = 'count(DISTINCT ubigeo)';
const COUNT_REACHED = 'bit_count(bit_or(reached))';

/**
 * Where a view reads: the month table when its periods are whole months and
 * it needs at most two dimensions (the ones it groups by and the ones its
 * filters touch); else, for whole months, no geography and only the counts,
 * the category table; else the day cube. A filter click then reads a few
 * thousand pre-summed rows, or a third of the rows, instead of scanning a
 * million.
 */
function source(
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
function breakdownDim(part: `breakdown_${CategoryDim}`): CategoryDim {
	return part.slice('breakdown_'.length) as CategoryDim;
}

/** What a part reads for `f`: the arguments of `source`. */
function partRead(part: ViewPart, f: ActivityFilters, byType = true) {
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

/** Where a part reads for `f`: its cross-filter index when `opts.index` says so, else `source`. */
function partSource(part: ViewPart, f: ActivityFilters, opts: ViewOptions, byType = true): Source {
	const r = partRead(part, f, byType);
	if (opts.index) return indexSource(part, f, opts.index, r.except);
	return source(f, r.except, r.period, r.groups, r.extra, opts, r.countsDistricts, r.byMonth);
}

function whereSql(w: Where): string {
	return w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '';
}

// ---------------------------------------------------------------------------
// The views

/**
 * Headline figures for the selection (first row, `period = 'cur'`) and for
 * the period of the same length just before it (second row, `'prev'`), every
 * filter applied: `period, from, to, activities, participants, women_share,
 * migrant_share, districts_reached, reach_per_1000_migrants, virtual_share,
 * women, men, not_recorded_sex, migrants, host, not_recorded_origin,
 * districts_in_scope`. Both rows are always there (zeros and empty shares
 * for a period without activity).
 *
 * Two rows of plain expressions rather than one row of FILTERed aggregates:
 * planning the wide version cost more than reading the data.
 */
export function activityFiguresSql(f: ActivityFilters, opts: ViewOptions = {}): SqlQuery {
	const cur = effectivePeriod(f);
	const prev = previousPeriod(cur);
	const src = partSource('key', f, opts);
	const districts = src.districtCount;
	const geo = districtScope(f);
	return {
		sql: `WITH p AS (
	SELECT ${src.dateColumn} >= ?::DATE AS cur, ${districts}::INTEGER AS districts,
		${MEASURES.map((m) => `sum(${m})::${m === 'activities' || m === 'virtual' ? 'INTEGER' : 'DOUBLE'} AS ${m}`).join(', ')}
	FROM ${src.from} ${whereSql(src.where)}
	GROUP BY cur
),
scope AS (
	-- the district table's own columns (it knows no ENUM)
	SELECT count(*)::INTEGER AS districts,
		sum(migrant_population) FILTER (WHERE migrant_population > 0)::DOUBLE AS migrant_population
	FROM districts ${whereSql(geo)}
)
SELECT CASE WHEN v.cur THEN 'cur' ELSE 'prev' END AS period,
	CASE WHEN v.cur THEN ?::VARCHAR ELSE ?::VARCHAR END AS "from",
	CASE WHEN v.cur THEN ?::VARCHAR ELSE ?::VARCHAR END AS "to",
	coalesce(p.activities, 0) AS activities,
	coalesce(p.participants, 0) AS participants,
	CASE WHEN p.women_and_men > 0 THEN 100.0 * p.women / p.women_and_men END AS women_share,
	CASE WHEN p.total_with_migrants > 0 THEN 100.0 * p.migrants / p.total_with_migrants END AS migrant_share,
	coalesce(p.districts, 0) AS districts_reached,
	CASE WHEN scope.migrant_population > 0
		THEN 1000.0 * coalesce(p.migrants_in_known, 0) / scope.migrant_population END AS reach_per_1000_migrants,
	CASE WHEN p.activities > 0 THEN 100.0 * p.virtual / p.activities END AS virtual_share,
	coalesce(p.women, 0) AS women,
	coalesce(p.men, 0) AS men,
	coalesce(p.participants, 0) - coalesce(p.women_and_men, 0) AS not_recorded_sex,
	coalesce(p.migrants, 0) AS migrants,
	coalesce(p.total_with_migrants, 0) - coalesce(p.migrants, 0) AS host,
	coalesce(p.participants, 0) - coalesce(p.total_with_migrants, 0) AS not_recorded_origin,
	scope.districts AS districts_in_scope
FROM (VALUES (true), (false)) v(cur)
LEFT JOIN p ON p.cur = v.cur
CROSS JOIN scope
ORDER BY v.cur DESC`,
		params: [cur.from, ...src.where.params, ...geo.params, cur.from, prev.from, cur.to, prev.to]
	};
}

/** The districts a geography filter keeps, on the `districts` table (VARCHAR columns). */
function districtScope(f: ActivityFilters, except: SelectionDim | null = null): Where {
	const w: Where = { clauses: [], params: [] };
	// padded like `inList`: one more district clicked on the map keeps the statement
	const list = (column: string, values: readonly string[]) => {
		const slots = inListSlots(values.length);
		w.clauses.push(
			`${column} IN (${Array.from({ length: slots }, () => '?::VARCHAR').join(', ')})`
		);
		w.params.push(...Array.from({ length: slots }, (_, i) => values[i] ?? values[0]));
	};
	if (f.provinces.length) list('province', f.provinces);
	if (f.districts.length && except !== 'districts') list('ubigeo', f.districts);
	return w;
}

/**
 * Activities per month of the period and type (or all types, `'all'`, when
 * not `byType`): `month` (`YYYY-MM`), `type`, `activities`. Filtered by everything but the clicked month (the trend
 * owns it). Months without activity are absent: the chart lays out every
 * month of the period (`monthsOf`).
 */
export function trendSql(f: ActivityFilters, byType = true, opts: ViewOptions = {}): SqlQuery {
	const src = partSource('trend', f, opts, byType);
	const month = src.monthly ? 'month' : `date_trunc('month', day)`;
	return {
		sql: `SELECT strftime(${month}, '%Y-%m') AS month, ${byType ? 'type::VARCHAR' : "'all'"} AS type, sum(activities)::INTEGER AS activities
FROM ${src.from} ${whereSql(src.where)}
GROUP BY ALL
ORDER BY month, type`,
		params: src.where.params
	};
}

/**
 * Activities and participants by one category, filtered by every selection
 * but that category's: `key, activities, participants`, every value the
 * data know (zero-filled), most activities first. Partner `''` is "none".
 */
export function breakdownSql(
	f: ActivityFilters,
	dim: CategoryDim,
	opts: ViewOptions = {}
): SqlQuery {
	const src = partSource(`breakdown_${dim}`, f, opts);
	return {
		sql: `WITH s AS (
	SELECT ${dim} AS key, sum(activities)::INTEGER AS activities, sum(participants)::DOUBLE AS participants
	FROM ${src.from} ${whereSql(src.where)}
	GROUP BY ALL
)
SELECT v.key::VARCHAR AS key, coalesce(s.activities, 0) AS activities, coalesce(s.participants, 0) AS participants
FROM (SELECT unnest(enum_range(NULL::${ENUMS[dim]})) AS key) v
LEFT JOIN s ON s.key = v.key
ORDER BY activities DESC, participants DESC, key`,
		params: src.where.params
	};
}

/**
 * The five breakdowns (type, audience, topic, modality, partner) in one
 * statement: `dim, key, activities, participants`, each part exactly
 * `breakdownSql(f, dim)` (filtered by every selection but its own), in the
 * order of `CATEGORY_DIMS`. One round trip to the engine instead of five on
 * every filter click.
 */
export function breakdownsSql(f: ActivityFilters, opts: ViewOptions = {}): SqlQuery {
	const params: Value[] = [];
	// One GROUP BY per category, then one join with the table of every value: a
	// simpler plan than five zero-filled queries (planning is most of the cost).
	const sums = CATEGORY_DIMS.map((dim) => {
		const src = partSource(`breakdown_${dim}`, f, opts);
		params.push(...src.where.params);
		return `SELECT '${dim}' AS dim, ${dim}::VARCHAR AS key, sum(activities)::INTEGER AS activities,
	sum(participants)::DOUBLE AS participants
FROM ${src.from} ${whereSql(src.where)}
GROUP BY ALL`;
	});
	return {
		sql: `WITH s AS (
${sums.join('\nUNION ALL\n')}
)
SELECT d.dim, d.key, coalesce(s.activities, 0) AS activities, coalesce(s.participants, 0) AS participants
FROM ${CUBE_DOMAINS} d
LEFT JOIN s ON s.dim = d.dim AND s.key = d.key
ORDER BY d.part, activities DESC, participants DESC, d.key`,
		params
	};
}

/**
 * Every district of the chosen provinces (all, when none is chosen), with the
 * activities, participants and migrants reached, and the reach per 1,000
 * migrants (§5; empty when the migrant population is 0 or unknown). Filtered
 * by everything but the district selection, which this view owns (the map,
 * the bar list and "Distritos sin actividades").
 */
export function districtsSql(f: ActivityFilters, opts: ViewOptions = {}): SqlQuery {
	const src = partSource('districts', f, opts);
	const geo = districtScope(f, 'districts');
	return {
		sql: `WITH s AS (
	SELECT ubigeo::VARCHAR AS ubigeo, sum(activities)::INTEGER AS activities,
		sum(participants)::DOUBLE AS participants, sum(migrants)::DOUBLE AS migrants
	FROM ${src.from} ${whereSql(src.where)}
	GROUP BY ALL
)
SELECT d.ubigeo, d.name, d.province, d.grid_row, d.grid_col, d.migrant_population,
	coalesce(s.activities, 0) AS activities,
	coalesce(s.participants, 0) AS participants,
	coalesce(s.migrants, 0) AS migrants,
	CASE WHEN d.migrant_population > 0 THEN 1000.0 * coalesce(s.migrants, 0) / d.migrant_population END::DOUBLE AS reach_per_1000_migrants
FROM districts d
LEFT JOIN s ON s.ubigeo = d.ubigeo
${whereSql({ clauses: geo.clauses.map((c) => `d.${c}`), params: [] })}
ORDER BY d.name COLLATE NOACCENT.NOCASE, d.ubigeo`,
		params: [...src.where.params, ...geo.params]
	};
}

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

// ---------------------------------------------------------------------------
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

/** The table of `part`'s index for clicks in `dim`. */
export function indexTable(part: ViewPart, dim: CategoryDim): string {
	return `__activity_xf_${part}_${dim}`;
}

/** The columns `part` reads besides its date and measures (the trend keeps the type even unstacked). */
function indexColumns(part: ViewPart, dim: CategoryDim): string[] {
	const own =
		part === 'trend'
			? 'type'
			: part === 'key' || part === 'districts'
				? 'ubigeo'
				: breakdownDim(part);
	return [...new Set([dim, own])];
}

/**
 * A part's index as its source: the rows carry a `day` inside their period
 * (the earliest of those summed), so the part's date expressions hold; only
 * the new list of `dim` filters them (none for the breakdown of `dim`).
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

function indexTablesDrop(): string[] {
	return CATEGORY_DIMS.flatMap((dim) =>
		VIEW_PARTS.map((part) => `DROP TABLE IF EXISTS ${indexTable(part, dim)}`)
	);
}

/** The empty index tables, shaped like the day cube's columns (see `buildCubeSql`). */
function indexTablesDdl(): string[] {
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

// ---------------------------------------------------------------------------
// The activity table (raw rows: the cube has no activity ids)

export const TABLE_COLUMNS = [
	'activity_id',
	'date',
	'ubigeo',
	'district',
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
export type TableColumn = (typeof TABLE_COLUMNS)[number];

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

// ---------------------------------------------------------------------------
// Choices for the filters

/** Years with activities, newest first: `year`. */
export function activityYearsSql(): SqlQuery {
	return {
		sql: 'SELECT DISTINCT year(date)::INTEGER AS year FROM activities ORDER BY year DESC',
		params: []
	};
}

/** Districts for the filters and the form: `ubigeo, name, province`. */
export function districtChoicesSql(): SqlQuery {
	return {
		sql: 'SELECT ubigeo, name, province FROM districts ORDER BY name COLLATE NOACCENT.NOCASE, ubigeo',
		params: []
	};
}

/** Partners named in the activities, for the filter: `partner` (`''` is none). */
export function partnerChoicesSql(): SqlQuery {
	return {
		sql: `SELECT DISTINCT coalesce(partner, '') AS partner FROM activities ORDER BY partner`,
		params: []
	};
}
