/**
 * Step 5 of the import pipeline as pure SQL builders: `issuesSql` returns
 * one result set of problems, `line, column (canonical), severity, code,
 * value, detail, ord`. At most one per-cell issue is reported per cell (the
 * first that applies: missing, type/set, range, reference; then a warning),
 * then keys, cross-column rules and references. The only value from outside
 * (`today`) is a bound parameter.
 */
import type { SqlQuery } from '../../../engine/types';
import { plausibilityChecks, type PlausibilityCheck } from '../../plausible';
import { WARNING_CODES, type ColumnSpec, type CrossRule, type DatasetSpec } from '../../schema';
import {
	EXCEL_SCIENTIFIC,
	id,
	keepsRaw,
	lit,
	num,
	rawColumn,
	typedSelectSql,
	type StagingSource
} from './convert';

export interface ValidationContext extends StagingSource {
	/** ISO date `YYYY-MM-DD`: a later date is "in the future". Bound as a parameter. */
	today: string;
	/** 'append' also checks keys against the rows already in the typed table. */
	mode: 'replace' | 'append';
	/** The typed table of this dataset (default: the dataset's name). */
	target?: string;
	/**
	 * A table already holding `typedSelectSql(spec, source)` (the stage).
	 * When absent, the conversion runs inside the query (a materialised CTE).
	 */
	typedTable?: string;
	/** Reference tables (default: `districts`, `framework`). */
	tables?: Partial<Record<'districts' | 'framework', string>>;
}

const WARNINGS_SQL = `(${WARNING_CODES.map((c) => lit(c)).join(', ')})`;

/** The per-cell checks of one column, as a CASE giving the first issue code (or NULL). */
function cellCheck(c: ColumnSpec, refAlias: string | null): string | null {
	const t = `t.${id(c.name)}`;
	const raw = keepsRaw(c) ? `t.${id(rawColumn(c.name))}` : null;
	const blank = raw ? `(${raw} IS NULL OR trim(${raw}) = '')` : 'true';
	const whens: string[] = [];
	if (c.required && c.default === undefined) {
		whens.push(`WHEN ${t} IS NULL AND ${blank} THEN 'required'`);
	}
	if (raw) {
		const code = c.type === 'text' ? 'allowed' : `type_${c.type}`;
		whens.push(`WHEN ${t} IS NULL AND NOT ${blank} THEN '${code}'`);
	}
	if (c.min !== undefined) {
		whens.push(`WHEN ${t} ${c.minExclusive ? '<=' : '<'} ${num(c.min)} THEN 'range_min'`);
	}
	if (c.max !== undefined) whens.push(`WHEN ${t} > ${num(c.max)} THEN 'range_max'`);
	if (c.references && refAlias) {
		whens.push(`WHEN ${t} IS NOT NULL AND ${refAlias}.k IS NULL THEN 'reference'`);
		if (c.references.kind) {
			whens.push(
				`WHEN ${t} IS NOT NULL AND ${refAlias}.kind IS DISTINCT FROM ${lit(c.references.kind)} THEN 'indicator_kind'`
			);
		}
	}
	if (c.type === 'code' && raw) {
		whens.push(
			`WHEN ${raw} IS NOT NULL AND ${t} IS NOT NULL AND length(trim(${raw})) = 5 THEN 'code_padded'`
		);
	}
	if (c.futureWarning) {
		whens.push(`WHEN CAST(${t} AS DATE) > (SELECT today FROM params) THEN 'date_future'`);
	}
	if (c.warnAbove !== undefined)
		whens.push(`WHEN ${t} > ${num(c.warnAbove)} THEN 'participants_high'`);
	if (c.type === 'number' && raw) {
		whens.push(
			`WHEN ${t} IS NOT NULL AND ${raw} IS NOT NULL AND regexp_full_match(trim(${raw}), ${lit(EXCEL_SCIENTIFIC)}) THEN 'number_scientific'`
		);
	}
	return whens.length ? `CASE ${whens.join(' ')} END` : null;
}

/** LEFT JOIN of the referenced keys (and kinds) as `alias.k` (`alias.kind`), on `t.<column>`. */
export function referenceJoin(
	c: ColumnSpec,
	ctx: Pick<ValidationContext, 'tables'>,
	alias: string
): string {
	const ref = c.references;
	if (!ref) return '';
	const table = id(ctx.tables?.[ref.dataset] ?? ref.dataset);
	const k = id(ref.column);
	const sub = ref.kind
		? `SELECT ${k} AS k, any_value(kind) AS kind FROM ${table} GROUP BY ${k}`
		: `SELECT DISTINCT ${k} AS k FROM ${table}`;
	return `LEFT JOIN (${sub}) ${alias} ON ${alias}.k = t.${id(c.name)}`;
}

