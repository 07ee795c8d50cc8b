/**
 * Steps 4–6 of the import pipeline (DESIGN.md §8) as pure SQL builders: they
 * return `{ sql, params }` (or plain SQL for DDL) and never touch an engine.
 *
 * Input: a staging relation (table or view) whose columns are all VARCHAR,
 * plus `__line` (the line number of the row in the file; the header is line 1).
 *
 * - `typedSelectSql` converts the text to typed values (decimal comma,
 *   day-first dates, padded ubigeos, set spellings, defaults), and keeps the
 *   source text only where it is needed to explain a problem (`__raw_<col>`:
 *   non-NULL only when the value did not convert, or a code was changed).
 *   The pipeline writes this once into a stage table; validation reads it and
 *   the load moves it, so what is validated is exactly what is loaded.
 * - `issuesSql` returns one result set of problems:
 *   `line, column (canonical), severity, code, value, detail, ord`.
 *   At most one per-cell issue is reported per cell (the first that applies:
 *   missing, type/set, range, reference; then a warning).
 * - `loadSql`, `deleteErrorsSql`, `swapInSql`: the load.
 *
 * Everything is set-based (a few scans of the whole table), so it scales to a
 * million rows. Names are quoted with `quoteIdent`; the only value from
 * outside (`today`) is a bound parameter. Other literals come from the specs.
 */
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { SqlQuery } from '../engine/types';
import {
	SQL_TYPE,
	WARNING_CODES,
	type ColumnSpec,
	type CrossRule,
	type DatasetSpec
} from './schema';
import type { DateOrder } from './sniff';

export interface SqlDialect {
	/** `12,5` and `1.234,56` are numbers (a `;` file written by a Spanish Excel). */
	decimalComma: boolean;
	/** `3/4/2024` is read month first only for 'mdy'; otherwise day first. */
	dateOrder: DateOrder | null;
}

export interface StagingSource {
	/** The staging relation (all VARCHAR, with `__line`). */
	staging: string;
	/** Canonical column → staging column. Unmapped columns are empty (or their default). */
	mapping: Readonly<Record<string, string>>;
	dialect: SqlDialect;
}

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

/** Name of the source-text companion of a column in the typed select. */
export function rawColumn(name: string): string {
	return `__raw_${name}`;
}

/** Plain text is kept as it is (trimmed); every other column has a `__raw_` companion. */
function keepsRaw(c: ColumnSpec): boolean {
	return c.type !== 'text' || c.allowed !== undefined;
}

/** The `__raw_` companion columns of a spec's typed select, in order. */
export function rawColumns(spec: DatasetSpec): string[] {
	return spec.columns.filter(keepsRaw).map((c) => rawColumn(c.name));
}

const lit = quoteLiteral;
const id = quoteIdent;

