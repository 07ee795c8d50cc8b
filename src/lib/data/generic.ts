/**
 * Generic tables: any CSV, not only the contract's datasets, loaded as an
 * extra table for the SQL explorer, under a safe name.
 *
 * Same first steps as the datasets (source.ts: decode, sniff, NUL and
 * encoding checks, DuckDB's strict reader with an explicit dialect). Then the
 * columns get types a person would expect: whole numbers, decimals (with the
 * column's own decimal separator), dates, booleans; everything else stays
 * text. Nothing is damaged silently: a column that keeps leading zeros, that
 * mixes decimal separators, or that looks numeric but holds some text stays
 * text, with a warning that names a value and its line.
 */
import { EngineError, type Engine } from '../engine/types';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import { engineFile } from '../engine/settings';
import { tr, type Locale } from '../i18n';
import type { Encoding } from './decode';
import {
	countKinds,
	recordStartLines,
	PREVIEW_ROWS,
	type IssueKind,
	type Preview
} from './pipeline';
import { normalizeHeader } from './schema';
import {
	detectHeader,
	numberShape,
	parseLocaleDate,
	parseLocaleNumber,
	readRecords,
	type DateOrder,
	type Delimiter
} from './sniff';
import {
	countLines,
	errorText,
	firstRecordUnclosed,
	isOutOfMemory,
	makeIssue,
	memoryIssue,
	readSource,
	RegisteredSource,
	UnknownEncodingError,
	type CsvSource,
	type ImportIssue,
	type Severity
} from './source';
import { TABLE_MAX_COLUMNS } from './shape';
import { DATASET_NAMES } from './tables';
import { dateFormats, EXCEL_SCIENTIFIC, numberExpr, unmarkFormulaSql } from './validate-sql';

export type GenericType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN';

export interface GenericColumn {
	/** Column name in the table (the header, trimmed and made unique). */
	name: string;
	/** The header cell as written in the file ('' when there is none). */
	header: string;
	type: GenericType;
}

export interface TableReport {
	file: string;
	/** The table's name in DuckDB (safe: `[a-z0-9_]`, no clash with the contract's tables). */
	table: string;
	encoding: Encoding;
	delimiter: Delimiter;
	decimalComma: boolean;
	/** Whether the first row was read as the header. */
	header: boolean;
	/** Data rows read. */
	rows: number;
	/** Rows in the table after the load (0 until committed). */
	loaded: number;
	columns: GenericColumn[];
	issues: ImportIssue[];
	errors: number;
	warnings: number;
	omitted: number;
	/** Totals by kind of problem. */
	kinds: IssueKind[];
}

export interface TableImportOptions {
	fileName: string;
	bytes: Uint8Array;
	locale: Locale;
	/** Table name wanted (sanitised); default from the file name. */
	name?: string;
	/** Names that must not be taken (besides the contract's tables and `__…`). */
	reserved?: readonly string[];
	encoding?: Encoding;
	delimiter?: Delimiter;
	/** Whether the first row is the header; default: guessed (`detectHeader`). */
	header?: boolean;
	/** Keep every column as text (no type inference). */
	allText?: boolean;
	/** The messages are for the command line (`npm run validate`), not the page. */
	cli?: boolean;
	onStep?: (step: TableStep) => void;
	/** Called with the first rows as soon as they are read (before the slow steps). */
	onPreview?: (preview: Preview) => void;
	pause?: () => Promise<void>;
}

export type TableStep = 'decode' | 'sniff' | 'stage' | 'types' | 'load' | 'done';

/** Longest table name (DuckDB has no limit; this keeps the explorer readable). */
const MAX_NAME = 48;

/**
 * A safe table name from a file name: lower case, no accents, `[a-z0-9_]`
 * only, not starting with a digit, never one of the contract's tables, an
 * internal `__` name, or any of `reserved`; a clash gets `_2`, `_3`, ….
 */
export function safeTableName(wanted: string, reserved: readonly string[] = []): string {
	const stem = wanted.replace(/\.(csv|tsv|txt)$/i, '');
	let base = normalizeHeader(stem)
		.replace(/[^a-z0-9_]+/g, '_')
		.replace(/_+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, MAX_NAME)
		.replace(/_+$/, '');
	if (base === '') base = 'tabla';
	if (/^[0-9]/.test(base)) base = `t_${base}`;
	const taken = new Set([...DATASET_NAMES, ...reserved.map((r) => r.toLowerCase())]);
	let name = base;
	for (let k = 2; taken.has(name) || SQL_RESERVED.has(name); k++) name = `${base}_${k}`;
	return name;
}