export function keyMatch(spec: DatasetSpec, a: string, b: string): string {
	return spec.key.map((k) => `${a}.${id(k)} = ${b}.${id(k)}`).join(' AND ');
}

function keyValue(spec: DatasetSpec, alias: string): string {
	return `concat_ws(' / ', ${spec.key.map((k) => `CAST(${alias}.${id(k)} AS VARCHAR)`).join(', ')})`;
}

/** The condition (on alias `t`) under which a row breaks a cross-column rule. */
export function ruleViolation(rule: CrossRule): string {
	const col = `t.${id(rule.column)}`;
	switch (rule.kind) {
		case 'lte': {
			const left = rule.left.map((l) => `t.${id(l)}`);
			const sum = left.map((l) => `COALESCE(${l}, 0)`).join(' + ');
			const right = `t.${id(rule.right)}`;
			return `${right} IS NOT NULL AND (${left.map((l) => `${l} IS NOT NULL`).join(' OR ')}) AND ${sum} > ${right}`;
		}
		case 'onlyWhen': {
			const w = `t.${id(rule.when.column)}`;
			return `${col} IS NOT NULL AND ${w} IS NOT NULL AND ${w} <> ${lit(rule.when.equals)}`;
		}
		case 'positiveWhen':
			return `t.${id(rule.when.column)} = ${lit(rule.when.equals)} AND ${col} <= 0`;
	}
}

/**
 * FROM-and-WHERE (after \`SELECT … FROM\`) of the rows of \`from\` (alias \`t\`)
 * whose value exceeds their district's \`districtColumn\` (as \`d.v\`).
 */
export function plausibilityFrom(
	p: PlausibilityCheck,
	ctx: Pick<ValidationContext, 'tables'>,
	from: string
): string {
	const districts = id(ctx.tables?.districts ?? 'districts');
	const v = id(p.districtColumn);
	return `${from} JOIN (SELECT ubigeo AS k, max(${v}) AS v FROM ${districts}
	WHERE ${v} IS NOT NULL GROUP BY ubigeo) d ON d.k = t.ubigeo
WHERE t.${id(p.column)} > d.v`;
}

interface Branch {
	ord: number;
	column: string;
	/** SELECT … producing (line, code, value, detail), filtered to issues. */
	select: string;
}

function branches(spec: DatasetSpec, ctx: ValidationContext, from: string): Branch[] {
	const ordOf = (name: string) => spec.columns.findIndex((c) => c.name === name);
	const out: Branch[] = [];

	spec.columns.forEach((c, i) => {
		const alias = `ref${i}`;
		const check = cellCheck(c, c.references ? alias : null);
		if (check === null) return;
		const t = `t.${id(c.name)}`;
		const value = keepsRaw(c) ? `COALESCE(t.${id(rawColumn(c.name))}, CAST(${t} AS VARCHAR))` : t;
		// The padded code, or the referenced indicator's actual kind.
		const detail =
			c.type === 'code'
				? `CAST(${t} AS VARCHAR)`
				: c.references?.kind
					? `CAST(${alias}.kind AS VARCHAR)`
					: 'CAST(NULL AS VARCHAR)';
		out.push({
			ord: i,
			column: c.name,
			select: `SELECT line, code, value, detail FROM (
	SELECT t.__line AS line, ${check} AS code, ${value} AS value, ${detail} AS detail
	FROM ${from} ${referenceJoin(c, ctx, alias)}) WHERE code IS NOT NULL`
		});
	});

	const target = id(ctx.target ?? spec.name);
	const keyNotNull = spec.key.map((k) => `t.${id(k)} IS NOT NULL`).join(' AND ');
	const existing = `EXISTS (SELECT 1 FROM ${target} x WHERE ${keyMatch(spec, 'x', 't')})`;
	const keyCols = spec.key.map((k) => id(k)).join(', ');
	out.push({
		ord: ordOf(spec.key[0]),
		column: spec.key[0],
		select: `SELECT t.__line AS line, 'duplicate' AS code, ${keyValue(spec, 't')} AS value,
	CAST(d.first AS VARCHAR) AS detail
FROM ${from} JOIN (
	SELECT ${keyCols}, min(__line) AS first FROM ${from}
	WHERE ${keyNotNull}
	GROUP BY ${keyCols} HAVING count(*) > 1) d ON ${keyMatch(spec, 'd', 't')}
WHERE t.__line > d.first${ctx.mode === 'append' ? ` AND NOT ${existing}` : ''}`
	});
	if (ctx.mode === 'append') {
		out.push({
			ord: ordOf(spec.key[0]),
			column: spec.key[0],
			select: `SELECT t.__line AS line, 'duplicate_existing' AS code, ${keyValue(spec, 't')} AS value,
	CAST(NULL AS VARCHAR) AS detail
FROM ${from} WHERE ${keyNotNull} AND ${existing}`
		});
	}

	for (const p of plausibilityChecks(spec.name)) {
		out.push({
			ord: ordOf(p.column),
			column: p.column,
			select: `SELECT t.__line AS line, ${lit(p.code)} AS code, CAST(t.${id(p.column)} AS VARCHAR) AS value,
	CAST(d.v AS VARCHAR) AS detail
FROM ${plausibilityFrom(p, ctx, from)}`
		});
	}

	for (const rule of spec.rules) {
		const col = `t.${id(rule.column)}`;
		const where = ruleViolation(rule);
		let select: string;
		switch (rule.kind) {
			case 'lte': {
				const sum = rule.left.map((l) => `COALESCE(t.${id(l)}, 0)`).join(' + ');
				select = `SELECT t.__line AS line, ${lit(rule.code)} AS code, CAST(${sum} AS VARCHAR) AS value,
	CAST(t.${id(rule.right)} AS VARCHAR) AS detail
FROM ${from} WHERE ${where}`;
				break;
			}
			case 'onlyWhen':
				select = `SELECT t.__line AS line, ${lit(rule.code)} AS code, CAST(${col} AS VARCHAR) AS value,
	CAST(t.${id(rule.when.column)} AS VARCHAR) AS detail
FROM ${from} WHERE ${where}`;
				break;
			case 'positiveWhen':
				select = `SELECT t.__line AS line, ${lit(rule.code)} AS code, CAST(${col} AS VARCHAR) AS value,
	CAST(NULL AS VARCHAR) AS detail
FROM ${from} WHERE ${where}`;
				break;
		}
		out.push({ ord: ordOf(rule.column), column: rule.column, select });
	}
	return out;
}

