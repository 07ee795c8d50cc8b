import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Encoding } from '../src/lib/data/decode';
import {
	headOf,
	importCsv,
	importTable,
	issueText,
	recogniseFile,
	shapeRefusal,
	type ImportIssue,
	type Severity,
	type ImportReport
} from '../src/lib/data/import';
import type { Delimiter } from '../src/lib/data/sniff';
import { createTablesSql, DATASET_NAMES, type DatasetName } from '../src/lib/data/tables';
import type { Engine } from '../src/lib/engine/types';
import { decodeBytes, encodingLabel, type Encoding as EncodingName } from '../src/lib/data/decode';
import { CONTRACT_MAX_COLUMNS, TABLE_MAX_COLUMNS } from '../src/lib/data/shape';
import { tr, type Locale } from '../src/lib/i18n';

/** `--type`: a dataset of the contract, or `table` for the generic load. */
export type ValidateType = DatasetName | 'table';

export const VALIDATE_TYPES: readonly ValidateType[] = [...DATASET_NAMES, 'table'];

export interface ValidateInput {
	fileName: string;
	/** null when the file could not be read (missing, a folder, a pipe, no permission). */
	bytes: Uint8Array | null;
	/** Why it could not be read: the message shown (from `readInputFile`). */
	readError?: string;
}

export interface ValidateOptions {
	type?: ValidateType;
	today: string;
	locale: Locale;
	encoding?: Encoding;
	delimiter?: Delimiter;
	/** Folder with the demo data, whose districts and framework are the default references. */
	demoDir: string;
}

/** One object per file, as printed by `--json`. */
export interface FileResult {
	file: string;
	encoding: string | null;
	delimiter: string | null;
	/** The dataset it was validated as, `table`, or null when it was not recognised. */
	type: ValidateType | null;
	rows: number;
	columns: number;
	errors: number;
	warnings: number;
	issues: { line: number | null; column: string | null; severity: Severity; message: string }[];
}

/** An issue as the report shows it, its message translated here (issues are keys). */
function brief(i: ImportIssue, locale: Locale) {
	return { line: i.line, column: i.column, severity: i.severity, message: issueText(i, locale) };
}

/**
 * The `validate` CLI without the file system and the process: the app's own
 * pipeline on the Node engine. Contract files are checked against the
 * districts and framework given among the files or, when absent, the demo
 * data (as the app does), in dependency order. Each file is checked on its
 * own (replace mode): two files of one dataset are not checked against each other.
 *
 * `engine` may be a function that starts one: it is called only when some
 * file passes the checks made without it (it could be read, and its shape is
 * within the limits), so refusing a wrong file takes no engine start.
 */
