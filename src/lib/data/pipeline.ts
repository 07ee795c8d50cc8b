/**
 * The CSV import pipeline (DESIGN.md §8) on any `Engine` (browser worker or
 * Node): decode → sniff → map headers → stage → validate → load → clean up.
 *
 * Data never becomes row objects in JS: the file is registered with DuckDB
 * and read by `read_csv`; conversion, validation and load are a few set-based
 * SQL statements (validate-sql.ts). Clean files, the usual case (the demo
 * data, saved imports replayed on every start), first try a cheaper path
 * with the same result (fast-sql.ts); a file with anything to report falls
 * back to the detailed one, which lists each problem with its line. JS only decodes what it must
 * (source.ts), reads the header record, counts line breaks, and receives the
 * (capped) list of issues.
 *
 * An import can be prepared and committed in two moves (`prepareImport`): the
 * data page shows the preview and the validation report of the staged file,
 * and loads it only when the user says so, without reading it twice.
 */
import { EngineError, type Engine } from '../engine/types';
import { quoteIdent } from '../engine/sql';
import { engineFile } from '../engine/settings';
import { hasKey, tr, trUnder, type Locale } from '../i18n';
import { decodeBytes, type Encoding } from './decode';
import { datasetFromFileName, detectDataset, mapHeaders } from './detect';
import { fastCheckSql, fastReadTypes, fastSelectSql } from './fast-sql';
import { DATASET_SPECS, columnSpec, type DatasetSpec } from './schema';
import { CONTRACT_MAX_COLUMNS, headerFieldCount, unitWidthOf } from './shape';
import { DELIMITERS, readRecords, sniffDialect, type DateOrder, type Delimiter } from './sniff';
import {
	countLines,
	errorText,
	firstRecordUnclosed,
	headOf,
	isOutOfMemory,
	makeIssue,
	memoryIssue,
	readSource,
	RegisteredSource,
	skipQuoted,
	UnknownEncodingError,
	stripBom,
	type ImportIssue,
	type Severity
} from './source';
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

export type { ImportIssue, Severity } from './source';

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
	/** Rows without errors, that a load would insert (known once validated). */
	valid: number;
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
	/** Totals by kind of problem (all issues, listed or not), most frequent first. */
	kinds: IssueKind[];
}

export interface IssueKind {
	code: string;
	severity: Severity;
	count: number;
}

/** Totals by kind of a list of issues (for reports whose every issue is listed). */
export function countKinds(issues: readonly ImportIssue[]): IssueKind[] {
	const map = new Map<string, IssueKind>();
	for (const i of issues) {
		const k = `${i.severity}:${i.code}`;
		const kind = map.get(k) ?? { code: i.code, severity: i.severity, count: 0 };
		kind.count++;
		map.set(k, kind);
	}
	return sortKinds([...map.values()]);
}

