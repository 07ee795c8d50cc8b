/**
 * A contract dataset's import on the one importer (staged.ts): read → map
 * headers → stage (fast path first, detailed when there is anything to
 * say) → validate → load on `commit`.
 *
 * Data never becomes row objects in JS: the file is registered with DuckDB
 * and read by `read_csv`; conversion, validation and load are a few
 * set-based SQL statements (sql/). An import can be prepared and
 * committed in two moves (`prepareImport`): the data page shows the preview
 * and the report of the staged file, and loads it only when the user says so.
 */
import { quoteIdent } from '../../engine/sql';
import { engineFile } from '../../engine/settings';
import type { Engine } from '../../engine/types';
import { datasetFromFileName, detectDataset } from '../detect';
import { DATASET_SPECS, type DatasetSpec } from '../schema';
import { CONTRACT_MAX_COLUMNS } from '../shape';
import { engineStopped, isOutOfMemory } from './failure';
import { countKinds, sortKinds } from './issues';
import { commitCount, loadStage } from './load';
import { columnList, mapColumns } from './map';
import { checkFast, stageFast } from './fast';
import { uniqueNames } from './names';
import type { RegisteredSource } from './registered';
import {
	PREVIEW_ROWS,
	type ImportOptions,
	type ImportReport,
	type ImportStep,
	type PreparedImport
} from './report';
import { readHeader, readRecords } from './scan';
import { numberLines, sourceViewSql, stageDetailed } from './stage';
import { StagedImport } from './staged';
import type { CsvSource } from './source';
import { NO_ROW_ISSUES, validateRows, type RowValidation } from './validate';

const DEFAULT_MAX_ISSUES = 10_000;

let sequence = 0;

class DatasetImport extends StagedImport<ImportReport, ImportOptions> implements PreparedImport {
	private readonly n: number;
	private readonly names: Record<
		'source' | 'stage' | 'issues' | 'lines' | 'linesFile' | 'file',
		string
	>;
	private spec: DatasetSpec | null = null;
	private mapping: Record<string, string> = {};
	/** The mode and load count of the last validation (a load since makes it stale). */
	private validated: { mode: 'replace' | 'append'; at: number } | null = null;
	/** The last validation of the rows (file-level issues excluded). */
	private rowCheck: RowValidation = NO_ROW_ISSUES;
	/** The stage came from the fast path: typed columns only (no `__line`, no `__raw_*`). */
	private fast = false;
	private viewCreated = false;
	private linesRegistered = false;

	constructor(engine: Engine, opts: ImportOptions) {
		const n = ++sequence;
		super(engine, opts, emptyReport(opts), engineFile(`__import_${n}.csv`));
		this.n = n;
		this.names = {
			file: this.fileRef,
			source: `__source_${n}`,
			stage: `__stage_${n}`,
			issues: `__issues_${n}`,
			lines: `__lines_${n}`,
			linesFile: engineFile(`__lines_${n}.csv`)
		};
	}

	protected step(s: ImportStep): void {
		this.opts.onStep?.(s);
	}

	get incoming(): { table: string; issues: string | null } | null {
		if (!this.loadable || this.released) return null;
		const issues = this.rowCheck.errors > 0 ? this.names.issues : null;
		return { table: this.names.stage, issues };
	}

	/** report.issues/errors/warnings/kinds = the file's issues + those of the last validation. */
	protected override summarise(): void {
		const r = this.report;
		const { listed, errors, warnings, kinds } = this.rowCheck;
		const fileErrors = this.fileIssues.filter((i) => i.severity === 'error').length;
		r.issues = [...this.fileIssues, ...listed];
		r.errors = fileErrors + errors;
		r.warnings = this.fileIssues.length - fileErrors + warnings;
		r.kinds = sortKinds([...countKinds(this.fileIssues), ...kinds]);
		r.omitted = errors + warnings - listed.length;
	}

	protected override sniffed(src: CsvSource): void {
		this.report.dateOrder = src.dialect.dateOrder;
	}

	async prepare(): Promise<this> {
		const { engine, opts, names } = this;
		const r = this.report;
		const src = await this.readFile(
			CONTRACT_MAX_COLUMNS,
			(s) => readHeader(s.headText, s.dialect.delimiter) === null,
			'import.file.no_header'
		);
		if (src === null) return this;
		const header = readHeader(src.headText, src.dialect.delimiter) as string[];
		const columns = uniqueNames(header);
		r.columns = columns;
		const records = readRecords(src.headText, src.dialect.delimiter, PREVIEW_ROWS + 1);
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
		let mapped;
		try {
			const reg = await this.register(src);
			mapped = await mapColumns(
				engine,
				spec,
				columns,
				header,
				opts.mapping,
				{ reg, source: names.source, sourceView: () => this.sourceView() },
				(...args) => this.fileIssue(...args)
			);
		} catch (error) {
			return this.fail(error);
		}
		this.mapping = mapped.mapping;
		r.mapping = mapped.ordered;
		r.missing = mapped.missing;
		if (r.missing.length > 0) {
			this.fileIssue('error', 'columns_missing', 'import.columns.missing', {
				columns: columnList(spec, r.missing),
				dataset: { key: `import.dataset.${dataset}` }
			});
			await this.release();
			return this;
		}

		this.step('stage');
		if (!opts.detailed) {
			let rows: number | null;
			try {
				rows = await stageFast(engine, {
					spec,
					reg: this.reg as RegisteredSource,
					columns,
					mapping: this.mapping,
					stage: names.stage,
					mode: opts.mode,
					today: opts.today,
					tables: opts.tables
				});
			} catch (error) {
				return this.fail(error);
			}
			if (rows !== null) {
				r.rows = rows;
				this.fast = true;
				this.loadable = true;
				this.cleanReport(opts.mode);
				return this;
			}
		}
		return this.stageDetailed(opts.mode);
	}