function num(n: number): string {
	if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${n}`);
	return String(n);
}

/** Regexes for numbers grouped with dots (`1.234,5`) or commas (`1,234.5`). */
const GROUPED_DOT = '[-+]?([0-9]{1,3}(\\.[0-9]{3})+|[0-9]*)(,[0-9]+)?([eE][-+]?[0-9]+)?';
const GROUPED_COMMA = '[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?';

/**
 * Text → DOUBLE, following `parseLocaleNumber`: the file's convention wins and
 * the other is a fallback. The common shapes (`12`, `12.5`, `12,5`) take a
 * cheap path; only values with both kinds of separator meet a regex.
 */
export function numberExpr(r: string, decimalComma: boolean): string {
	const s = `trim(${r})`;
	const commaToDot = `replace(replace(${s}, '.', ''), ',', '.')`;
	const dropCommas = `replace(${s}, ',', '')`;
	const text = decimalComma
		? `CASE WHEN NOT contains(${r}, '.') THEN replace(${r}, ',', '.')
			WHEN regexp_full_match(${s}, ${lit(GROUPED_DOT)}) THEN ${commaToDot}
			WHEN regexp_full_match(${s}, ${lit(GROUPED_COMMA)}) THEN ${dropCommas} END`
		: `CASE WHEN NOT contains(${r}, ',') THEN ${r}
			WHEN regexp_full_match(${s}, ${lit(GROUPED_COMMA)}) THEN ${dropCommas}
			WHEN regexp_full_match(${s}, ${lit(GROUPED_DOT)}) THEN ${commaToDot} END`;
	return `TRY_CAST(${text} AS DOUBLE)`;
}

/** `d/m/yyyy` (or month first), with `/`, `-` or `.`, optionally followed by a time. */
export function dateFormats(order: DateOrder | null): string {
	const [a, b] = order === 'mdy' ? ['%m', '%d'] : ['%d', '%m'];
	const dates = ['/', '-', '.'].map((s) => `${a}${s}${b}${s}%Y`);
	const times = ['', ' %H:%M', ' %H:%M:%S'];
	return `[${dates.flatMap((d) => times.map((t) => lit(d + t))).join(', ')}]`;
}

/** Dates outside this range are typos (`3/4/24` read as year 24), reported as invalid. */
export const MIN_DATE = "DATE '1900-01-01'";
export const MAX_DATE = "DATE '2999-12-31'";

const TRUE_WORDS = ['true', 't', '1', 'si', 's', 'yes', 'y', 'verdadero', 'v', 'x'];
const FALSE_WORDS = ['false', 'f', '0', 'no', 'n', 'falso'];

function inList(values: readonly string[]): string {
	return values.map(lit).join(', ');
}

/** The source text of a plain text column, trimmed (cheaply: most values need no trim); '' → NULL. */
function trimmedText(src: string): string {
	return `CASE WHEN ${src} = '' OR starts_with(${src}, ' ') OR ends_with(${src}, ' ')
		THEN NULLIF(trim(${src}), '') ELSE ${src} END`;
}

/**
 * How Excel's "General" format shows a long number: 6 significant digits
 * (`2,01235E+10`). The digits after them are lost in the file: a warning.
 */
export const EXCEL_SCIENTIFIC = '-?[0-9][.,][0-9]{1,5}E\\+[0-9]{2}';

/** A plain number, which our CSV export never marks (csv-export.ts `FORMULA_START`). */
const PLAIN_NUMBER = '[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?';

/**
 * Undoes the mark our own CSV export puts before a formula-like text (`'=SUM(A1)`
 * → `=SUM(A1)`), as `stripFormulaMark` does in JS, so an export re-imports
 * exactly. Cheap: only values starting with `'` meet a regex.
 */
export function unmarkFormulaSql(src: string): string {
	return `CASE WHEN starts_with(${src}, '''') AND regexp_matches(${src}, '^''[=+\\-@\t\r\n]')
		AND NOT regexp_full_match(substr(${src}, 2), ${lit(PLAIN_NUMBER)}) THEN substr(${src}, 2) ELSE ${src} END`;
}

/** Layer 2: parse numbers and dates once, so layer 3 can test them without re-parsing. */
function parsedExpr(c: ColumnSpec, r: string, dialect: SqlDialect): string | null {
	switch (c.type) {
		case 'integer':
			// Checked in layer 3: kept only if it reads back as the same text (`1.5` → 2 does not).
			return `TRY_CAST(${r} AS INTEGER)`;
		case 'number':
			// A plain cast reads `12.5` right, but `1.234` wrong when the decimal is a comma.
			return dialect.decimalComma
				? numberExpr(r, true)
				: `COALESCE(TRY_CAST(${r} AS DOUBLE), ${numberExpr(r, false)})`;
		case 'date':
			return `COALESCE(TRY_CAST(${r} AS DATE),
				TRY_CAST(try_strptime(trim(${r}), ${dateFormats(dialect.dateOrder)}) AS DATE))`;
		case 'timestamp':
			return `COALESCE(TRY_CAST(TRY_CAST(trim(${r}) AS TIMESTAMPTZ) AS TIMESTAMP),
				try_strptime(trim(${r}), ${dateFormats(dialect.dateOrder)}))`;
		default:
			return null;
	}
}

