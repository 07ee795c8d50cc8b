/**
 * The CSV import pipeline (DESIGN.md §8), one step per module:
 * decode (../decode.ts) → read the source (source.ts, lines.ts) → sniff
 * (../sniff.ts) and scan records (scan.ts, the one scanner) → stage
 * (stage.ts, fast.ts) → validate (validate.ts) → load (load.ts). One
 * importer (staged.ts) runs them for a contract dataset (dataset.ts) and for
 * a generic table (table.ts). Issues are message keys with parameters
 * (issues.ts), translated where they are shown.
 */
export { importCsv, prepareImport } from './dataset';
export {
	importFiles,
	recogniseFile,
	type ImportFilesOptions,
	type ImportFilesResult
} from './files';
export {
	countKinds,
	issuesToCsvRows,
	issueText,
	type ImportIssue,
	type IssueKind,
	type IssueParams,
	type ReportCsvRow,
	type Severity
} from './issues';
export { headOf } from './lines';
export { columnNames, safeTableName, uniqueNames } from './names';
export {
	PREVIEW_ROWS,
	type GenericColumn,
	type GenericType,
	type ImportOptions,
	type ImportReport,
	type ImportStep,
	type PreparedImport,
	type PreparedTable,
	type Preview,
	type ReferenceTables,
	type TableImportOptions,
	type TableReport,
	type TableStep
} from './report';
export { readHeader, recordStartLines } from './scan';
export { shapeRefusal } from './source';
export { importTable, prepareTable } from './table';
export { guessType } from './table-types';
