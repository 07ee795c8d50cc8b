/**
 * Type inference for a generic table: a type guessed from a sample of each
 * column, then checked on every row in SQL. A column that keeps leading
 * zeros, mixes decimal separators, or looks numeric but holds some text
 * stays text, with a warning that names a value and its line.
 */
import { quoteLiteral } from '../../engine/sql';
import { numberShape, parseLocaleDate, parseLocaleNumber, type DateOrder } from '../sniff';
import { dateFormats, EXCEL_SCIENTIFIC, numberExpr, unmarkFormulaSql } from './sql/convert';
import type { IssueParams } from './issues';
import type { GenericType } from './report';

export type Candidate =
	| { type: 'VARCHAR' }
	| { type: 'BIGINT' }
	| { type: 'DOUBLE'; decimalComma: boolean }
	| { type: 'MIXED' }
	| { type: 'DATE'; order: DateOrder }
	| { type: 'TIMESTAMP'; order: DateOrder }
	| { type: 'BOOLEAN' };

const INTEGER = /^[-+]?\d+$/;
const TRUE_FALSE = new Set(['true', 'false', 'verdadero', 'falso']);
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/;
const WITH_TIME = /\d{1,2}:\d{2}/;

/**
 * Share of a sample that makes a column a candidate for a number type: values
 * that are numbers, or that look like mistyped ones (`300,0,00.40`). A column
 * of text with a few numbers in it stays text without a warning.
 */
const NUMBER_SHARE = 0.8;
/** Digits and separators only, but not a number. */
const NUMERIC_ISH = /^[-+]?[\d.,\s]*\d[\d.,\s]*$/;

/** The type a sample of a column's (trimmed, non-empty) values suggests. */
export function guessType(values: readonly string[], fileDecimalComma: boolean): Candidate {
	if (values.length === 0) return { type: 'VARCHAR' };
	if (values.every((v) => INTEGER.test(v))) return { type: 'BIGINT' };
	let comma = 0;
	let dot = 0;
	let numbers = 0;
	let numericIsh = 0;
	for (const v of values) {
		if (parseLocaleNumber(v, fileDecimalComma) === null) {
			if (NUMERIC_ISH.test(v)) numericIsh++;
			continue;
		}
		numbers++;
		const shape = numberShape(v);
		if (shape === 'comma') comma++;
		else if (shape === 'dot') dot++;
	}
	if (numbers > 0 && numbers + numericIsh >= NUMBER_SHARE * values.length) {
		if (comma > 0 && dot > 0) return { type: 'MIXED' };
		return { type: 'DOUBLE', decimalComma: comma > 0 ? true : dot > 0 ? false : fileDecimalComma };
	}
	if (values.every((v) => TRUE_FALSE.has(v.toLowerCase()))) return { type: 'BOOLEAN' };
	const dateOrder = (): DateOrder => {
		let dmy = false;
		let mdy = false;
		for (const v of values) {
			const m = SLASHED.exec(v);
			if (!m) continue;
			if (Number(m[1]) > 12) dmy = true;
			if (Number(m[2]) > 12) mdy = true;
		}
		return mdy && !dmy ? 'mdy' : 'dmy';
	};
	const order = dateOrder();
	if (values.every((v) => parseLocaleDate(v.replace(/\./g, '/'), order) !== null)) {
		return { type: 'DATE', order };
	}
	if (
		values.every((v) => WITH_TIME.test(v)) &&
		values.every((v) => parseLocaleDate(v.split(/[ T]/)[0].replace(/\./g, '/'), order) !== null)
	) {
		return { type: 'TIMESTAMP', order };
	}
	return { type: 'VARCHAR' };
}

/** `01-01-2000 02:15:00 PM`: a 12-hour clock, as US-locale spreadsheets write it. */
function twelveHourFormats(order: DateOrder): string {
	const [a, b] = order === 'mdy' ? ['%m', '%d'] : ['%d', '%m'];
	const dates = ['/', '-', '.'].map((s) => `${a}${s}${b}${s}%Y`);
	const times = [' %I:%M:%S %p', ' %I:%M %p'];
	return `[${dates.flatMap((d) => times.map((t) => quoteLiteral(d + t))).join(', ')}]`;
}