/** Words that would need quotes in the SQL console if used as a table name. */
const SQL_RESERVED = new Set(
	(
		'all analyse analyze and any array as asc asymmetric both case cast check collate column ' +
		'constraint create default deferrable desc describe distinct do else end except false fetch ' +
		'for foreign from grant group having in initially intersect into lateral leading limit ' +
		'offset on only or order pivot placing primary qualify references returning select show ' +
		'some summarize symmetric table then to trailing true union unique unpivot using variadic ' +
		'when where window with'
	).split(' ')
);

/** Column names: the header trimmed, empty → `columnN` (from 1), repeats → `name_2`, …. */
export function columnNames(header: readonly string[] | null, count: number): string[] {
	const seen = new Set<string>(['__row']);
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const raw = (header?.[i] ?? '').trim().replace(/\0/g, '');
		const base = raw === '' ? `column${i + 1}` : raw;
		let name = base;
		for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
		seen.add(name.toLowerCase());
		out.push(name);
	}
	return out;
}

// ---------------------------------------------------------------------------
// Types

type Candidate =
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
function columnSql(c: string, type: GenericType, candidate: Candidate): string {
	if (type === 'VARCHAR') return unmarkFormulaSql(c);
	return `CAST(${typedSql(c, candidate)} AS ${type})`;
}

// ---------------------------------------------------------------------------
// prepareTable / importTable

export interface PreparedTable {
	readonly report: TableReport;
	readonly preview: Preview;
	readonly loadable: boolean;
	/** Create (or replace) the table; releases the stage. */
	commit(): Promise<TableReport>;
	discard(): Promise<void>;
}

/** Columns whose checks are asked in one query (see `aggregate`). */
const AGGREGATE_COLUMNS = 16;

/** Values sampled per column to guess its type (the whole column is then checked in SQL). */
const SAMPLE = 5000;

let sequence = 0;

class TableImporter implements PreparedTable {
	readonly report: TableReport;
	preview: Preview = { columns: [], rows: [] };
	loadable = false;
	private readonly n = ++sequence;
	private readonly names = {
		file: engineFile(`__table_${this.n}.csv`),
		stage: `__table_stage_${this.n}`
	};
	private reg: RegisteredSource | null = null;
	private src: CsvSource | null = null;
	private selects: string[] = [];
	private released = false;

	constructor(
		private readonly engine: Engine,
		private readonly opts: TableImportOptions
	) {
		this.report = {
			file: opts.fileName,
			table: safeTableName(opts.name ?? opts.fileName, opts.reserved),
			encoding: 'utf-8',
			delimiter: ',',
			decimalComma: false,
			header: true,
			rows: 0,
			loaded: 0,
			columns: [],
			issues: [],
			errors: 0,
			warnings: 0,
			omitted: 0,
			kinds: []
		};
	}

	private step(s: TableStep) {
		this.opts.onStep?.(s);
	}

	private issue(
		severity: Severity,
		code: string,
		key: string,
		params: Record<string, string | number> = {},
		line: number | null = null,
		column: string | null = null
	) {
		this.report.issues.push(
			makeIssue(this.opts.locale, this.opts.fileName, severity, code, key, params, line, column)
		);
		if (severity === 'error') this.report.errors++;
		else this.report.warnings++;
		this.report.kinds = countKinds(this.report.issues);
	}

	private async fail(error: unknown): Promise<this> {
		this.loadable = false;
		if (error instanceof UnknownEncodingError) {
			this.issue('error', 'encoding_unknown', 'import.file.encoding_unknown');
		} else if (
			error instanceof EngineError &&
			(error.kind === 'crashed' || error.kind === 'timeout')
		) {
			this.issue('error', 'engine_stopped', 'import.file.engine_stopped');
		} else if (isOutOfMemory(error)) {
			this.report.issues.push(memoryIssue(this.opts.locale, this.opts.fileName, this.opts.cli));
			this.report.errors++;
			this.report.kinds = countKinds(this.report.issues);
		} else if (this.reg) {
			const failure = await this.reg.failure(this.opts.locale, error, this.opts.cli);
			this.report.issues.push(failure);
			this.report.errors++;
			this.report.kinds = countKinds(this.report.issues);
		} else {
			throw error;
		}
		await this.release();
		return this;
	}