function sortKinds(kinds: IssueKind[]): IssueKind[] {
	return kinds.sort(
		(a, b) =>
			(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
			b.count - a.count ||
			a.code.localeCompare(b.code)
	);
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
	/** Skip delimiter detection. */
	delimiter?: Delimiter;
	/** Canonical column → header, overriding the automatic mapping. */
	mapping?: Record<string, string>;
	/** Most issues listed in the report (all are counted). Default 10,000. */
	maxIssues?: number;
	/** The messages are for the command line (`npm run validate`, `npm run metrics`), not the page. */
	cli?: boolean;
	/** Called as each step starts (for a progress display). */
	onStep?: (step: ImportStep) => void;
	/** Called with the first rows as soon as they are read (before the slow steps). */
	onPreview?: (preview: Preview) => void;
	/** Yields to the page between slices of JS work (default: a macrotask). */
	pause?: () => Promise<void>;
	/**
	 * Skip the fast path for clean files and always stage the detailed way
	 * (line numbers, source text). The result is the same; tests compare both.
	 */
	detailed?: boolean;
}

export type ImportStep = 'decode' | 'sniff' | 'map' | 'stage' | 'validate' | 'load' | 'done';

/** The first rows of a file as read (all text), for the data page. */
export interface Preview {
	columns: string[];
	rows: string[][];
}

/** Rows shown in a preview. */
export const PREVIEW_ROWS = 10;

const DEFAULT_MAX_ISSUES = 10_000;

/** From this many rows, a load of a clean file renames its stage into the typed table rather than copying it. */
const SWAP_MIN_ROWS = 50_000;

let sequence = 0;
/** Bumped by every committed load: a prepared import validated before must validate again. */
let commits = 0;

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
	// Blank lines above the header are skipped (DuckDB is told to skip them too).
	while (text.charCodeAt(i) === CR || text.charCodeAt(i) === LF) i++;
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
	// The next suffix to try for each name: a name repeated n times costs n steps, not n².
	const next = new Map<string, number>();
	return headers.map((h, i) => {
		const base = h === '' ? `column${i}` : h;
		const key = base.toLowerCase();
		let name = base;
		let k = next.get(key) ?? 1;
		if (seen.has(key)) {
			while (seen.has(`${key}_${k}`)) k++;
			name = `${base}_${k++}`;
		}
		next.set(key, k);
		seen.add(name.toLowerCase());
		return name;
	});
}

/**
 * The line on which each data record starts, read the way DuckDB reads the
 * file (quoted fields may span lines; blank lines are skipped unless the file
 * has a single column). Only used when the file has more lines than records + 1.
 * With `hasHeader` false, the first record is data too.
 * Pauses now and then (when given `pause`) so a large file does not freeze the page.
 */