/** SQL turning the text column `c` into `candidate`'s type; NULL where it does not convert. */
function typedSql(c: string, candidate: Candidate): string {
	const t = `trim(${c})`;
	switch (candidate.type) {
		case 'BIGINT':
			// No leading zeros: `09001` is a code, and a number would drop the zero.
			return `CASE WHEN regexp_full_match(${t}, '[-+]?(0|[1-9][0-9]{0,17})') THEN CAST(${t} AS BIGINT) END`;
		case 'DOUBLE':
			return `CASE WHEN isfinite(${numberExpr(c, candidate.decimalComma)}) THEN ${numberExpr(c, candidate.decimalComma)} END`;
		case 'DATE':
			return `COALESCE(TRY_CAST(CASE WHEN regexp_full_match(${t}, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}') THEN ${t} END AS DATE),
				TRY_CAST(try_strptime(${t}, ${dateFormats(candidate.order)}) AS DATE))`;
		case 'TIMESTAMP':
			return `COALESCE(TRY_CAST(TRY_CAST(CASE WHEN regexp_matches(${t}, '^[0-9]{4}-') THEN ${t} END AS TIMESTAMPTZ) AS TIMESTAMP),
				try_strptime(${t}, ${dateFormats(candidate.order)}),
				try_strptime(${t}, ${twelveHourFormats(candidate.order)}))`;
		case 'BOOLEAN':
			return `CASE WHEN lower(${t}) IN ('true', 'verdadero') THEN true WHEN lower(${t}) IN ('false', 'falso') THEN false END`;
		default:
			return unmarkFormulaSql(c);
	}
}

/** The final expression of a column: typed, text kept as written (formula mark undone). */
export function columnSql(c: string, type: GenericType, candidate: Candidate): string {
	if (type === 'VARCHAR') return unmarkFormulaSql(c);
	return `CAST(${typedSql(c, candidate)} AS ${type})`;
}

/**
 * The aggregates that check a column's guess on every row (named with the
 * column's index `i`): values that do not convert, leading zeros, mixed
 * decimal separators, Excel's scientific notation, ambiguous thousands.
 */
export function typeChecks(col: string, i: number, cand: Candidate): string[] {
	const nonEmpty = `${col} IS NOT NULL AND trim(${col}) <> ''`;
	if (cand.type === 'VARCHAR') return [];
	if (cand.type === 'MIXED') {
		const comma = `regexp_full_match(trim(${col}), '[-+]?[0-9]+,[0-9]+')`;
		const dot = `regexp_full_match(trim(${col}), '[-+]?[0-9]+\\.[0-9]+')`;
		return [
			`arg_min(${col}, __row) FILTER (WHERE ${comma}) AS a${i}`,
			`min(__row) FILTER (WHERE ${comma}) AS al${i}`,
			`arg_min(${col}, __row) FILTER (WHERE ${dot}) AS b${i}`,
			`min(__row) FILTER (WHERE ${dot}) AS bl${i}`
		];
	}
	const bad = `${nonEmpty} AND (${typedSql(col, cand)}) IS NULL`;
	const check = [
		`count(*) FILTER (WHERE ${bad})::INTEGER AS bad${i}`,
		`arg_min(${col}, __row) FILTER (WHERE ${bad}) AS badv${i}`,
		`min(__row) FILTER (WHERE ${bad}) AS badl${i}`
	];
	if (cand.type === 'BIGINT') {
		const zero = `regexp_full_match(trim(${col}), '[-+]?0[0-9]+')`;
		check.push(
			`count(*) FILTER (WHERE ${zero})::INTEGER AS zero${i}`,
			`arg_min(${col}, __row) FILTER (WHERE ${zero}) AS zerov${i}`,
			`min(__row) FILTER (WHERE ${zero}) AS zerol${i}`
		);
	}
	if (cand.type === 'DOUBLE') {
		const sci = `regexp_full_match(trim(${col}), ${quoteLiteral(EXCEL_SCIENTIFIC)})`;
		// `5.555` with a decimal comma (or `5,555` with a point) is read as thousands.
		const grouped = `regexp_full_match(trim(${col}), ${quoteLiteral(cand.decimalComma ? '[-+]?[1-9][0-9]{0,2}\\.[0-9]{3}' : '[-+]?[1-9][0-9]{0,2},[0-9]{3}')})`;
		check.push(
			`arg_min(${col}, __row) FILTER (WHERE ${sci}) AS sciv${i}`,
			`min(__row) FILTER (WHERE ${sci}) AS scil${i}`,
			`arg_min(${col}, __row) FILTER (WHERE ${grouped}) AS grpv${i}`,
			`min(__row) FILTER (WHERE ${grouped}) AS grpl${i}`
		);
	}
	return check;
}