	async prepare(): Promise<this> {
		const { engine, opts, names } = this;
		const q = quoteIdent;
		const r = this.report;

		this.step('decode');
		const src = await readSource({
			fileName: opts.fileName,
			bytes: opts.bytes,
			locale: opts.locale,
			encoding: opts.encoding,
			delimiter: opts.delimiter,
			pause: opts.pause,
			maxColumns: TABLE_MAX_COLUMNS
		});
		this.src = src;
		r.encoding = src.encoding;
		for (const i of src.issues) {
			r.issues.push(i);
			if (i.severity === 'error') r.errors++;
			else r.warnings++;
		}
		r.kinds = countKinds(r.issues);
		if (src.fatal) {
			this.step('done');
			return this;
		}

		this.step('sniff');
		r.delimiter = src.dialect.delimiter;
		r.decimalComma = src.dialect.decimalComma;
		const records = readRecords(src.headText, src.dialect.delimiter, 51);
		if (records.length === 0) {
			this.issue('error', 'file_no_header', 'import.table.empty');
			this.step('done');
			return this;
		}
		if (firstRecordUnclosed(src.headText, src.dialect.delimiter)) {
			const line = 1 + src.skip;
			this.issue(
				'error',
				'file_unreadable',
				'import.file.unreadable',
				{ reason: tr(opts.locale, 'import.csv.quote'), line },
				line
			);
			this.step('done');
			return this;
		}
		const header = opts.header ?? detectHeader(records);
		r.header = header;
		const width = records[0].length;
		const columns = columnNames(header ? records[0] : null, width);
		const renamed = header
			? columns.filter((c, i) => c !== records[0][i].trim() || records[0][i].trim() === '')
			: [];
		this.preview = {
			columns,
			rows: records.slice(header ? 1 : 0, (header ? 1 : 0) + PREVIEW_ROWS)
		};
		opts.onPreview?.(this.preview);

		this.step('stage');
		const reg = new RegisteredSource(engine, src, names.file, opts.encoding, opts.pause);
		this.reg = reg;
		let rows: number;
		try {
			await reg.register();
			await reg.read(() =>
				engine.exec(`CREATE OR REPLACE TABLE ${q(names.stage)} AS
SELECT CAST(row_number() OVER () AS INTEGER) AS __row, *
FROM ${reg.readCsv(columns, header, true)}`)
			);
			// Blank lines are not data (DuckDB keeps them in a one-column file).
			await engine.exec(
				`DELETE FROM ${q(names.stage)} WHERE ${columns.map((c) => `${q(c)} IS NULL`).join(' AND ')}`
			);
			[{ n: rows }] = (await engine.query(
				`SELECT count(*)::INTEGER AS n FROM ${q(names.stage)}`
			)) as { n: number }[];
		} catch (error) {
			return this.fail(error);
		}
		r.encoding = src.encoding;
		r.rows = rows;
		if (rows === 0) this.issue('warning', 'file_empty', 'import.table.no_rows');

		this.step('types');
		try {
			await this.inferTypes(columns, header ? records[0] : null, renamed);
		} catch (error) {
			return this.fail(error);
		}
		this.loadable = true;
		return this;
	}

	/**
	 * One row of aggregates over the stage, given per column, asked a few
	 * columns at a time: DuckDB's memory for one ungrouped aggregate with a
	 * FILTER on each of its expressions grows with expressions × columns, and
	 * a single query over 64 numeric columns ran out of memory.
	 */
	private async aggregate(perColumn: readonly string[][]): Promise<Record<string, unknown>> {
		const out: Record<string, unknown> = {};
		for (let at = 0; at < perColumn.length; at += AGGREGATE_COLUMNS) {
			const exprs = perColumn.slice(at, at + AGGREGATE_COLUMNS).flat();
			if (exprs.length === 0) continue;
			const [row] = await this.engine.query(
				`SELECT ${exprs.join(',\n')} FROM ${quoteIdent(this.names.stage)}`
			);
			Object.assign(out, row);
		}
		return out;
	}