/** Layer 3: the typed value from source text `r` and parsed value `p`. NULL = empty or invalid. */
export function typedExpr(c: ColumnSpec, r: string, p: string, dialect: SqlDialect): string {
	switch (c.type) {
		case 'text': {
			if (!c.allowed) return r;
			const pairs: [string, string][] = [
				...c.allowed.map((v): [string, string] => [v, v]),
				...Object.entries(c.valueSynonyms ?? {})
			];
			const normalized = `regexp_replace(lower(strip_accents(trim(${r}))), '[\\s\\-]+', '_', 'g')`;
			const whens = pairs.map(([from, to]) => `WHEN ${lit(from)} THEN ${lit(to)}`).join(' ');
			return `CASE WHEN ${r} IN (${inList(c.allowed)}) THEN ${r} ELSE (CASE ${normalized} ${whens} END) END`;
		}
		case 'code':
			return `CASE WHEN regexp_full_match(${r}, '[0-9]{6}') THEN ${r}
				WHEN regexp_full_match(trim(${r}), '[0-9]{6}') THEN trim(${r})
				WHEN regexp_full_match(trim(${r}), '[0-9]{5}') THEN '0' || trim(${r}) END`;
		case 'integer': {
			// Canonical integers (`25`) take the fast path; `007`, `+5`, `1.234` (decimal
			// comma), `12,0` or `1e3` are read as numbers and kept when whole.
			const d = numberExpr(r, dialect.decimalComma);
			return `CASE WHEN CAST(${p} AS VARCHAR) = ${r} THEN ${p}
				WHEN ${d} = trunc(${d}) AND ${d} BETWEEN -2147483648 AND 2147483647 THEN CAST(${d} AS INTEGER) END`;
		}
		case 'number':
			return `CASE WHEN isfinite(${p}) THEN ${p} END`;
		case 'date':
			return `CASE WHEN ${p} BETWEEN ${MIN_DATE} AND ${MAX_DATE} THEN ${p} END`;
		case 'timestamp':
			return `CASE WHEN ${p} >= ${MIN_DATE} AND ${p} < ${MAX_DATE} THEN ${p} END`;
		case 'boolean': {
			const w = `lower(strip_accents(trim(${r})))`;
			return `CASE WHEN ${w} IN (${inList(TRUE_WORDS)}) THEN true WHEN ${w} IN (${inList(FALSE_WORDS)}) THEN false END`;
		}
		case 'round':
			return `CASE WHEN regexp_full_match(upper(trim(${r})), '[0-9]{4}(-S[12])?') THEN upper(trim(${r})) END`;
		case 'period':
			return `CASE WHEN regexp_full_match(trim(${r}), '[0-9]{4}(-(0[1-9]|1[0-2]))?') THEN trim(${r}) END`;
		case 'url':
			return `CASE WHEN regexp_full_match(trim(${r}), 'https?://[^\\s<>"]+', 'i') THEN trim(${r}) END`;
	}
}

function defaultLiteral(c: ColumnSpec): string | null {
	if (c.default === undefined) return null;
	return typeof c.default === 'number' ? num(c.default) : lit(c.default);
}

/**
 * SELECT `__line`, every column of the spec typed as in the typed table (same
 * names, same types), then `__raw_<col>` for the non-text columns: the source
 * text where the value did not convert (or a code was padded), else NULL.
 */
