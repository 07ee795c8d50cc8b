/**
 * What an import gives back: the report of a contract dataset
 * (`ImportReport`) or of a generic table (`TableReport`), the options each
 * takes, and the staged import (`PreparedImport`, `PreparedTable`) that the
 * data page previews before it loads. Both share `StagedReport`.
 */
import type { Locale } from '../../i18n';
import type { Encoding } from '../decode';
import type { DateOrder, Delimiter } from '../sniff';
import type { DatasetName } from '../tables';
import type { ImportIssue, IssueKind } from './issues';

/** What every report has, whatever the file becomes. */
export interface StagedReport {
	file: string;
	encoding: Encoding;
	delimiter: Delimiter;
	decimalComma: boolean;
	/** Data rows read (the header excluded). */
	rows: number;
	/** Rows inserted into the table (0 until committed). */
	loaded: number;
	issues: ImportIssue[];
	errors: number;
	warnings: number;
	/** Issues counted but not listed. */
	omitted: number;
	/** Totals by kind of problem (all issues, listed or not), most frequent first. */
	kinds: IssueKind[];
}

/** Options every import takes. */
export interface ReadFileOptions {
	fileName: string;
	bytes: Uint8Array;
	/** The language of each issue's `message` (issues themselves are keys: see issues.ts). */
	locale: Locale;
	/** Skip encoding detection. */
	encoding?: Encoding;
	/** Skip delimiter detection. */
	delimiter?: Delimiter;
	/** The messages are for the command line (`npm run validate`, `npm run metrics`), not the page. */
	cli?: boolean;
	/** Called with the first rows as soon as they are read (before the slow steps). */
	onPreview?: (preview: Preview) => void;
	/** Yields to the page between slices of JS work (default: a macrotask). */
	pause?: () => Promise<void>;
}

/** The first rows of a file as read (all text), for the data page. */
export interface Preview {
	columns: string[];
	rows: string[][];
}

/** Rows shown in a preview. */
export const PREVIEW_ROWS = 10;

/** The report of a contract dataset (`issues`: the first `maxIssues`, by line; counts cover all). */
export interface ImportReport extends StagedReport {
	dataset: DatasetName | null;
	dateOrder: DateOrder | null;
	/** Rows without errors, that a load would insert (known once validated). */
	valid: number;
	/** Headers of the file (made unique: a repeated name gets `_1`, an empty one `columnN`). */
	columns: string[];
	/** Canonical column → header of the file. */
	mapping: Record<string, string>;
	/** Required canonical columns not found. */
	missing: string[];
}

export interface ImportOptions extends ReadFileOptions {
	/** Import as this dataset. Otherwise: by file name (`districts.csv`, …), then by headers. */
	dataset?: DatasetName;
	/** 'replace' empties the typed table first; 'append' adds (keys checked against existing rows). */
	mode: 'replace' | 'append';
	/** ISO date: dates after it are flagged as "in the future". */
	today: string;
	/** Canonical column → header, overriding the automatic mapping. */
	mapping?: Record<string, string>;
	/**
	 * Where references are checked: a table or view per referenced dataset
	 * (default: the loaded \`districts\` and \`framework\`). The data page points
	 * them at what a batch of files will leave loaded.
	 */
	tables?: ReferenceTables;
	/** Most issues listed in the report (all are counted). Default 10,000. */
	maxIssues?: number;
	/** Called as each step starts (for a progress display). */
	onStep?: (step: ImportStep) => void;
	/**
	 * Skip the fast path for clean files and always stage the detailed way
	 * (line numbers, source text). The result is the same; tests compare both.
	 */
	detailed?: boolean;
}

/** A table or view (its name) standing for a referenced dataset. */
export type ReferenceTables = Partial<Record<'districts' | 'framework', string>>;

export type ImportStep = 'decode' | 'sniff' | 'map' | 'stage' | 'validate' | 'load' | 'done';

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
	/**
	 * Validate again for `mode` (append also checks keys against the rows
	 * already loaded), and against `tables` when given (they then stay).
	 */
	validate(mode: 'replace' | 'append', tables?: ReferenceTables): Promise<ImportReport>;
	/** Load the valid rows in the last validated mode, and release the stage. */
	commit(): Promise<ImportReport>;
	/** Release the stage without loading. */
	discard(): Promise<void>;
}

export type GenericType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN';

export interface GenericColumn {
	/** Column name in the table (the header, trimmed and made unique). */
	name: string;
	/** The header cell as written in the file ('' when there is none). */
	header: string;
	type: GenericType;
}

/** The report of a generic table (every issue is listed). */
export interface TableReport extends StagedReport {
	/** The table's name in DuckDB (safe: `[a-z0-9_]`, no clash with the contract's tables). */
	table: string;
	/** Whether the first row was read as the header. */
	header: boolean;
	columns: GenericColumn[];
}

export interface TableImportOptions extends ReadFileOptions {
	/** Table name wanted (sanitised); default from the file name. */
	name?: string;
	/** Names that must not be taken (besides the contract's tables and `__…`). */
	reserved?: readonly string[];
	/** Whether the first row is the header; default: guessed (`detectHeader`). */
	header?: boolean;
	/** Keep every column as text (no type inference). */
	allText?: boolean;
	onStep?: (step: TableStep) => void;
}

export type TableStep = 'decode' | 'sniff' | 'stage' | 'types' | 'load' | 'done';

export interface PreparedTable {
	readonly report: TableReport;
	readonly preview: Preview;
	readonly loadable: boolean;
	/** Create (or replace) the table; releases the stage. */
	commit(): Promise<TableReport>;
	discard(): Promise<void>;
}
