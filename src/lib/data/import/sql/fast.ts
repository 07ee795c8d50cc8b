/**
 * The fast path of the import pipeline, for clean files (pure SQL builders).
 *
 * The detailed path (convert.ts, checks.ts) numbers every row, keeps the source
 * text of odd values and lists each problem with its line. That costs a
 * window over the whole file and several scans. Most files have no problem
 * at all (the demo data, saved imports replayed on every start, exports), so
 * the pipeline first tries this path:
 *
 * - `fastSelectSql`: one read of the file straight into the typed shape.
 *   A cell is "clean" when the detailed path would keep it as it is and
 *   report nothing about it; for a clean cell the value is the very one the
 *   detailed path computes (same casts on the same text). Any other cell
 *   calls `error()`, which stops the read: the pipeline then falls back to
 *   the detailed path, which explains the problem with its line.
 * - `fastCheckSql`: the checks that need other rows or tables (duplicates,
 *   references, cross-column rules, future dates), as counts only.
 *
 * So a clean file gives the same table and the same (empty) report either
 * way; anything else takes the detailed path. Being stricter than needed is
 * safe (a fallback costs time, not correctness): e.g. any `E+` in a number
 * falls back, though only Excel's 6-digit form is a warning.
 */
import { quoteIdent, quoteLiteral } from '../../../engine/sql';
import type { SqlQuery } from '../../../engine/types';
import { SQL_TYPE, type ColumnSpec, type DatasetSpec } from '../../schema';
import { keyMatch, plausibilityFrom, referenceJoin, ruleViolation } from './checks';
import { plausibilityChecks } from '../../plausible';
import { MAX_DATE, MIN_DATE, typedExpr, type SqlDialect } from './convert';

const id = quoteIdent;
const lit = quoteLiteral;

/** Raised (through `error()`) by the first cell that is not clean. */
export const NOT_CLEAN = 'integra: not clean, use the detailed path';

export interface FastSource {
	/**
	 * A relation of the file's columns, named as in the file: `read_csv(…)` or a
	 * quoted table. VARCHAR, except the columns `fastReadTypes` names.
	 */
	from: string;
	/** Canonical column → column of `from`. Unmapped columns get their default (or NULL). */
	mapping: Readonly<Record<string, string>>;
	dialect: SqlDialect;
	/** Source columns `from` gives typed (`fastReadTypes`); the others are VARCHAR. */
	readTypes?: Readonly<Record<string, 'DATE' | 'DOUBLE'>>;
}