/** A warning about a column's values: code, message key, parameters and line. */
export interface TypeWarning {
	code: string;
	key: string;
	params: IssueParams;
	line: number | null;
}

const VALUE_MAX = 60;
function shorten(value: string): string {
	return value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value;
}

/**
 * The column's final type, from its guess and what `typeChecks` found
 * (`found`), with the warnings to give. `lineOf` turns a stage row into its
 * line in the file.
 */
export async function columnVerdict(
	c: string,
	i: number,
	cand: Candidate,
	found: Record<string, unknown>,
	lineOf: (row: number) => Promise<number>
): Promise<{ type: GenericType; warnings: TypeWarning[] }> {
	const warnings: TypeWarning[] = [];
	/** A warning about one value of the column, at its line. */
	const warnValue = (
		code: string,
		key: string,
		value: string,
		line: number,
		more: IssueParams = {}
	) =>
		warnings.push({
			code,
			key: `import.table.${key}`,
			params: { column: c, value, line, ...more },
			line
		});
	if (cand.type === 'MIXED') {
		warnings.push({
			code: 'text_mixed_decimals',
			key: 'import.table.mixed_decimals',
			params: {
				comma: String(found[`a${i}`]),
				commaLine: await lineOf(Number(found[`al${i}`])),
				dot: String(found[`b${i}`]),
				dotLine: await lineOf(Number(found[`bl${i}`]))
			},
			line: null
		});
		return { type: 'VARCHAR', warnings };
	}
	if (cand.type === 'VARCHAR') return { type: 'VARCHAR', warnings };
	const bad = Number(found[`bad${i}`] ?? 0);
	const zero = Number(found[`zero${i}`] ?? 0);
	if (cand.type === 'BIGINT' && zero > 0) {
		const line = await lineOf(Number(found[`zerol${i}`]));
		warnValue('text_leading_zeros', 'leading_zeros', String(found[`zerov${i}`]).trim(), line);
		return { type: 'VARCHAR', warnings };
	}
	if (bad > 0) {
		const line = await lineOf(Number(found[`badl${i}`]));
		const key = cand.type === 'DOUBLE' || cand.type === 'BIGINT' ? 'not_numbers' : 'not_dates';
		warnValue(`text_${key}`, key, shorten(String(found[`badv${i}`])), line, { count: bad });
		return { type: 'VARCHAR', warnings };
	}
	if (cand.type === 'DOUBLE') {
		if (found[`scil${i}`] != null) {
			const line = await lineOf(Number(found[`scil${i}`]));
			warnValue('excel_scientific', 'excel_scientific', String(found[`sciv${i}`]).trim(), line);
		}
		if (found[`grpl${i}`] != null) {
			const line = await lineOf(Number(found[`grpl${i}`]));
			const value = String(found[`grpv${i}`]).trim();
			warnValue('ambiguous_thousands', 'ambiguous_thousands', value, line, {
				read: String(parseLocaleNumber(value, cand.decimalComma)),
				separator: cand.decimalComma ? '.' : ','
			});
		}
	}
	return { type: cand.type, warnings };
}