export async function recordStartLines(
	text: string,
	delimiter: Delimiter,
	singleColumn: boolean,
	pause?: () => Promise<void>,
	hasHeader = true
): Promise<number[]> {
	const delim = delimiter.charCodeAt(0);
	const n = text.length;
	const starts: number[] = [];
	let i = 0;
	let line = 1;
	let header = hasHeader;
	/** Blank lines before the first record are skipped (DuckDB's `skip`). */
	let seenRecord = false;
	let budget = 1 << 16;
	const eol = () => {
		if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
		else i++;
		line++;
	};
	while (i < n) {
		if (pause && --budget === 0) {
			budget = 1 << 16;
			await pause();
		}
		const c = text.charCodeAt(i);
		if (c === LF || c === CR) {
			if (singleColumn && seenRecord) starts.push(line);
			eol();
			continue;
		}
		const startLine = line;
		let fieldStart = true;
		while (i < n) {
			const ch = text.charCodeAt(i);
			if (fieldStart && ch === QUOTE) {
				const field = skipQuoted(text, i);
				i = field.end;
				line += field.breaks;
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
		seenRecord = true;
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
	return trUnder(locale, 'import.dataset.', name);
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
			params.actual = row.detail ? trUnder(locale, 'import.kind.', row.detail) : '';
			break;
		case 'duplicate_existing':
			params.dataset = datasetLabel(locale, spec.name);
			break;
	}
	return hasKey(key) ? tr(locale, key, params) : key;
}

/** An engine that stopped (crash, timeout) is a file-level error: the import loads nothing. */
function engineStopped(error: unknown): boolean {
	return error instanceof EngineError && (error.kind === 'crashed' || error.kind === 'timeout');
}

// ---------------------------------------------------------------------------
// prepareImport / importCsv

/** A staged import: report and preview now, load on `commit`. */
export interface PreparedImport {
	readonly report: ImportReport;
	readonly preview: Preview;
	/** False when nothing can be loaded (unreadable, unknown dataset, missing columns). */
	readonly loadable: boolean;
	/**
	 * Where the rows a commit would load sit until then: the stage, less the
	 * error lines listed in `issues` (null when there is none). Null once
	 * released or when nothing can be loaded. (For orphans.ts: what a replace
	 * would leave.)
	 */
	readonly incoming: { table: string; issues: string | null } | null;
	/** Validate again for `mode` (append also checks keys against the rows already loaded). */
	validate(mode: 'replace' | 'append'): Promise<ImportReport>;
	/** Load the valid rows in the last validated mode, and release the stage. */
	commit(): Promise<ImportReport>;
	/** Release the stage without loading. */
	discard(): Promise<void>;
}

class Importer implements PreparedImport {
	readonly report: ImportReport;
	preview: Preview = { columns: [], rows: [] };
	loadable = false;

	private readonly n = ++sequence;
	private readonly names = {
		file: engineFile(`__import_${this.n}.csv`),
		source: `__source_${this.n}`,
		stage: `__stage_${this.n}`,
		issues: `__issues_${this.n}`,
		lines: `__lines_${this.n}`,
		linesFile: engineFile(`__lines_${this.n}.csv`)
	};
	/** Problems of the whole file (reading, mapping, row count): kept across validations. */
	private fileIssues: ImportIssue[] = [];
	private reg: RegisteredSource | null = null;
	private spec: DatasetSpec | null = null;
	private mapping: Record<string, string> = {};
	private validated: { mode: 'replace' | 'append'; at: number } | null = null;
	private errorLines = 0;
	/** Row errors of the last validation (file-level issues excluded). */
	private rowErrors = 0;
	private released = false;
	/** The stage came from the fast path: typed columns only (no `__line`, no `__raw_*`). */
	private fast = false;
	private viewCreated = false;
	private linesRegistered = false;

	constructor(
		private readonly engine: Engine,
		private readonly opts: ImportOptions
	) {
		this.report = {
			file: opts.fileName,
			dataset: opts.dataset ?? null,
			encoding: 'utf-8',
			delimiter: ',',
			decimalComma: false,
			dateOrder: null,
			rows: 0,
			loaded: 0,
			valid: 0,
			columns: [],
			mapping: {},
			missing: [],
			issues: [],
			errors: 0,
			warnings: 0,
			omitted: 0,
			kinds: []
		};
	}

	private step(s: ImportStep) {
		this.opts.onStep?.(s);
	}

	get incoming(): { table: string; issues: string | null } | null {
		if (!this.loadable || this.released) return null;
		return { table: this.names.stage, issues: this.rowErrors > 0 ? this.names.issues : null };
	}

	private fileIssue(
		severity: Severity,
		code: string,
		key: string,
		params: Record<string, string | number> = {},
		line: number | null = null,
		column: string | null = null
	) {
		this.fileIssues.push(
			makeIssue(this.opts.locale, this.opts.fileName, severity, code, key, params, line, column)
		);
		this.summarise();
	}

	/** The last validation: listed row issues, counts of all of them, and totals by kind. */
	private rows = {
		listed: [] as ImportIssue[],
		errors: 0,
		warnings: 0,
		kinds: [] as IssueKind[]
	};

	/** report.issues/errors/warnings/kinds = the file's issues + those of the last validation. */
	private summarise() {
		const r = this.report;
		const { listed, errors, warnings, kinds } = this.rows;
		r.issues = [...this.fileIssues, ...listed];
		r.errors = this.fileIssues.filter((i) => i.severity === 'error').length + errors;
		r.warnings = this.fileIssues.filter((i) => i.severity === 'warning').length + warnings;
		r.kinds = sortKinds([...countKinds(this.fileIssues), ...kinds]);
		r.omitted = errors + warnings - listed.length;
	}

	/** A failed engine call while reading or converting the file → one file-level error. */
	private async fail(error: unknown): Promise<this> {
		this.loadable = false;
		if (error instanceof UnknownEncodingError) {
			this.fileIssue('error', 'encoding_unknown', 'import.file.encoding_unknown');
		} else if (engineStopped(error)) {
			this.fileIssue('error', 'engine_stopped', 'import.file.engine_stopped');
		} else if (isOutOfMemory(error)) {
			this.fileIssues.push(memoryIssue(this.opts.locale, this.opts.fileName, this.opts.cli));
			this.summarise();
		} else if (this.reg) {
			this.fileIssues.push(await this.reg.failure(this.opts.locale, error, this.opts.cli));
			this.summarise();
		} else {
			throw error;
		}
		await this.release();
		return this;
	}

	async prepare(): Promise<this> {
		const { engine, opts, names } = this;
		const r = this.report;

		this.step('decode');
		const src = await readSource({
			fileName: opts.fileName,
			bytes: opts.bytes,
			locale: opts.locale,
			encoding: opts.encoding,
			delimiter: opts.delimiter,
			pause: opts.pause,
			maxColumns: CONTRACT_MAX_COLUMNS
		});
		r.encoding = src.encoding;
		this.fileIssues.push(...src.issues);
		this.summarise();
		if (src.fatal) {
			this.step('done');
			return this;
		}

		this.step('sniff');
		const dialect = src.dialect;
		r.delimiter = dialect.delimiter;
		r.decimalComma = dialect.decimalComma;
		r.dateOrder = dialect.dateOrder;
		const header = readHeader(src.headText, dialect.delimiter);
		if (header === null) {
			this.fileIssue('error', 'file_no_header', 'import.file.no_header');
			this.step('done');
			return this;
		}
		if (firstRecordUnclosed(src.headText, dialect.delimiter)) {
			this.fileIssue(
				'error',
				'file_unreadable',
				'import.file.unreadable',
				{
					reason: tr(opts.locale, 'import.csv.quote'),
					line: 1 + src.skip
				},
				1 + src.skip
			);
			this.step('done');
			return this;
		}
		const columns = uniqueNames(header);
		r.columns = columns;
		const records = readRecords(src.headText, dialect.delimiter, PREVIEW_ROWS + 1);
		this.preview = { columns, rows: records.slice(1) };
		opts.onPreview?.(this.preview);

		const dataset = opts.dataset ?? datasetFromFileName(opts.fileName) ?? detectDataset(columns);
		r.dataset = dataset;
		if (dataset === null) {
			this.fileIssue('error', 'dataset_unknown', 'import.dataset.unknown');
			this.step('done');
			return this;
		}
		const spec = DATASET_SPECS[dataset];
		this.spec = spec;

		this.step('map');
		const reg = new RegisteredSource(engine, src, names.file, opts.encoding, opts.pause);
		this.reg = reg;
		try {
			await reg.register();
		} catch (error) {
			return this.fail(error);
		}

		const m = mapHeaders(spec, columns, opts.mapping, header);
		for (const weak of m.weak) {
			const col = m.mapping[weak];
			const share = codeShareSql(names.source, col);
			let row;
			try {
				await this.sourceView();
				[row] = await reg.read(() => engine.query(share.sql, share.params));
			} catch (error) {
				return this.fail(error);
			}
			const codes = Number(row.codes);
			const nonEmpty = Number(row.nonEmpty);
			if (nonEmpty === 0 || codes / nonEmpty < 0.8) {
				delete m.mapping[weak];
				this.fileIssue(
					'warning',
					'column_not_codes',
					'import.columns.not_codes',
					{ header: col },
					null,
					col
				);
				if (columnSpec(spec, weak).required) m.missing.push(weak);
			}
		}
		this.mapping = m.mapping;
		r.mapping = Object.fromEntries(
			spec.columns.filter((c) => c.name in m.mapping).map((c) => [c.name, m.mapping[c.name]])
		);
		r.missing = spec.columns.filter((c) => m.missing.includes(c.name)).map((c) => c.name);
		if (r.missing.length > 0) {
			this.fileIssue('error', 'columns_missing', 'import.columns.missing', {
				columns: columnList(spec, r.missing),
				dataset: datasetLabel(opts.locale, dataset)
			});
			await this.release();
			return this;
		}
		for (const s of m.shadowed) {
			const at = columns.indexOf(s.header);
			// A header written twice was renamed (`ubigeo` → `ubigeo_1`) to stage it: name it as written.
			const repeated = header[at] !== s.header;
			this.fileIssue(
				'warning',
				'column_duplicate',
				repeated ? 'import.columns.repeated' : 'import.columns.duplicate',
				repeated
					? { header: header[at], position: at + 1, name: s.header }
					: { header: s.header, column: s.column, source: m.mapping[s.column] },
				null,
				s.header
			);
		}

		this.step('stage');
		try {
			if (!opts.detailed && (await this.stageFast(opts.mode))) return this;
		} catch (error) {
			return this.fail(error);
		}
		return this.stageDetailed(opts.mode);
	}

	/** A view reading every column as text, in file order, with its line number (created once). */
	private async sourceView(): Promise<void> {
		if (this.viewCreated || !this.reg) return;
		await this.engine.exec(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(this.names.source)} AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS __line, *
FROM ${this.reg.readCsv(this.report.columns, true)}`);
		this.viewCreated = true;
	}

	/** The typed table exists (a replay or a test may import before `importFiles` created it). */
	private targetDdl(): string {
		const dataset = (this.spec as DatasetSpec).name;
		return TABLE_DDL[dataset].replace(/^CREATE TABLE /, 'CREATE TABLE IF NOT EXISTS ');
	}

	/**
	 * The fast path (fast-sql.ts): the file read once straight into a stage
	 * shaped like the typed table, then the checks that need other rows, as
	 * counts. True when the file is clean: the report is complete (nothing to
	 * list) and the stage is ready to load. False: the stage is to be built
	 * again by the detailed path, which explains every problem with its line.
	 */
	private async stageFast(mode: 'replace' | 'append'): Promise<boolean> {
		const { engine, names } = this;
		const reg = this.reg as RegisteredSource;
		const spec = this.spec as DatasetSpec;
		const q = quoteIdent;
		const src = reg.source;
		const readTypes = fastReadTypes(spec, this.mapping, src.dialect);
		const select = fastSelectSql(spec, {
			from: reg.readCsv(this.report.columns, true, false, readTypes),
			mapping: this.mapping,
			dialect: src.dialect,
			readTypes
		});
		try {
			// Not TEMP: a replace renames the stage into the typed table (swapInSql).
			await engine.exec(`${this.targetDdl()};
CREATE OR REPLACE TABLE ${q(names.stage)} AS SELECT * FROM ${q(spec.name)} LIMIT 0;
INSERT INTO ${q(names.stage)} BY NAME ${select}`);
			const rows = await this.checkFast(mode);
			// Records spanning lines, or blank lines: the detailed path numbers lines (and may warn).
			if (rows === null || countLines(src.buffer ?? src.text ?? '') !== rows + 1) return false;
			this.report.rows = rows;
		} catch (error) {
			// Not clean, not UTF-8 after all, not valid CSV…: the detailed path says what.
			if (engineStopped(error) || isOutOfMemory(error)) throw error;
			return false;
		}
		this.fast = true;
		this.loadable = true;
		this.cleanReport(mode);
		return true;
	}

	/** Rows of the fast stage when nothing is to be reported for `mode`, else null. */
	private async checkFast(mode: 'replace' | 'append'): Promise<number | null> {
		const spec = this.spec as DatasetSpec;
		const check = fastCheckSql(spec, { stage: this.names.stage, mode, today: this.opts.today });
		const [c] = await this.engine.query(check.sql, check.params);
		const rows = Number(c.rows);
		return Number(c.problems) === 0 && rows > 0 ? rows : null;
	}

	/** A validation that found nothing: every row is valid. */
	private cleanReport(mode: 'replace' | 'append') {
		this.rows = { listed: [], errors: 0, warnings: 0, kinds: [] };
		this.errorLines = 0;
		this.rowErrors = 0;
		this.report.valid = this.report.rows;
		this.summarise();
		this.validated = { mode, at: commits };
	}

	/** The detailed path: stage with line numbers and source text, then list every problem. */
	private async stageDetailed(mode: 'replace' | 'append'): Promise<this> {
		const { engine, opts, names } = this;
		const q = quoteIdent;
		const r = this.report;
		const spec = this.spec as DatasetSpec;
		const reg = this.reg as RegisteredSource;
		const src = reg.source;
		const dialect = src.dialect;
		const columns = r.columns;
		this.fast = false;
		// Convert once into the stage: the typed table's columns + __line + __raw_*.
		const helpers = ['__line', ...rawColumns(spec)];
		try {
			await this.sourceView();
			await engine.exec(`${this.targetDdl()};
CREATE OR REPLACE TABLE ${q(names.stage)} AS SELECT * FROM ${q(spec.name)} LIMIT 0;
${helpers.map((h) => `ALTER TABLE ${q(names.stage)} ADD COLUMN ${q(h)} ${h === '__line' ? 'INTEGER' : 'VARCHAR'};`).join('\n')}`);
			const typed = typedSelectSql(spec, { staging: names.source, mapping: this.mapping, dialect });
			await reg.read(() =>
				engine.query(`INSERT INTO ${q(names.stage)} BY NAME ${typed.sql}`, typed.params)
			);
			const [{ n: rows }] = await engine.query(
				`SELECT count(*)::INTEGER AS n FROM ${q(names.stage)}`
			);
			r.rows = Number(rows);
		} catch (error) {
			return this.fail(error);
		}
		if (src.encoding !== r.encoding) {
			// DuckDB found non-UTF-8 bytes past the head: the file was decoded in JS after all.
			r.encoding = src.encoding;
			if (src.replaced > 0) {
				this.fileIssue('warning', 'encoding_replaced', 'import.file.encoding_replaced', {
					count: src.replaced,
					line: 1
				});
			}
		}
		if (r.rows === 0) this.fileIssue('warning', 'file_empty', 'import.file.no_rows');

		// Line numbers: the record ordinal is right unless some records span lines or blank lines were skipped.
		try {
			if (countLines(src.buffer ?? src.text ?? '') !== r.rows + 1) {
				const full = await reg.fullText();
				const starts = await recordStartLines(
					full,
					dialect.delimiter,
					columns.length === 1,
					opts.pause
				);
				if (starts.length === r.rows) {
					this.linesRegistered = true;
					await engine.registerText(names.linesFile, starts.join('\n'));
					await engine.exec(`CREATE OR REPLACE TEMP TABLE ${q(names.lines)} AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS ord, l
FROM read_csv('${names.linesFile}', header = false, auto_detect = false, columns = {'l': 'INTEGER'});
UPDATE ${q(names.stage)} SET __line = x.l FROM ${q(names.lines)} x WHERE ${q(names.stage)}.__line = x.ord;`);
				} else {
					this.fileIssue('warning', 'lines_approximate', 'import.lines.approximate');
				}
			}
		} catch (error) {
			return this.fail(error);
		}

		this.loadable = true;
		try {
			await this.validate(mode);
		} catch (error) {
			return this.fail(error);
		}
		return this;
	}

	async validate(mode: 'replace' | 'append'): Promise<ImportReport> {
		if (!this.loadable || !this.spec) return this.report;
		const { engine, opts, names, spec } = this;
		const q = quoteIdent;
		this.step('validate');
		if (this.fast) {
			if ((await this.checkFast(mode)) !== null) {
				this.cleanReport(mode);
				return this.report;
			}
			// Something to report in this mode (a key already loaded…): stage it the detailed way.
			this.step('stage');
			await this.stageDetailed(mode);
			return this.report;
		}
		const check = issuesSql(spec, {
			staging: names.source,
			mapping: this.mapping,
			dialect: { decimalComma: this.report.decimalComma, dateOrder: this.report.dateOrder },
			today: opts.today,
			mode,
			typedTable: names.stage
		});
		await engine.query(
			`CREATE OR REPLACE TEMP TABLE ${q(names.issues)} AS ${check.sql}`,
			check.params
		);
		const counts = issueCountsSql(names.issues);
		const [c] = await engine.query(counts.sql, counts.params);
		const errors = Number(c.errors);
		const warnings = Number(c.warnings);
		this.errorLines = Number(c.errorLines);
		this.rowErrors = errors;
		const kinds = (
			await engine.query(
				`SELECT code, severity, count(*)::INTEGER AS count FROM ${q(names.issues)} GROUP BY code, severity`
			)
		).map((k) => ({
			code: String(k.code),
			severity: k.severity as Severity,
			count: Number(k.count)
		}));

		const maxIssues = opts.maxIssues ?? DEFAULT_MAX_ISSUES;
		const room = Math.max(0, maxIssues - this.fileIssues.length);
		const rows = (await engine.query(
			`SELECT line, "column", severity, code, value, detail FROM ${q(names.issues)}
ORDER BY line, ord, code LIMIT ${room}`
		)) as unknown as IssueRow[];
		const listed = rows.map((row) => {
			const col = this.mapping[row.column] ?? row.column;
			return {
				file: opts.fileName,
				line: Number(row.line),
				column: col,
				severity: row.severity,
				code: row.code,
				message: issueMessage(opts.locale, spec, row, col, opts.today)
			};
		});
		this.rows = { listed, errors, warnings, kinds };
		this.report.valid = this.report.rows - this.errorLines;
		this.summarise();
		this.validated = { mode, at: commits };
		return this.report;
	}

	async commit(): Promise<ImportReport> {
		if (!this.loadable || !this.spec || this.released) {
			await this.release();
			return this.report;
		}
		const mode = this.validated?.mode ?? this.opts.mode;
		try {
			// Another load since the validation may have changed keys or references: check again.
			if (!this.validated || this.validated.at !== commits) await this.validate(mode);
			await this.load(mode);
		} catch (error) {
			if (
				/__(stage|issues|source)_\d+/.test(errorText(error)) &&
				/does not exist/i.test(errorText(error))
			) {
				// The engine restarted (and reloaded the data) since the file was staged: stage it again.
				const again = await prepareImport(this.engine, { ...this.opts, mode });
				return again.commit();
			}
			if (engineStopped(error) || isOutOfMemory(error)) {
				this.report.loaded = 0;
				await this.fail(error);
				return this.report;
			}
			throw error;
		} finally {
			await this.release();
		}
		return this.report;
	}

	private async load(mode: 'replace' | 'append') {
		const { engine, names } = this;
		const spec = this.spec as DatasetSpec;
		const target = spec.name;
		const q = quoteIdent;
		const errors = this.rowErrors;
		const helpers = this.fast ? [] : ['__line', ...rawColumns(spec)];
		this.step('load');
		const run = async (swap: boolean) => {
			if (swap && errors > 0) {
				// Outside the transaction: DuckDB refuses to commit a DELETE and an ALTER of
				// the same table together. The stage is private, so this changes nothing visible.
				const del = deleteErrorsSql(names.stage, names.issues);
				await engine.query(del.sql, del.params);
			}
			await engine.exec('BEGIN TRANSACTION');
			try {
				if (swap) {
					const shape = await tableShape(engine, target);
					await engine.exec(swapInSql(names.stage, target, helpers, shape));
					this.report.loaded = this.report.rows - this.errorLines;
				} else {
					if (mode === 'replace') await engine.exec(`DELETE FROM ${q(target)}`);
					const ins = loadSql(spec, {
						from: names.stage,
						issuesTable: errors > 0 ? names.issues : undefined
					});
					const inserted = await engine.query(ins.sql, ins.params);
					const count = inserted[0]?.Count;
					this.report.loaded =
						typeof count === 'number' ? count : this.report.rows - this.errorLines;
				}
				await engine.exec('COMMIT');
			} catch (error) {
				await engine.exec('ROLLBACK').catch(() => {});
				this.report.loaded = 0;
				throw error;
			}
		};
		// A small clean file: copying it costs less than the catalog queries and DDL of a swap.
		const small = this.fast && this.report.rows < SWAP_MIN_ROWS;
		let swap = mode === 'replace' && !small;
		if (!swap && !small) {
			const [{ n: existing }] = await engine.query(
				`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${q(target)} LIMIT 1)`
			);
			swap = Number(existing) === 0;
		}
		if (swap && !(await swappable(engine, target))) swap = false;
		try {
			await run(swap);
		} catch (error) {
			try {
				// The swap is an optimisation: fall back to a plain INSERT.
				if (!swap || engineStopped(error)) throw error;
				await run(false);
			} catch (error2) {
				if (engineStopped(error2) || isOutOfMemory(error2)) throw error2;
				this.fileIssue('error', 'load_failed', 'import.load.failed', {
					reason: errorText(error2)
				});
				return;
			}
		}
		commits++;
	}

	async discard(): Promise<void> {
		await this.release();
	}

	private async release(): Promise<void> {
		if (this.released) return;
		this.released = true;
		const { engine, names } = this;
		const q = quoteIdent;
		await engine
			.exec(
				[
					`DROP VIEW IF EXISTS ${q(names.source)};`,
					...[names.stage, names.issues, names.lines].map((t) => `DROP TABLE IF EXISTS ${q(t)};`)
				].join('\n')
			)
			.catch(() => {});
		await engine.dropFile(names.file).catch(() => {});
		if (this.linesRegistered) await engine.dropFile(names.linesFile).catch(() => {});
		this.step('done');
	}
}

/**
 * Reads, maps, stages and validates one CSV file without loading it. A file
 * that cannot be read, is not recognised or lacks required columns comes
 * back with `loadable: false` and a report that says why; nothing throws for
 * bad content. Call `commit()` or `discard()` to release the stage.
 */
export async function prepareImport(engine: Engine, opts: ImportOptions): Promise<PreparedImport> {
	return new Importer(engine, opts).prepare();
}

/**
 * Imports one CSV file into its typed table and reports every problem.
 * Rows with an error are not loaded; rows with only warnings are. A file that
 * cannot be read, is not recognised, or lacks required columns loads nothing
 * and leaves the table as it was (also in 'replace' mode).
 *
 * How: the file is registered with DuckDB (as bytes when it is UTF-8, as
 * re-encoded text otherwise). A clean file (nothing to report) takes the fast
 * path (fast-sql.ts): one `read_csv` straight into a stage shaped like the
 * typed table, checks as counts, then the load below. Any other file is read
 * through a view `read_csv(…, all text)` numbered with `row_number()`. One INSERT converts it into a stage table
 * shaped like the typed table (`typedSelectSql`); validation scans the stage;
 * the load then either turns the stage into the typed table (replace, or an
 * empty table: rows with errors deleted, constraints restored, table swapped)
 * or inserts its valid rows (append). Each load is one transaction.
 */
export async function importCsv(engine: Engine, opts: ImportOptions): Promise<ImportReport> {
	const prepared = await prepareImport(engine, opts);
	return prepared.commit();
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
	const head = headOf(bytes);
	const decoded = decodeBytes(head);
	// A header wider than any dataset's limit is no dataset: say so before
	// sniffing and mapping it, which would take long on 50,000 columns.
	const width = unitWidthOf(decoded.encoding);
	for (const d of DELIMITERS) {
		if (headerFieldCount(head, width, d, head.length).count > CONTRACT_MAX_COLUMNS) return null;
	}
	const text = stripBom(decoded.text);
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
	/** See `ImportOptions.detailed`. */
	detailed?: boolean;
	/** See `ImportOptions.cli`. */
	cli?: boolean;
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
			maxIssues: opts.maxIssues,
			detailed: opts.detailed,
			cli: opts.cli
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
export function issuesToCsvRows(
	reports: readonly { issues: readonly ImportIssue[] }[]
): ReportCsvRow[] {
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
