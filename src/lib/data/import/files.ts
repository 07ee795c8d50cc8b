/**
 * Several files at once: which dataset each holds, and importing them all
 * in dependency order into fresh tables (the demo data, the CLI tools, the
 * server's published data).
 */
import type { Engine } from '../../engine/types';
import type { Locale } from '../../i18n';
import { decodeBytes } from '../decode';
import { datasetFromFileName, detectDataset } from '../detect';
import { CONTRACT_MAX_COLUMNS, headerFieldCount, unitWidthOf } from '../shape';
import { DELIMITERS, sniffDialect } from '../sniff';
import { createTablesSql, DATASET_NAMES, REQUIRED_DATASETS, type DatasetName } from '../tables';
import { importCsv } from './dataset';
import { headOf, stripBom } from './lines';
import { uniqueNames } from './names';
import type { ImportReport } from './report';
import { readHeader } from './scan';

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
