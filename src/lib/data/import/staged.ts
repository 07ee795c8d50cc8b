/**
 * The one importer: what a contract dataset (dataset.ts) and a generic table
 * (table.ts) share. Both read the file the same way (decode, sniff, first
 * record), stage it under private names, report issues of the whole file,
 * turn a failed engine call into one issue, load on `commit`, stage again
 * when the engine restarted in between, and drop the stage when done.
 * Each kind adds only its own steps: mapping and validation for a dataset,
 * type inference for a table.
 */
import type { Engine } from '../../engine/types';
import { errorText, failureIssue } from './failure';
import { countKinds, makeIssue, type ImportIssue, type IssueWhat } from './issues';
import { RegisteredSource } from './registered';
import type { Preview, ReadFileOptions, StagedReport } from './report';
import { firstRecordUnclosed } from './scan';
import { readSource, type CsvSource } from './source';

/** The steps every import goes through (each kind may name more). */
export type CommonStep = 'decode' | 'sniff' | 'stage' | 'load' | 'done';

export abstract class StagedImport<R extends StagedReport, O extends ReadFileOptions> {
	preview: Preview = { columns: [], rows: [] };
	loadable = false;
	/** Problems of the whole file (reading, mapping, types): kept across validations. */
	protected fileIssues: ImportIssue[] = [];
	protected reg: RegisteredSource | null = null;
	protected released = false;

	constructor(
		protected readonly engine: Engine,
		protected readonly opts: O,
		readonly report: R,
		/** The engine file the source is registered as. */
		protected readonly fileRef: string
	) {}

	protected abstract step(s: CommonStep): void;
	/** Loads the stage into its table (`commit`). */
	protected abstract load(): Promise<void>;
	/** Stages the same file again (the engine restarted since). */
	protected abstract restage(): Promise<{ commit(): Promise<R> }>;
	/** Whether an engine error says the stage is gone. */
	protected abstract stageLost(message: string): boolean;
	/** Whether a failed load becomes an issue of the file (otherwise it is thrown on). */
	protected abstract loadFailureIsIssue(error: unknown): boolean;
	/** Drops the stage's tables and files. */
	protected abstract dropStage(): Promise<void>;

	/** What a kind of import keeps of the sniffed dialect besides delimiter and decimal comma. */
	protected sniffed(src: CsvSource): void {
		void src;
	}

	/** report.issues/errors/warnings/kinds from the file's issues (a dataset adds its rows'). */
	protected summarise(): void {
		const r = this.report;
		r.issues = [...this.fileIssues];
		r.errors = this.fileIssues.filter((i) => i.severity === 'error').length;
		r.warnings = this.fileIssues.length - r.errors;
		r.kinds = countKinds(this.fileIssues);
		r.omitted = 0;
	}

	protected fileIssue(...issue: IssueWhat): void {
		this.addIssue(makeIssue(this.opts.locale, this.opts.fileName, ...issue));
	}

	protected addIssue(issue: ImportIssue): void {
		this.fileIssues.push(issue);
		this.summarise();
	}

	/** A failed engine call while reading or converting the file → one file-level error. */
	protected async fail(error: unknown): Promise<this> {
		this.loadable = false;
		const reg = this.reg;
		const { locale, fileName, cli } = this.opts;
		const issue = await failureIssue(
			locale,
			fileName,
			error,
			cli,
			reg && ((e) => reg.failure(locale, e, cli))
		);
		if (issue === null) throw error;
		this.addIssue(issue);
		await this.release();
		return this;
	}

	/**
	 * Steps 1–2: decode and sniff, then refuse a file with no header
	 * (`isEmpty`, `emptyKey`) or whose first record never closes its quote.
	 * Null when the file cannot go on (the report says why).
	 */
	protected async readFile(
		maxColumns: number,
		isEmpty: (src: CsvSource) => boolean,
		emptyKey: string
	): Promise<CsvSource | null> {
		const { opts, report: r } = this;
		this.step('decode');
		const src = await readSource({
			fileName: opts.fileName,
			bytes: opts.bytes,
			locale: opts.locale,
			encoding: opts.encoding,
			delimiter: opts.delimiter,
			pause: opts.pause,
			maxColumns
		});
		r.encoding = src.encoding;
		this.fileIssues.push(...src.issues);
		this.summarise();
		if (src.fatal) {
			this.step('done');
			return null;
		}
		this.step('sniff');
		r.delimiter = src.dialect.delimiter;
		r.decimalComma = src.dialect.decimalComma;
		this.sniffed(src);
		if (isEmpty(src)) {
			this.fileIssue('error', 'file_no_header', emptyKey);
			this.step('done');
			return null;
		}
		if (firstRecordUnclosed(src.headText, src.dialect.delimiter)) {
			const line = 1 + src.skip;
			this.fileIssue(
				'error',
				'file_unreadable',
				'import.file.unreadable',
				{ reason: { key: 'import.csv.quote' }, line },
				line
			);
			this.step('done');
			return null;
		}
		return src;
	}

	/** Registers the source with the engine (step 3 reads it from there). */
	protected async register(src: CsvSource): Promise<RegisteredSource> {
		const reg = new RegisteredSource(
			this.engine,
			src,
			this.fileRef,
			this.opts.encoding,
			this.opts.pause
		);
		this.reg = reg;
		await reg.register();
		return reg;
	}

	/** Loads, and releases the stage. A stage lost to an engine restart is staged again. */
	async commit(): Promise<R> {
		if (!this.loadable || this.released) {
			await this.release();
			return this.report;
		}
		try {
			await this.load();
		} catch (error) {
			if (this.stageLost(errorText(error))) return (await this.restage()).commit();
			if (!this.loadFailureIsIssue(error)) throw error;
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

	protected async release(): Promise<void> {
		if (this.released) return;
		this.released = true;
		await this.dropStage();
		this.step('done');
	}
}
