/**
 * The CSV import pipeline (DESIGN.md §8) on any `Engine` (browser worker or
 * Node): decode → sniff → stage → map headers → validate → load → clean up.
 *
 * Data never becomes row objects in JS: the file is registered with DuckDB
 * and read by `read_csv`; conversion, validation and load are a few set-based
 * SQL statements (validate-sql.ts). JS only decodes the head of a UTF-8 file
 * (the whole file for other encodings), reads the header record, counts line
 * breaks, and receives the (capped) list of issues.
 */
import { EngineError, type Engine } from '../engine/types';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import { tr, type Locale } from '../i18n';
import { decodeBytes, type Encoding } from './decode';
import { datasetFromFileName, detectDataset, mapHeaders } from './detect';
import { DATASET_SPECS, columnSpec, type DatasetSpec } from './schema';
import { sniffDialect, type DateOrder, type Delimiter } from './sniff';
import {
	createTablesSql,
	DATASET_NAMES,
	REQUIRED_DATASETS,
	TABLE_DDL,
	type DatasetName
} from './tables';
import {
	codeShareSql,
	deleteErrorsSql,
	issueCountsSql,
	issuesSql,
	loadSql,
	rawColumns,
	swapInSql,
	tableColumnsSql,
	tableConstraintsSql,
	typedSelectSql,
	type TableShape
} from './validate-sql';

export type Severity = 'error' | 'warning';

export interface ImportIssue {
	file: string;
	/** Line in the file (header = 1); null for a problem with the whole file. */
	line: number | null;
	/** The column as named in the file (or the canonical name when it is absent). */
	column: string | null;
	severity: Severity;
	code: string;
	/** Translated: what is wrong and what to do. */
	message: string;
}

export interface ImportReport {
	file: string;
	dataset: DatasetName | null;
	encoding: Encoding;
	delimiter: Delimiter;
	decimalComma: boolean;
	dateOrder: DateOrder | null;
	/** Data rows read (the header excluded). */
	rows: number;
	/** Rows inserted into the typed table. */
	loaded: number;
	/** Headers of the file (made unique: a repeated name gets `_1`, an empty one `columnN`). */
	columns: string[];
	/** Canonical column → header of the file. */
	mapping: Record<string, string>;
	/** Required canonical columns not found. */
	missing: string[];
	/** The first `maxIssues` issues, by line. */
	issues: ImportIssue[];
	/** Total counts (also of issues left out of `issues`). */
	errors: number;
	warnings: number;
	/** Issues counted but not listed (beyond `maxIssues`). */
	omitted: number;
}

export interface ImportOptions {
	fileName: string;
	bytes: Uint8Array;
	/** Import as this dataset. Otherwise: by file name (`districts.csv`, …), then by headers. */
	dataset?: DatasetName;
	/** 'replace' empties the typed table first; 'append' adds (keys checked against existing rows). */
	mode: 'replace' | 'append';
	/** ISO date: dates after it are flagged as "in the future". */
	today: string;
	locale: Locale;
	/** Skip encoding detection. */
	encoding?: Encoding;
	/** Canonical column → header, overriding the automatic mapping. */
	mapping?: Record<string, string>;
	/** Most issues listed in the report (all are counted). Default 10,000. */
	maxIssues?: number;
	/** Called as each step starts (for a progress display). */
	onStep?: (step: ImportStep) => void;
}

export type ImportStep = 'decode' | 'sniff' | 'stage' | 'map' | 'validate' | 'load' | 'done';

const DEFAULT_MAX_ISSUES = 10_000;

let sequence = 0;