	/** Line in the file of stage row `row` (DuckDB's record number, 1-based). */
	private async lineOf(row: number): Promise<number> {
		const src = this.src as CsvSource;
		const reg = this.reg as RegisteredSource;
		const offset = (this.report.header ? 1 : 0) + src.skip;
		const data = src.buffer ?? src.text ?? '';
		if (countLines(data) === this.report.rows + offset) return row + offset;
		this.starts ??= await recordStartLines(
			await reg.fullText(),
			src.dialect.delimiter,
			this.preview.columns.length === 1,
			this.opts.pause,
			this.report.header
		);
		return this.starts[row - 1] ?? row + offset;
	}
	private starts: number[] | undefined;

	private async inferTypes(columns: string[], header: string[] | null, renamed: string[]) {
		const { engine, names, opts } = this;
		const q = quoteIdent;
		const r = this.report;
		const decimalComma = r.decimalComma;

		// Unnamed columns that are empty on every row: the `;;;` Excel leaves at the end of lines.
		const emptyCounts = await this.aggregate(
			columns.map((c, i) => [
				`count(*) FILTER (WHERE ${q(c)} IS NOT NULL AND ${q(c)} <> '')::INTEGER AS c${i}`
			])
		);
		const droppable = (i: number) =>
			(header === null || (header[i] ?? '').trim() === '') && emptyCounts[`c${i}`] === 0;
		const keep = columns.map(() => true);
		// Only a run at the end of the row; an empty column in the middle is kept where it is.
		for (let i = columns.length - 1; i > 0 && r.rows > 0 && droppable(i); i--) keep[i] = false;
		const dropped = keep.filter((k) => !k).length;
		if (dropped > 0) {
			this.issue('warning', 'columns_empty_dropped', 'import.table.empty_dropped', {
				count: dropped
			});
		}
		const kept = columns.filter((_, i) => keep[i]);
		const shownRenamed = renamed.filter((c) => kept.includes(c));
		if (shownRenamed.length > 0) {
			this.issue('warning', 'columns_renamed', 'import.table.renamed', {
				columns: shownRenamed.join(', ')
			});
		}

		// Guess from a sample, then check the guess on every row.
		const sample = opts.allText
			? null
			: await engine.queryColumns(
					`SELECT ${kept.map((c) => q(c)).join(', ')} FROM ${q(names.stage)} ORDER BY __row LIMIT ${SAMPLE}`
				);
		const candidates: Candidate[] = kept.map((_, i) => {
			if (!sample) return { type: 'VARCHAR' };
			const values = sample.columns[i]
				.map((v) => (v === null ? '' : String(v).trim()))
				.filter((v) => v !== '');
			return guessType(values, decimalComma);
		});

		const checks: string[][] = kept.map(() => []);
		kept.forEach((c, i) => {
			const cand = candidates[i];
			const col = q(c);
			const nonEmpty = `${col} IS NOT NULL AND trim(${col}) <> ''`;
			const check = checks[i];
			if (cand.type === 'VARCHAR') return;
			if (cand.type === 'MIXED') {
				const comma = `regexp_full_match(trim(${col}), '[-+]?[0-9]+,[0-9]+')`;
				const dot = `regexp_full_match(trim(${col}), '[-+]?[0-9]+\\.[0-9]+')`;
				check.push(
					`arg_min(${col}, __row) FILTER (WHERE ${comma}) AS a${i}`,
					`min(__row) FILTER (WHERE ${comma}) AS al${i}`,
					`arg_min(${col}, __row) FILTER (WHERE ${dot}) AS b${i}`,
					`min(__row) FILTER (WHERE ${dot}) AS bl${i}`
				);
				return;
			}
			const bad = `${nonEmpty} AND (${typedSql(col, cand)}) IS NULL`;
			check.push(
				`count(*) FILTER (WHERE ${bad})::INTEGER AS bad${i}`,
				`arg_min(${col}, __row) FILTER (WHERE ${bad}) AS badv${i}`,
				`min(__row) FILTER (WHERE ${bad}) AS badl${i}`
			);
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
		});
		const found = await this.aggregate(checks);

		const types: GenericType[] = [];
		for (const [i, c] of kept.entries()) {
			const cand = candidates[i];
			let type: GenericType = cand.type === 'MIXED' ? 'VARCHAR' : cand.type;
			if (cand.type === 'MIXED') {
				this.issue(
					'warning',
					'text_mixed_decimals',
					'import.table.mixed_decimals',
					{
						comma: String(found[`a${i}`]),
						commaLine: await this.lineOf(Number(found[`al${i}`])),
						dot: String(found[`b${i}`]),
						dotLine: await this.lineOf(Number(found[`bl${i}`]))
					},
					null,
					c
				);
			} else if (cand.type !== 'VARCHAR') {
				const bad = Number(found[`bad${i}`] ?? 0);
				const zero = Number(found[`zero${i}`] ?? 0);
				if (cand.type === 'BIGINT' && zero > 0) {
					type = 'VARCHAR';
					const line = await this.lineOf(Number(found[`zerol${i}`]));
					this.issue(
						'warning',
						'text_leading_zeros',
						'import.table.leading_zeros',
						{ column: c, value: String(found[`zerov${i}`]).trim(), line },
						line,
						c
					);
				} else if (bad > 0) {
					type = 'VARCHAR';
					const line = await this.lineOf(Number(found[`badl${i}`]));
					const key =
						cand.type === 'DOUBLE' || cand.type === 'BIGINT' ? 'not_numbers' : 'not_dates';
					this.issue(
						'warning',
						`text_${key}`,
						`import.table.${key}`,
						{ column: c, value: shorten(String(found[`badv${i}`])), line, count: bad },
						line,
						c
					);
				} else if (cand.type === 'DOUBLE') {
					if (found[`scil${i}`] != null) {
						const line = await this.lineOf(Number(found[`scil${i}`]));
						this.issue(
							'warning',
							'excel_scientific',
							'import.table.excel_scientific',
							{ column: c, value: String(found[`sciv${i}`]).trim(), line },
							line,
							c
						);
					}
					if (found[`grpl${i}`] != null) {
						const line = await this.lineOf(Number(found[`grpl${i}`]));
						const value = String(found[`grpv${i}`]).trim();
						this.issue(
							'warning',
							'ambiguous_thousands',
							'import.table.ambiguous_thousands',
							{
								column: c,
								value,
								line,
								read: String(parseLocaleNumber(value, cand.decimalComma)),
								separator: cand.decimalComma ? '.' : ','
							},
							line,
							c
						);
					}
				}
			}
			types.push(type);
		}

		r.columns = kept.map((name, i) => ({
			name,
			header: header?.[columns.indexOf(name)] ?? '',
			type: types[i]
		}));
		this.selects = kept.map((c, i) => `${columnSql(q(c), types[i], candidates[i])} AS ${q(c)}`);
	}

