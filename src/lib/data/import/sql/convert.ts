/**
 * Step 4 of the import pipeline as a pure SQL builder (returns `{ sql,
 * params }`, never touches an engine): `typedSelectSql` converts a staging
 * relation whose columns are all VARCHAR, plus `__line` (the line number of
 * the row in the file; the header is line 1), to typed values (decimal
 * comma, day-first dates, padded ubigeos, set spellings, defaults), and
 * keeps the source text only where it is needed to explain a problem
 * (`__raw_<col>`: non-NULL only when the value did not convert, or a code
 * was changed). The pipeline writes this once into a stage table;
 * validation reads it and the load moves it, so what is validated is
 * exactly what is loaded.
 *
 * Everything is set-based, so it scales to a million rows. Names are quoted
 * with `quoteIdent`; other literals come from the specs.
 */
import { quoteIdent, quoteLiteral } from '../../../engine/sql';
import type { SqlQuery } from '../../../engine/types';
import { SQL_TYPE, type ColumnSpec, type DatasetSpec } from '../../schema';
import type { DateOrder } from '../../sniff';

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

/** Name of the source-text companion of a column in the typed select. */
export function rawColumn(name: string): string {
	return `__raw_${name}`;
}

/** Plain text is kept as it is (trimmed); every other column has a `__raw_` companion. */
export function keepsRaw(c: ColumnSpec): boolean {
	return c.type !== 'text' || c.allowed !== undefined;
}

/** The `__raw_` companion columns of a spec's typed select, in order. */
export function rawColumns(spec: DatasetSpec): string[] {
	return spec.columns.filter(keepsRaw).map((c) => rawColumn(c.name));
}

export const lit = quoteLiteral;
export const id = quoteIdent;

export function num(n: number): string {
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