// ---------------------------------------------------------------------------
// Header record and line numbers (the only text scanning done in JS)

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Fields of the first record (RFC 4180 quoting), or null for an empty file. */
export function readHeader(text: string, delimiter: Delimiter): string[] | null {
	if (text.trim() === '') return null;
	const delim = delimiter.charCodeAt(0);
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		let value = '';
		if (text.charCodeAt(i) === QUOTE) {
			i++;
			for (;;) {
				const q = text.indexOf('"', i);
				if (q === -1) {
					value += text.slice(i);
					i = text.length;
					break;
				}
				value += text.slice(i, q);
				if (text.charCodeAt(q + 1) === QUOTE) {
					value += '"';
					i = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
		}
		const start = i;
		while (i < text.length) {
			const c = text.charCodeAt(i);
			if (c === delim || c === CR || c === LF) break;
			i++;
		}
		value += text.slice(start, i);
		fields.push(value);
		if (i < text.length && text.charCodeAt(i) === delim) {
			i++;
			continue;
		}
		return fields;
	}
}

/**
 * Staging column names: the headers, made unique without regard to case
 * (DuckDB names are case-insensitive). Empty → `columnN` (N from 0);
 * a repeat → `name_1`, `name_2`; `__line` is reserved.
 */
export function uniqueNames(headers: readonly string[]): string[] {
	const seen = new Set<string>(['__line']);
	return headers.map((h, i) => {
		const base = h === '' ? `column${i}` : h;
		let name = base;
		for (let k = 1; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
		seen.add(name.toLowerCase());
		return name;
	});
}

/**
 * The line on which each data record starts, read the way DuckDB reads the
 * file (quoted fields may span lines; blank lines are skipped unless the file
 * has a single column). Only used when the file has more lines than records + 1.
 */
export function recordStartLines(
	text: string,
	delimiter: Delimiter,
	singleColumn: boolean
): number[] {
	const delim = delimiter.charCodeAt(0);
	const n = text.length;
	const starts: number[] = [];
	let i = 0;
	let line = 1;
	let header = true;
	const eol = () => {
		if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
		else i++;
		line++;
	};
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === LF || c === CR) {
			if (singleColumn && !header) starts.push(line);
			eol();
			continue;
		}
		const startLine = line;
		let fieldStart = true;
		while (i < n) {
			const ch = text.charCodeAt(i);
			if (fieldStart && ch === QUOTE) {
				i++;
				for (;;) {
					const q = text.indexOf('"', i);
					const stop = q === -1 ? n : q;
					for (let j = i; j < stop; j++) {
						const x = text.charCodeAt(j);
						if (x === LF || (x === CR && text.charCodeAt(j + 1) !== LF)) line++;
					}
					if (q === -1) {
						i = n;
						break;
					}
					if (text.charCodeAt(q + 1) === QUOTE) {
						i = q + 2;
						continue;
					}
					i = q + 1;
					break;
				}
				fieldStart = false;
				continue;
			}
			if (ch === delim) {
				fieldStart = true;
				i++;
				continue;
			}
			if (ch === LF || ch === CR) break;
			fieldStart = false;
			i++;
		}
		if (header) header = false;
		else starts.push(startLine);
		if (i < n) eol();
	}
	return starts;
}

// ---------------------------------------------------------------------------
// Messages

const VALUE_MAX = 80;

function shorten(value: string | null): string {
	if (value === null) return '';
	return value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value;
}

function datasetLabel(locale: Locale, name: string): string {
	return tr(locale, `import.dataset.${name}`);
}

/** "ubigeo, participants_total (participantes)": canonical names with the first Spanish synonym. */
function columnList(spec: DatasetSpec, names: readonly string[]): string {
	return names
		.map((n) => {
			const syn = columnSpec(spec, n).synonyms[0];
			return syn ? `${n} (${syn})` : n;
		})
		.join(', ');
}

interface IssueRow {
	line: number;
	column: string;
	severity: Severity;
	code: string;
	value: string | null;
	detail: string | null;
}