/**
 * All problems of the staged file, as one result set ordered by line:
 * `line INTEGER, "column" VARCHAR (canonical name), severity ('error'|'warning'),
 * code VARCHAR, value VARCHAR, detail VARCHAR, ord INTEGER (column order)`.
 * `value` is the text in the file for a value that did not convert, else the
 * typed value as text. `detail` is: the padded code (`code_padded`), the
 * indicator's kind (`indicator_kind`), the first line (`duplicate`), the limit
 * (`lte` rules), the status (`completed_on_not_completada`).
 * One parameter: `today`.
 */
export function issuesSql(spec: DatasetSpec, ctx: ValidationContext): SqlQuery {
	const from = ctx.typedTable ? `${id(ctx.typedTable)} t` : 't';
	const cte = ctx.typedTable ? '' : `,\nt AS MATERIALIZED (${typedSelectSql(spec, ctx).sql})`;
	const union = branches(spec, ctx, from)
		.map(
			(b) =>
				`SELECT line, ${b.ord} AS ord, ${lit(b.column)} AS "column", code, value, detail FROM (${b.select})`
		)
		.join('\nUNION ALL\n');
	const sql = `WITH params AS (SELECT CAST(? AS DATE) AS today)${cte}
SELECT CAST(line AS INTEGER) AS line, "column",
	CASE WHEN code IN ${WARNINGS_SQL} THEN 'warning' ELSE 'error' END AS severity,
	code, value, detail, CAST(ord AS INTEGER) AS ord
FROM (${union})
ORDER BY line, ord, code`;
	return { sql, params: [ctx.today] };
}

/**
 * How many of the first 1,000 non-empty values of a staging column look like
 * ubigeos (5 or 6 digits): `codes`, `nonEmpty`. Used to accept a weak header
 * match (`distrito` holding codes).
 */
export function codeShareSql(staging: string, column: string): SqlQuery {
	const c = `NULLIF(trim(${id(column)}), '')`;
	return {
		sql: `SELECT count(*) FILTER (WHERE regexp_full_match(v, '[0-9]{5,6}'))::INTEGER AS codes,
	count(*)::INTEGER AS "nonEmpty"
FROM (SELECT ${c} AS v FROM ${id(staging)} WHERE ${c} IS NOT NULL LIMIT 1000)`,
		params: []
	};
}

/** Counts of an issues table by severity: `errors`, `warnings`, and `errorLines` (rows not loaded). */
export function issueCountsSql(issuesTable: string): SqlQuery {
	return {
		sql: `SELECT count(*) FILTER (WHERE severity = 'error')::INTEGER AS errors,
	count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warnings,
	count(DISTINCT line) FILTER (WHERE severity = 'error')::INTEGER AS "errorLines"
FROM ${id(issuesTable)}`,
		params: []
	};
}