	/** The text view of the file, with line numbers (created once). */
	private async sourceView(): Promise<void> {
		if (this.viewCreated || !this.reg) return;
		await this.engine.exec(sourceViewSql(this.names.source, this.reg, this.report.columns));
		this.viewCreated = true;
	}

	/** A validation that found nothing: every row is valid. */
	private cleanReport(mode: 'replace' | 'append') {
		this.rowCheck = NO_ROW_ISSUES;
		this.report.valid = this.report.rows;
		this.summarise();
		this.validated = { mode, at: commitCount() };
	}

	/** The detailed path: stage with line numbers and source text, then list every problem. */
	private async stageDetailed(mode: 'replace' | 'append'): Promise<this> {
		const { engine, opts, names } = this;
		const r = this.report;
		const spec = this.spec as DatasetSpec;
		const reg = this.reg as RegisteredSource;
		const src = reg.source;
		this.fast = false;
		try {
			await this.sourceView();
			r.rows = await stageDetailed(engine, {
				spec,
				reg,
				source: names.source,
				stage: names.stage,
				mapping: this.mapping
			});
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
		try {
			const lines = await numberLines(engine, {
				reg,
				rows: r.rows,
				singleColumn: r.columns.length === 1,
				stage: names.stage,
				lines: names.lines,
				linesFile: names.linesFile,
				pause: opts.pause
			});
			if (lines === 'registered') this.linesRegistered = true;
			if (lines === 'approximate') {
				this.fileIssue('warning', 'lines_approximate', 'import.lines.approximate');
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

	async validate(
		mode: 'replace' | 'append',
		tables?: ImportOptions['tables']
	): Promise<ImportReport> {
		// The references changed (a batch's districts or framework staged, loaded or dropped).
		if (tables !== undefined) this.opts.tables = tables;
		if (!this.loadable || !this.spec) return this.report;
		const { engine, opts, names, spec } = this;
		this.step('validate');
		if (this.fast) {
			if ((await checkFast(engine, spec, names.stage, mode, opts.today, opts.tables)) !== null) {
				this.cleanReport(mode);
				return this.report;
			}
			// Something to report in this mode (a key already loaded…): stage it the detailed way.
			this.step('stage');
			await this.stageDetailed(mode);
			return this.report;
		}
		this.rowCheck = await validateRows(engine, {
			spec,
			source: names.source,
			stage: names.stage,
			issues: names.issues,
			mapping: this.mapping,
			dialect: { decimalComma: this.report.decimalComma, dateOrder: this.report.dateOrder },
			today: opts.today,
			mode,
			tables: opts.tables,
			room: Math.max(0, (opts.maxIssues ?? DEFAULT_MAX_ISSUES) - this.fileIssues.length),
			fileName: opts.fileName,
			locale: opts.locale
		});
		this.report.valid = this.report.rows - this.rowCheck.errorLines;
		this.summarise();
		this.validated = { mode, at: commitCount() };
		return this.report;
	}

	protected async load(): Promise<void> {
		const mode = this.validated?.mode ?? this.opts.mode;
		// Another load since the validation may have changed keys or references: check again.
		if (!this.validated || this.validated.at !== commitCount()) await this.validate(mode);
		this.step('load');
		const result = await loadStage(this.engine, {
			spec: this.spec as DatasetSpec,
			stage: this.names.stage,
			issues: this.names.issues,
			mode,
			rowErrors: this.rowCheck.errors,
			rows: this.report.rows,
			errorLines: this.rowCheck.errorLines,
			fast: this.fast
		});
		if ('loaded' in result) {
			this.report.loaded = result.loaded;
		} else {
			this.report.loaded = 0;
			this.fileIssue('error', 'load_failed', 'import.load.failed', { reason: result.failed });
		}
	}

	protected stageLost(message: string): boolean {
		return /__(stage|issues|source)_\d+/.test(message) && /does not exist/i.test(message);
	}

	protected restage(): Promise<PreparedImport> {
		const mode = this.validated?.mode ?? this.opts.mode;
		return prepareImport(this.engine, { ...this.opts, mode });
	}

	protected loadFailureIsIssue(error: unknown): boolean {
		return engineStopped(error) || isOutOfMemory(error);
	}

	protected async dropStage(): Promise<void> {
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
	}
}

function emptyReport(opts: ImportOptions): ImportReport {
	return {
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

/**
 * Reads, maps, stages and validates one CSV file without loading it. A file
 * that cannot be read, is not recognised or lacks required columns comes
 * back with `loadable: false` and a report that says why; nothing throws for
 * bad content. Call `commit()` or `discard()` to release the stage.
 */
export async function prepareImport(engine: Engine, opts: ImportOptions): Promise<PreparedImport> {
	return new DatasetImport(engine, opts).prepare();
}

/**
 * Imports one CSV file into its typed table and reports every problem.
 * Rows with an error are not loaded; rows with only warnings are. A file that
 * cannot be read, is not recognised, or lacks required columns loads nothing
 * and leaves the table as it was (also in 'replace' mode).
 */
export async function importCsv(engine: Engine, opts: ImportOptions): Promise<ImportReport> {
	const prepared = await prepareImport(engine, opts);
	return prepared.commit();
}