function issueMessage(
	locale: Locale,
	spec: DatasetSpec,
	row: IssueRow,
	header: string,
	today: string
): string {
	const c = columnSpec(spec, row.column);
	const params: Record<string, string | number> = {
		column: header,
		value: shorten(row.value),
		detail: shorten(row.detail),
		today,
		dataset: datasetLabel(locale, spec.name)
	};
	let key = `import.issue.${row.code}`;
	switch (row.code) {
		case 'allowed':
			params.allowed = (c.allowed ?? []).join(', ');
			break;
		case 'range_min':
			params.min = c.min ?? 0;
			if (c.minExclusive) key = 'import.issue.range_min_exclusive';
			break;
		case 'range_max':
			params.max = c.max ?? 0;
			break;
		case 'reference':
			key = `import.issue.reference.${c.references?.dataset ?? 'districts'}`;
			break;
		case 'indicator_kind':
			params.expected = tr(locale, `import.kind.${c.references?.kind ?? 'policy'}`);
			params.actual = row.detail ? tr(locale, `import.kind.${row.detail}`) : '';
			break;
		case 'duplicate_existing':
			params.dataset = datasetLabel(locale, spec.name);
			break;
	}
	return tr(locale, key, params);
}

/** "CSV Error on Line: 3 … Expected Number of Columns: 2 Found: 3" → line and a translated reason. */
function csvErrorDetail(locale: Locale, message: string): { line: number | null; reason: string } {
	const lineMatch = /CSV Error on Line:\s*(\d+)/i.exec(message);
	const line = lineMatch ? Number(lineMatch[1]) : null;
	const cols = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(message);
	if (cols) {
		return {
			line,
			reason: tr(locale, 'import.csv.columns', { expected: cols[1], found: cols[2] })
		};
	}
	if (/unterminated quote/i.test(message)) return { line, reason: tr(locale, 'import.csv.quote') };
	if (/maximum line size/i.test(message))
		return { line, reason: tr(locale, 'import.csv.line_size') };
	const first = message.split('\n').find((l) => l.trim() !== '') ?? message;
	return { line, reason: first.replace(/^[A-Za-z ]+Error:\s*/, '') };
}