export function typedSelectSql(spec: DatasetSpec, source: StagingSource): SqlQuery {
	// Layer 1: the source text (plain text trimmed; other types are trimmed where they are parsed).
	const layer1 = spec.columns.map((c) => {
		const s = source.mapping[c.name];
		const expr =
			s === undefined
				? 'CAST(NULL AS VARCHAR)'
				: c.type !== 'text'
					? id(s)
					: c.allowed
						? unmarkFormulaSql(id(s))
						: unmarkFormulaSql(trimmedText(id(s)));
		return `${expr} AS ${id(rawColumn(c.name))}`;
	});
	// Layer 2: parsed numbers and dates.
	const layer2 = spec.columns.flatMap((c) => {
		const e = parsedExpr(c, id(rawColumn(c.name)), source.dialect);
		return e === null ? [] : [`${e} AS ${id(`__p_${c.name}`)}`];
	});
	// Layer 3: typed values (with defaults).
	const layer3 = spec.columns.map((c) => {
		const r = id(rawColumn(c.name));
		const sqlType = SQL_TYPE[c.type];
		const typed = `CAST(${typedExpr(c, r, id(`__p_${c.name}`), source.dialect)} AS ${sqlType})`;
		const def = defaultLiteral(c);
		const expr =
			def === null
				? typed
				: `CASE WHEN ${r} IS NULL THEN CAST(${def} AS ${sqlType}) WHEN ${typed} IS NOT NULL THEN ${typed}
					WHEN trim(${r}) = '' THEN CAST(${def} AS ${sqlType}) END`;
		return `${expr} AS ${id(c.name)}`;
	});
	// Layer 4: keep the source text only where it explains a problem.
	const layer4 = spec.columns.filter(keepsRaw).map((c) => {
		const r = id(rawColumn(c.name));
		const t = id(c.name);
		const when =
			c.type === 'code'
				? `${t} IS NULL OR ${t} <> ${r}`
				: c.type === 'number'
					? `${t} IS NULL OR (contains(${r}, 'E+') AND regexp_full_match(trim(${r}), ${lit(EXCEL_SCIENTIFIC)}))`
					: `${t} IS NULL`;
		return `CASE WHEN ${when} THEN ${r} END AS ${r}`;
	});
	const sql = `SELECT __line, ${[...spec.columns.map((c) => id(c.name)), ...layer4].join(', ')}
FROM (SELECT __line, ${[...layer3, ...spec.columns.filter(keepsRaw).map((c) => id(rawColumn(c.name)))].join(',\n\t')}
FROM (SELECT *${layer2.length ? `, ${layer2.join(',\n\t')}` : ''}
FROM (SELECT __line, ${layer1.join(',\n\t')} FROM ${id(source.staging)})))`;
	return { sql, params: [] };
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
 * INSERT the typed rows of `from` (a table holding the typed select) into the
 * typed table, skipping every line that has an error in `issuesTable`.
 */
export function loadSql(
	spec: DatasetSpec,
	opts: { from: string; issuesTable?: string; target?: string }
): SqlQuery {
	const cols = spec.columns.map((c) => id(c.name)).join(', ');
	const where = opts.issuesTable
		? `WHERE NOT EXISTS (SELECT 1 FROM ${id(opts.issuesTable)} i WHERE i.severity = 'error' AND i.line = t.__line)`
		: '';
	const sql = `INSERT INTO ${id(opts.target ?? spec.name)} (${cols})
SELECT ${spec.columns.map((c) => `t.${id(c.name)}`).join(', ')} FROM ${id(opts.from)} t ${where}`;
	return { sql, params: [] };
}

/** DELETE from the stage every line that has an error. */
export function deleteErrorsSql(stage: string, issuesTable: string): SqlQuery {
	return {
		sql: `DELETE FROM ${id(stage)} WHERE __line IN
	(SELECT line FROM ${id(issuesTable)} WHERE severity = 'error')`,
		params: []
	};
}

/** What `swapInSql` must reproduce of the typed table's definition. */
export interface TableShape {
	columns: { name: string; notNull: boolean; default: string | null }[];
	primaryKey: string[] | null;
}

/** Columns, defaults and NOT NULL of a table (read from DuckDB's catalog). */
export function tableColumnsSql(table: string): SqlQuery {
	return {
		sql: `SELECT column_name AS name, NOT is_nullable AS "notNull", column_default AS "default"
FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index`,
		params: [table]
	};
}

/**
 * Constraints and indexes of a table: `kind` ('PRIMARY KEY', 'UNIQUE', 'CHECK',
 * 'FOREIGN KEY', 'INDEX', …) and the constrained column (one row per column).
 */
export function tableConstraintsSql(table: string): SqlQuery {
	return {
		sql: `SELECT constraint_type AS kind, unnest(constraint_column_names) AS "column"
FROM duckdb_constraints() WHERE schema_name = 'main' AND table_name = ? AND constraint_type <> 'NOT NULL'
UNION ALL
SELECT 'INDEX' AS kind, index_name AS "column" FROM duckdb_indexes() WHERE schema_name = 'main' AND table_name = ?`,
		params: [table, table]
	};
}

/**
 * Turn the stage (whose rows are now all valid) into the typed table: drop the
 * helper columns, restore defaults, NOT NULL and the primary key of `shape`,
 * then replace the typed table by it. Run inside a transaction. The column
 * defaults are DuckDB's own catalog text for our DDL, not user data.
 */
export function swapInSql(
	stage: string,
	target: string,
	helperColumns: readonly string[],
	shape: TableShape
): string {
	const s = id(stage);
	const statements = [
		...helperColumns.map((c) => `ALTER TABLE ${s} DROP COLUMN ${id(c)}`),
		...shape.columns
			.filter((c) => c.default !== null)
			.map((c) => `ALTER TABLE ${s} ALTER COLUMN ${id(c.name)} SET DEFAULT ${c.default}`),
		...shape.columns
			.filter((c) => c.notNull)
			.map((c) => `ALTER TABLE ${s} ALTER COLUMN ${id(c.name)} SET NOT NULL`),
		...(shape.primaryKey?.length
			? [`ALTER TABLE ${s} ADD PRIMARY KEY (${shape.primaryKey.map(id).join(', ')})`]
			: []),
		`DROP TABLE ${id(target)}`,
		`ALTER TABLE ${s} RENAME TO ${id(target)}`
	];
	return statements.map((st) => `${st};`).join('\n');
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