function num(n: number): string {
	if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${n}`);
	return String(n);
}

/** Bounds and warning thresholds of a number, as conditions on `p` that hold when it is fine. */
function bounds(c: ColumnSpec, p: string): string[] {
	const out: string[] = [];
	if (c.min !== undefined) out.push(`${p} ${c.minExclusive ? '>' : '>='} ${num(c.min)}`);
	if (c.max !== undefined) out.push(`${p} <= ${num(c.max)}`);
	if (c.warnAbove !== undefined) out.push(`${p} <= ${num(c.warnAbove)}`);
	return out;
}

/**
 * Source columns that `read_csv` can type itself (it parses faster than SQL
 * casts text), with no change to the result:
 * - dates as DATE: `read_csv` accepts what `TRY_CAST(text AS DATE)`, the
 *   detailed path's first reading, accepts, with the same value, and stops
 *   (→ detailed path) at anything else;
 * - integers as DOUBLE, unless the file has the decimal comma: the same holds
 *   for `TRY_CAST(text AS DOUBLE)`, which is what the detailed path reads a
 *   non-canonical integer with (`numberExpr` of text without a comma); a
 *   canonical one gives the same number either way. `1.5` is read, then
 *   found not whole, as the detailed path finds it.
 * A source column mapped to two columns stays text.
 */
export function fastReadTypes(
	spec: DatasetSpec,
	mapping: Readonly<Record<string, string>>,
	dialect: SqlDialect
): Record<string, 'DATE' | 'DOUBLE'> {
	const uses = new Map<string, number>();
	for (const s of Object.values(mapping)) uses.set(s, (uses.get(s) ?? 0) + 1);
	const out: Record<string, 'DATE' | 'DOUBLE'> = {};
	for (const c of spec.columns) {
		const s = mapping[c.name];
		if (s === undefined || uses.get(s) !== 1) continue;
		if (c.type === 'date') out[s] = 'DATE';
		if (c.type === 'integer' && !dialect.decimalComma) out[s] = 'DOUBLE';
	}
	return out;
}

/**
 * One column of a clean file: `[value, clean]` for the source value `v`
 * (non-NULL; NULL is handled by the caller): text, or typed by `read_csv` as
 * `readAs` says (`fastReadTypes`). The value is what the detailed path's
 * layers 1–3 give for such text; `clean` says the detailed path would
 * neither change the text nor report anything on this cell.
 */
export function cleanCell(
	c: ColumnSpec,
	v: string,
	dialect: SqlDialect,
	readAs?: 'DATE' | 'DOUBLE'
): [string, string] {
	if (readAs === 'DOUBLE' && c.type === 'integer') {
		// The detailed path's test for a non-canonical integer, on the number read.
		return [
			`CAST(${v} AS INTEGER)`,
			[`${v} = trunc(${v})`, `${v} BETWEEN -2147483648 AND 2147483647`, ...bounds(c, v)].join(
				' AND '
			)
		];
	}
	if (readAs === 'DATE' && c.type === 'date')
		return [v, `${v} BETWEEN ${MIN_DATE} AND ${MAX_DATE}`];
	switch (c.type) {
		case 'text':
			if (c.allowed) return [v, `${v} IN (${c.allowed.map(lit).join(', ')})`];
			// Untouched by layer 1: no space to trim, not '' and no formula mark to undo.
			return [
				v,
				`${v} <> '' AND NOT starts_with(${v}, ' ') AND NOT ends_with(${v}, ' ') AND NOT starts_with(${v}, '''')`
			];
		case 'code':
			// Six digits as they are: a 5-digit code would be padded (a warning).
			return [v, `regexp_full_match(${v}, '[0-9]{6}')`];
		case 'integer': {
			// Only canonical text (`25`): the read-back test of the detailed path's fast branch.
			const p = `TRY_CAST(${v} AS INTEGER)`;
			return [p, [`CAST(${p} AS VARCHAR) = ${v}`, ...bounds(c, p)].join(' AND ')];
		}
		case 'number': {
			// The detailed path's first cast, when it is the one that applies.
			const p = dialect.decimalComma
				? `TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)`
				: `TRY_CAST(${v} AS DOUBLE)`;
			const plain = dialect.decimalComma
				? `NOT contains(${v}, '.') AND NOT contains(${v}, 'E+')`
				: `NOT contains(${v}, 'E+')`;
			return [p, [plain, `isfinite(${p})`, ...bounds(c, p)].join(' AND ')];
		}
		case 'date': {
			const p = `TRY_CAST(${v} AS DATE)`;
			return [p, `${p} BETWEEN ${MIN_DATE} AND ${MAX_DATE}`];
		}
		case 'timestamp': {
			const p = `TRY_CAST(TRY_CAST(trim(${v}) AS TIMESTAMPTZ) AS TIMESTAMP)`;
			return [p, `${p} >= ${MIN_DATE} AND ${p} < ${MAX_DATE}`];
		}
		default: {
			// boolean, round, period, url: the detailed path's own expression (it reads only the text).
			const t = typedExpr(c, v, 'NULL', dialect);
			return [t, `(${t}) IS NOT NULL`];
		}
	}
}

function defaultLiteral(c: ColumnSpec): string | null {
	if (c.default === undefined) return null;
	return typeof c.default === 'number' ? num(c.default) : lit(c.default);
}

/**
 * SELECT every column of the spec, typed as in the typed table (same names,
 * order and types), from a clean file; the first cell that is not clean
 * raises `NOT_CLEAN`. An empty cell is clean unless the column is required
 * without a default; an absent column gives its default.
 */
export function fastSelectSql(spec: DatasetSpec, source: FastSource): string {
	const fail = `error(${lit(NOT_CLEAN)})`;
	const cols = spec.columns.map((c) => {
		const type = SQL_TYPE[c.type];
		const def = defaultLiteral(c);
		const empty = def === null ? `CAST(NULL AS ${type})` : `CAST(${def} AS ${type})`;
		const s = source.mapping[c.name];
		if (s === undefined) return `${empty} AS ${id(c.name)}`;
		const v = id(s);
		const [value, clean] = cleanCell(c, v, source.dialect, source.readTypes?.[s]);
		const whenNull = c.required && def === null ? fail : empty;
		return `CASE WHEN ${v} IS NULL THEN ${whenNull} WHEN ${clean} THEN CAST(${value} AS ${type}) ELSE ${fail} END AS ${id(c.name)}`;
	});
	return `SELECT ${cols.join(',\n\t')}\nFROM ${source.from}`;
}

/**
 * Problems of a clean-read stage (`fastSelectSql` into `stage`) that need
 * other rows or tables, as counts: `rows` and `problems` (duplicate keys,
 * keys already loaded when appending, unknown references or indicators of the
 * wrong kind, broken cross-column rules, dates after `today`). One parameter:
 * `today`. `problems` = 0 and `rows` > 0: the detailed path would report nothing.
 */
export function fastCheckSql(
	spec: DatasetSpec,
	ctx: {
		stage: string;
		mode: 'replace' | 'append';
		/** ISO date: a later date is a warning (bound as the parameter). */
		today: string;
		target?: string;
		tables?: Partial<Record<'districts' | 'framework', string>>;
	}
): SqlQuery {
	const t = `${id(ctx.stage)} t`;
	const keyCols = spec.key.map(id).join(', ');
	const keyNotNull = spec.key.map((k) => `${id(k)} IS NOT NULL`).join(' AND ');
	const joins: string[] = [];
	const counts: string[] = [
		`(SELECT count(*) FROM (SELECT 1 FROM ${id(ctx.stage)} WHERE ${keyNotNull} GROUP BY ${keyCols} HAVING count(*) > 1))`
	];
	if (ctx.mode === 'append') {
		const target = id(ctx.target ?? spec.name);
		counts.push(
			`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${target} x WHERE ${keyMatch(spec, 'x', 't')}))`
		);
	}
	spec.columns.forEach((c, i) => {
		const col = `t.${id(c.name)}`;
		if (c.references) {
			const alias = `ref${i}`;
			joins.push(referenceJoin(c, ctx, alias));
			const kind = c.references.kind
				? ` OR ${alias}.kind IS DISTINCT FROM ${lit(c.references.kind)}`
				: '';
			counts.push(`count(*) FILTER (WHERE ${col} IS NOT NULL AND (${alias}.k IS NULL${kind}))`);
		}
		if (c.futureWarning) {
			counts.push(`count(*) FILTER (WHERE CAST(${col} AS DATE) > (SELECT today FROM params))`);
		}
	});
	for (const rule of spec.rules) counts.push(`count(*) FILTER (WHERE ${ruleViolation(rule)})`);
	for (const p of plausibilityChecks(spec.name)) {
		counts.push(`(SELECT count(*) FROM ${plausibilityFrom(p, ctx, t)})`);
	}
	const sql = `WITH params AS (SELECT CAST(? AS DATE) AS today)
SELECT count(*)::INTEGER AS rows, CAST(${counts.join(' + ')} AS INTEGER) AS problems
FROM ${t} ${joins.join(' ')}`;
	return { sql, params: [ctx.today] };
}