function errorText(error: unknown): string {
	if (error instanceof EngineError) return error.message;
	return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------
// importCsv

/** Bytes decoded in JS to sniff the dialect and read the header of a large file. */
const HEAD_BYTES = 256 * 1024;

/** The start of the file, cut after a line break so no character is split. */
function headOf(bytes: Uint8Array): Uint8Array {
	if (bytes.length <= HEAD_BYTES) return bytes;
	const lf = bytes.lastIndexOf(LF, HEAD_BYTES);
	return bytes.subarray(0, lf > 0 ? lf + 1 : HEAD_BYTES);
}

function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Number of lines before the trailing line breaks, counting LF (or CR for
 * old Mac files). Works on the text or, without decoding it, on UTF-8 bytes.
 */
function countLines(data: string | Uint8Array): number {
	const at = typeof data === 'string' ? (i: number) => data.charCodeAt(i) : (i: number) => data[i];
	const find =
		typeof data === 'string'
			? (c: number, from: number) => data.indexOf(String.fromCharCode(c), from)
			: (c: number, from: number) => data.indexOf(c, from);
	let end = data.length;
	while (end > 0 && (at(end - 1) === LF || at(end - 1) === CR)) end--;
	if (end === 0) return 0;
	let breaks = 0;
	for (let i = find(LF, 0); i !== -1 && i < end; i = find(LF, i + 1)) breaks++;
	if (breaks === 0) {
		for (let i = find(CR, 0); i !== -1 && i < end; i = find(CR, i + 1)) breaks++;
	}
	return breaks + 1;
}

/**
 * Imports one CSV file into its typed table and reports every problem.
 * Rows with an error are not loaded; rows with only warnings are. A file that
 * cannot be read, is not recognised, or lacks required columns loads nothing
 * and leaves the table as it was (also in 'replace' mode).
 *
 * How: the file is registered with DuckDB (as bytes when it is UTF-8, as
 * re-encoded text otherwise) and read through a view `read_csv(…, all text)`
 * numbered with `row_number()`. One INSERT converts it into a stage table
 * shaped like the typed table (`typedSelectSql`); validation scans the stage;
 * the load then either turns the stage into the typed table (replace, or an
 * empty table: rows with errors deleted, constraints restored, table swapped)
 * or inserts its valid rows (append). Each load is one transaction.
 */
export async function importCsv(engine: Engine, opts: ImportOptions): Promise<ImportReport> {
	const file = opts.fileName;
	const locale = opts.locale;
	const maxIssues = opts.maxIssues ?? DEFAULT_MAX_ISSUES;
	const step = (s: ImportStep) => opts.onStep?.(s);

	// 1. Decode: the head always; the whole file only when it is not UTF-8.
	step('decode');
	const bytes = opts.bytes;
	const headBytes = headOf(bytes);
	const head = decodeBytes(headBytes, opts.encoding);
	let encoding = head.encoding;
	let buffer: Uint8Array | null = null;
	let text: string | null = null;
	if (headBytes.length < bytes.length && (encoding === 'utf-8' || encoding === 'utf-8-bom')) {
		buffer = encoding === 'utf-8-bom' ? bytes.subarray(3) : bytes;
	} else {
		const full = headBytes.length < bytes.length ? decodeBytes(bytes, opts.encoding) : head;
		text = stripBom(full.text);
		encoding = full.encoding;
	}
	const headText = text ?? stripBom(head.text);

	// 2. Sniff.
	step('sniff');
	const dialect = sniffDialect(headText);

	const report: ImportReport = {
		file,
		dataset: opts.dataset ?? null,
		encoding,
		delimiter: dialect.delimiter,
		decimalComma: dialect.decimalComma,
		dateOrder: dialect.dateOrder,
		rows: 0,
		loaded: 0,
		columns: [],
		mapping: {},
		missing: [],
		issues: [],
		errors: 0,
		warnings: 0,
		omitted: 0
	};
	const fileIssue = (
		severity: Severity,
		code: string,
		key: string,
		params: Record<string, string | number> = {},
		line: number | null = null,
		column: string | null = null
	) => {
		report.issues.push({
			file,
			line,
			column,
			severity,
			code,
			message: tr(locale, key, { file, ...params })
		});
		if (severity === 'error') report.errors++;
		else report.warnings++;
	};
	const unreadable = (error: unknown) => {
		const { line, reason } = csvErrorDetail(locale, errorText(error));
		if (line === null) {
			fileIssue('error', 'file_unreadable', 'import.file.unreadable_noline', { reason });
		} else {
			fileIssue('error', 'file_unreadable', 'import.file.unreadable', { reason, line }, line);
		}
		return report;
	};

	const header = readHeader(headText, dialect.delimiter);
	if (header === null) {
		fileIssue('error', 'file_no_header', 'import.file.no_header');
		return report;
	}
	const columns = uniqueNames(header);
	report.columns = columns;

	const dataset = opts.dataset ?? datasetFromFileName(file) ?? detectDataset(columns);
	report.dataset = dataset;
	if (dataset === null) {
		fileIssue('error', 'dataset_unknown', 'import.dataset.unknown');
		return report;
	}
	const spec = DATASET_SPECS[dataset];
	const target = spec.name;

	const n = ++sequence;
	const fileRef = `__import_${n}.csv`;
	const source = `__source_${n}`;
	const stage = `__stage_${n}`;
	const issues = `__issues_${n}`;
	const lines = `__lines_${n}`;
	const linesRef = `__lines_${n}.csv`;
	const q = quoteIdent;

	/** Runs a statement that reads the file; on invalid UTF-8, decodes it in JS (Windows-1252) and retries. */
	const reading = async <T>(fn: () => Promise<T>): Promise<T> => {
		try {
			return await fn();
		} catch (error) {
			if (buffer === null || !/invalid unicode/i.test(errorText(error))) throw error;
			const full = decodeBytes(bytes, opts.encoding);
			text = stripBom(full.text);
			encoding = full.encoding;
			report.encoding = encoding;
			buffer = null;
			await engine.dropFile(fileRef);
			await engine.registerText(fileRef, text);
			return await fn();
		}
	};

	try {
		// 3. Stage: a view reading every column as text, in file order, with its line number.
		step('stage');
		if (buffer) await engine.registerBuffer(fileRef, buffer);
		else await engine.registerText(fileRef, text ?? '');
		const columnTypes = columns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ');
		await engine.exec(`CREATE OR REPLACE TEMP VIEW ${q(source)} AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS __line, *
FROM read_csv(${quoteLiteral(fileRef)}, header = true, auto_detect = false,
	delim = ${quoteLiteral(dialect.delimiter)}, quote = '"', escape = '"',
	strict_mode = true, columns = {${columnTypes}})`);

		// 4. Map headers.
		step('map');
		const m = mapHeaders(spec, columns, opts.mapping);
		for (const weak of m.weak) {
			const src = m.mapping[weak];
			const share = codeShareSql(source, src);
			let row;
			try {
				[row] = await reading(() => engine.query(share.sql, share.params));
			} catch (error) {
				return unreadable(error);
			}
			const codes = Number(row.codes);
			const nonEmpty = Number(row.nonEmpty);
			if (nonEmpty === 0 || codes / nonEmpty < 0.8) {
				delete m.mapping[weak];
				fileIssue(
					'warning',
					'column_not_codes',
					'import.columns.not_codes',
					{ header: src },
					null,
					src
				);
				if (columnSpec(spec, weak).required) m.missing.push(weak);
			}
		}
		report.mapping = Object.fromEntries(
			spec.columns.filter((c) => c.name in m.mapping).map((c) => [c.name, m.mapping[c.name]])
		);
		report.missing = spec.columns.filter((c) => m.missing.includes(c.name)).map((c) => c.name);
		if (report.missing.length > 0) {
			fileIssue('error', 'columns_missing', 'import.columns.missing', {
				columns: columnList(spec, report.missing),
				dataset: datasetLabel(locale, dataset)
			});
			return report;
		}
		for (const s of m.shadowed) {
			fileIssue(
				'warning',
				'column_duplicate',
				'import.columns.duplicate',
				{ header: s.header, column: s.column, source: m.mapping[s.column] },
				null,
				s.header
			);
		}

		// Convert once into the stage: the typed table's columns + __line + __raw_*.
		const helpers = ['__line', ...rawColumns(spec)];
		const ddl = TABLE_DDL[dataset].replace(/^CREATE TABLE /, 'CREATE TABLE IF NOT EXISTS ');
		await engine.exec(`${ddl};
CREATE OR REPLACE TABLE ${q(stage)} AS SELECT * FROM ${q(target)} LIMIT 0;
${helpers.map((h) => `ALTER TABLE ${q(stage)} ADD COLUMN ${q(h)} ${h === '__line' ? 'INTEGER' : 'VARCHAR'};`).join('\n')}`);
		const typed = typedSelectSql(spec, { staging: source, mapping: m.mapping, dialect });
		try {
			await reading(() =>
				engine.query(`INSERT INTO ${q(stage)} BY NAME ${typed.sql}`, typed.params)
			);
		} catch (error) {
			return unreadable(error);
		}
		const [{ n: rows }] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${q(stage)}`);
		report.rows = Number(rows);
		if (report.rows === 0) fileIssue('warning', 'file_empty', 'import.file.no_rows');

		// Line numbers: the record ordinal is right unless some records span lines or blank lines were skipped.
		if (countLines(buffer ?? text ?? '') !== report.rows + 1) {
			const full = text ?? stripBom(decodeBytes(bytes, opts.encoding).text);
			const starts = recordStartLines(full, dialect.delimiter, columns.length === 1);
			if (starts.length === report.rows) {
				await engine.registerText(linesRef, starts.join('\n'));
				await engine.exec(`CREATE OR REPLACE TEMP TABLE ${q(lines)} AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS ord, l
FROM read_csv(${quoteLiteral(linesRef)}, header = false, auto_detect = false, columns = {'l': 'INTEGER'});
UPDATE ${q(stage)} SET __line = x.l FROM ${q(lines)} x WHERE ${q(stage)}.__line = x.ord;`);
			} else {
				fileIssue('warning', 'lines_approximate', 'import.lines.approximate');
			}
		}

		// 5. Validate: set-based checks over the stage, into an issues table.
		step('validate');
		const check = issuesSql(spec, {
			staging: source,
			mapping: m.mapping,
			dialect,
			today: opts.today,
			mode: opts.mode,
			typedTable: stage
		});
		await engine.query(`CREATE OR REPLACE TEMP TABLE ${q(issues)} AS ${check.sql}`, check.params);
		const counts = issueCountsSql(issues);
		const [c] = await engine.query(counts.sql, counts.params);
		const errors = Number(c.errors);
		const warnings = Number(c.warnings);
		const errorLines = Number(c.errorLines);
		report.errors += errors;
		report.warnings += warnings;

		const room = Math.max(0, maxIssues - report.issues.length);
		const listed = await engine.query(
			`SELECT line, "column", severity, code, value, detail FROM ${q(issues)}
ORDER BY line, ord, code LIMIT ${room}`
		);
		report.omitted = errors + warnings - listed.length;
		for (const r of listed as unknown as IssueRow[]) {
			const src = m.mapping[r.column] ?? r.column;
			report.issues.push({
				file,
				line: Number(r.line),
				column: src,
				severity: r.severity,
				code: r.code,
				message: issueMessage(locale, spec, r, src, opts.today)
			});
		}

		// 6. Load, atomically.
		step('load');
		const load = async (swap: boolean) => {
			if (swap && errors > 0) {
				// Outside the transaction: DuckDB refuses to commit a DELETE and an ALTER of
				// the same table together. The stage is private, so this changes nothing visible.
				const del = deleteErrorsSql(stage, issues);
				await engine.query(del.sql, del.params);
			}
			await engine.exec('BEGIN TRANSACTION');
			try {
				if (swap) {
					const shape = await tableShape(engine, target);
					await engine.exec(swapInSql(stage, target, helpers, shape));
					report.loaded = report.rows - errorLines;
				} else {
					if (opts.mode === 'replace') await engine.exec(`DELETE FROM ${q(target)}`);
					const ins = loadSql(spec, { from: stage, issuesTable: errors > 0 ? issues : undefined });
					const inserted = await engine.query(ins.sql, ins.params);
					const count = inserted[0]?.Count;
					report.loaded = typeof count === 'number' ? count : report.rows - errorLines;
				}
				await engine.exec('COMMIT');
			} catch (error) {
				await engine.exec('ROLLBACK').catch(() => {});
				report.loaded = 0;
				throw error;
			}
		};
		let swap = opts.mode === 'replace';
		if (!swap) {
			const [{ n: existing }] = await engine.query(
				`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${q(target)} LIMIT 1)`
			);
			swap = Number(existing) === 0;
		}
		if (swap && !(await swappable(engine, target))) swap = false;
		try {
			await load(swap);
		} catch (error) {
			try {
				// The swap is an optimisation: fall back to a plain INSERT.
				if (!swap) throw error;
				await load(false);
			} catch (error2) {
				fileIssue('error', 'load_failed', 'import.load.failed', { reason: errorText(error2) });
			}
		}
		return report;
	} finally {
		// 7. Clean up.
		await engine
			.exec(
				[
					`DROP VIEW IF EXISTS ${q(source)};`,
					...[stage, issues, lines].map((t) => `DROP TABLE IF EXISTS ${q(t)};`)
				].join('\n')
			)
			.catch(() => {});
		await engine.dropFile(fileRef).catch(() => {});
		await engine.dropFile(linesRef).catch(() => {});
		step('done');
	}
}

/** The typed table's columns, defaults, NOT NULL and primary key, to rebuild them on the stage. */
async function tableShape(engine: Engine, table: string): Promise<TableShape> {
	const cols = tableColumnsSql(table);
	const cons = tableConstraintsSql(table);
	const columns = (await engine.query(cols.sql, cols.params)).map((r) => ({
		name: String(r.name),
		notNull: r.notNull === true,
		default: r.default === null ? null : String(r.default)
	}));
	const pk = (await engine.query(cons.sql, cons.params))
		.filter((r) => r.kind === 'PRIMARY KEY')
		.map((r) => String(r.column));
	return { columns, primaryKey: pk.length ? pk : null };
}

/** The swap rebuilds defaults, NOT NULL and a primary key only: anything else (CHECK, UNIQUE, indexes) needs the INSERT path. */
async function swappable(engine: Engine, table: string): Promise<boolean> {
	const cons = tableConstraintsSql(table);
	const rows = await engine.query(cons.sql, cons.params);
	return rows.every((r) => r.kind === 'PRIMARY KEY');
}

// ---------------------------------------------------------------------------
// Several files

/**
 * The dataset a file holds: by its name first (`districts.csv`,
 * `actividades_2024.csv`), then by its header row.
 */
export function recogniseFile(fileName: string, bytes: Uint8Array): DatasetName | null {
	const byName = datasetFromFileName(fileName);
	if (byName) return byName;
	const text = stripBom(decodeBytes(headOf(bytes)).text);
	const header = readHeader(text, sniffDialect(text).delimiter);
	return header ? detectDataset(uniqueNames(header)) : null;
}

export interface ImportFilesOptions {
	today: string;
	locale: Locale;
	/**
	 * For the first file of each dataset (the tables are new and empty, so both
	 * give the same result); later files of the same dataset are appended.
	 */
	mode?: 'replace' | 'append';
	maxIssues?: number;
}

export interface ImportFilesResult {
	/** In load order (DATASET_NAMES), unrecognised files last. */
	reports: ImportReport[];
	/** Required datasets (districts, framework) that ended up with no row loaded. */
	missingRequired: DatasetName[];
}

/**
 * Recreates the empty typed tables and imports the files in dependency order
 * (districts and framework first, so the others' references can be checked).
 * Several files of one dataset are appended one after the other.
 */
export async function importFiles(
	engine: Engine,
	files: { fileName: string; bytes: Uint8Array }[],
	opts: ImportFilesOptions
): Promise<ImportFilesResult> {
	await engine.exec(createTablesSql());
	const rank = (d: DatasetName | null) =>
		d === null ? DATASET_NAMES.length : DATASET_NAMES.indexOf(d);
	const recognised = files
		.map((f, i) => ({ ...f, i, dataset: recogniseFile(f.fileName, f.bytes) }))
		.sort((a, b) => rank(a.dataset) - rank(b.dataset) || a.i - b.i);

	const reports: ImportReport[] = [];
	const loaded = new Map<DatasetName, number>();
	const seen = new Set<DatasetName | null>();
	for (const f of recognised) {
		const first = !seen.has(f.dataset);
		seen.add(f.dataset);
		const report = await importCsv(engine, {
			fileName: f.fileName,
			bytes: f.bytes,
			dataset: f.dataset ?? undefined,
			mode: first ? (opts.mode ?? 'replace') : 'append',
			today: opts.today,
			locale: opts.locale,
			maxIssues: opts.maxIssues
		});
		reports.push(report);
		if (report.dataset)
			loaded.set(report.dataset, (loaded.get(report.dataset) ?? 0) + report.loaded);
	}
	const missingRequired = REQUIRED_DATASETS.filter((d) => (loaded.get(d) ?? 0) === 0);
	return { reports, missingRequired };
}

/** A row of `validation_report.csv` (a type alias, so it fits `Record<string, CsvCell>`). */
export type ReportCsvRow = {
	file: string;
	line: number | null;
	column: string | null;
	severity: Severity;
	message: string;
};

/** Rows for `validation_report.csv`: one per issue, in report order. */
export function issuesToCsvRows(reports: readonly ImportReport[]): ReportCsvRow[] {
	return reports.flatMap((r) =>
		r.issues.map((i) => ({
			file: i.file,
			line: i.line,
			column: i.column,
			severity: i.severity,
			message: i.message
		}))
	);
}