	async commit(): Promise<TableReport> {
		if (!this.loadable || this.released) {
			await this.release();
			return this.report;
		}
		const { engine, names } = this;
		const q = quoteIdent;
		this.step('load');
		try {
			await engine.exec(`CREATE OR REPLACE TABLE ${q(this.report.table)} AS
SELECT ${this.selects.join(',\n\t')} FROM ${q(names.stage)} ORDER BY __row`);
			const [{ n }] = await engine.query(
				`SELECT count(*)::INTEGER AS n FROM ${q(this.report.table)}`
			);
			this.report.loaded = Number(n);
		} catch (error) {
			if (/__table_stage_\d+/.test(errorText(error)) && /does not exist/i.test(errorText(error))) {
				// The engine restarted since the file was staged: stage it again.
				const again = await new TableImporter(engine, this.opts).prepare();
				return again.commit();
			}
			this.report.loaded = 0;
			await this.fail(error);
			return this.report;
		} finally {
			await this.release();
		}
		return this.report;
	}

	async discard(): Promise<void> {
		await this.release();
	}

	private async release(): Promise<void> {
		if (this.released) return;
		this.released = true;
		await this.engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(this.names.stage)}`).catch(() => {});
		await this.reg?.drop();
		this.step('done');
	}
}

const VALUE_MAX = 60;
function shorten(value: string): string {
	return value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value;
}

/**
 * Reads, stages and types a CSV file as a generic table without creating it.
 * Never throws for bad content: `loadable` is false and the report says why.
 */
export async function prepareTable(
	engine: Engine,
	opts: TableImportOptions
): Promise<PreparedTable> {
	return new TableImporter(engine, opts).prepare();
}

/** Loads any CSV file as a table named `report.table` (created or replaced). */
export async function importTable(engine: Engine, opts: TableImportOptions): Promise<TableReport> {
	return (await prepareTable(engine, opts)).commit();
}
