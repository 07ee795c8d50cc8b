import type { SqlQuery } from '../../engine/types';
import { CATEGORY_DIMS } from './filters';
import { indexTablesDdl, indexTablesDrop } from './cross-index';
import {
	CUBE,
	CUBE_CATEGORIES,
	CUBE_CATEGORY_YEARS,
	CUBE_DOMAINS,
	CUBE_MONTHS,
	DISTRICT_BITS,
	ENUMS,
	GROUPED,
	sums,
	type GroupedDim
} from './schema';

/**
 * Building the cube's tables from `activities` and `districts`, and adding
 * one logged activity to them.
 */

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