export async function validateFiles(
	engineOrStart: Engine | (() => Promise<Engine>),
	files: ValidateInput[],
	opts: ValidateOptions
): Promise<FileResult[]> {
	const results = new Map<number, FileResult>();
	const refused = (i: number, f: ValidateInput, message: string, encoding: string | null) =>
		results.set(i, {
			file: f.fileName,
			encoding,
			delimiter: null,
			type: opts.type ?? (f.bytes ? recogniseFile(f.fileName, f.bytes) : null),
			rows: 0,
			columns: 0,
			errors: 1,
			warnings: 0,
			issues: [{ line: null, column: null, severity: 'error', message }]
		});

	// Without the engine: files that could not be read, and files of the wrong shape.
	const maxColumns = opts.type === 'table' ? TABLE_MAX_COLUMNS : CONTRACT_MAX_COLUMNS;
	for (const [i, f] of files.entries()) {
		if (!f.bytes) {
			const message =
				f.readError ?? tr(opts.locale, 'import.cli.unreadable', { file: f.fileName, reason: '' });
			refused(i, f, message, null);
			continue;
		}
		const encoding = decodeBytes(headOf(f.bytes), opts.encoding).encoding;
		const shape = shapeRefusal(
			{
				fileName: f.fileName,
				bytes: f.bytes,
				locale: opts.locale,
				encoding: opts.encoding,
				delimiter: opts.delimiter,
				maxColumns
			},
			encoding
		);
		if (shape) refused(i, f, issueText(shape, opts.locale), encoding);
	}
	if (results.size === files.length) return files.map((_, i) => results.get(i) as FileResult);
	const engine = typeof engineOrStart === 'function' ? await engineOrStart() : engineOrStart;

	if (opts.type === 'table') {
		for (const [i, f] of files.entries()) {
			if (results.has(i) || !f.bytes) continue;
			const r = await importTable(engine, {
				fileName: f.fileName,
				bytes: f.bytes,
				locale: opts.locale,
				encoding: opts.encoding,
				delimiter: opts.delimiter,
				reserved: [],
				cli: true
			});
			results.set(i, {
				file: f.fileName,
				encoding: r.encoding,
				delimiter: r.delimiter,
				type: 'table',
				rows: r.rows,
				columns: r.columns.length,
				errors: r.errors,
				warnings: r.warnings,
				issues: r.issues.map((issue) => brief(issue, opts.locale))
			});
			await engine.exec(`DROP TABLE IF EXISTS "${r.table}"`);
		}
		return files.map((_, i) => results.get(i) as FileResult);
	}

	// The references: demo districts and framework, unless the files bring their own.
	await engine.exec(createTablesSql());
	// a dataset of the contract here ('table' returned above); a const keeps that in the closure
	const given: DatasetName | undefined = opts.type;
	const recognised = files.map((f, i) =>
		f.bytes && !results.has(i) ? (given ?? recogniseFile(f.fileName, f.bytes)) : null
	);
	for (const base of ['districts', 'framework'] as const) {
		if (recognised.includes(base)) continue;
		const bytes = new Uint8Array(readFileSync(join(opts.demoDir, `${base}.csv`)));
		await importCsv(engine, {
			fileName: `${base}.csv`,
			bytes,
			dataset: base,
			mode: 'replace',
			today: opts.today,
			locale: opts.locale,
			cli: true
		});
	}
	const rank = (d: DatasetName | null) =>
		d === null ? DATASET_NAMES.length : DATASET_NAMES.indexOf(d);
	const order = files
		.map((_, i) => i)
		.sort((a, b) => rank(recognised[a]) - rank(recognised[b]) || a - b);
	for (const i of order) {
		const f = files[i];
		if (results.has(i) || !f.bytes) continue;
		const dataset = recognised[i];
		const r: ImportReport = await importCsv(engine, {
			fileName: f.fileName,
			bytes: f.bytes,
			dataset: dataset ?? undefined,
			mode: 'replace',
			today: opts.today,
			locale: opts.locale,
			encoding: opts.encoding,
			delimiter: opts.delimiter,
			cli: true
		});
		results.set(i, {
			file: f.fileName,
			encoding: r.encoding,
			delimiter: r.delimiter,
			type: r.dataset,
			rows: r.rows,
			columns: r.columns.length,
			errors: r.errors,
			warnings: r.warnings,
			issues: r.issues.map((issue) => brief(issue, opts.locale))
		});
	}
	return files.map((_, i) => results.get(i) as FileResult);
}

const DELIMITER_NAMES: Record<string, string> = { ',': ',', ';': ';', '\t': 'TAB', '|': '|' };

/** The human-readable report: a summary line per file, then its issues. */
export function formatText(results: readonly FileResult[], locale: Locale): string {
	const lines: string[] = [];
	for (const r of results) {
		const what =
			r.type === null
				? tr(locale, 'import.cli.unrecognised')
				: r.type === 'table'
					? tr(locale, 'import.cli.table')
					: tr(locale, `import.dataset.${r.type}`);
		lines.push(
			tr(locale, 'import.cli.summary', {
				file: r.file,
				what,
				encoding: r.encoding === null ? '–' : encodingLabel(r.encoding as EncodingName),
				delimiter: r.delimiter === null ? '–' : (DELIMITER_NAMES[r.delimiter] ?? r.delimiter),
				rows: r.rows,
				columns: r.columns,
				errors: r.errors,
				warnings: r.warnings
			})
		);
		for (const i of r.issues) {
			const where = [
				i.line === null ? null : tr(locale, 'import.cli.line', { line: i.line }),
				i.column
			]
				.filter((x) => x !== null && x !== '')
				.join(', ');
			const severity = tr(locale, `import.severity.${i.severity}`);
			lines.push(`  ${where ? `${where}: ` : ''}${severity}: ${i.message}`);
		}
		const listed = r.issues.length;
		if (listed < r.errors + r.warnings) {
			lines.push(`  ${tr(locale, 'import.cli.more', { count: r.errors + r.warnings - listed })}`);
		}
	}
	return lines.join('\n');
}
