/**
 * Which dataset a file is, and which of its columns is which (DESIGN.md §8,
 * step 4). Pure: works on header names only; the pipeline checks the values
 * of "weak" matches (`distrito` holding codes) with SQL.
 */
import { DATASET_SPECS, normalizeHeader, type DatasetSpec } from './schema';
import { DATASET_NAMES, type DatasetName } from './tables';

export interface HeaderMapping {
	/** Canonical column → source header. */
	mapping: Record<string, string>;
	/** Required canonical columns that no header matched, in spec order. */
	missing: string[];
	/** Source headers that are not used (kept in the file, ignored by the import). */
	extra: string[];
	/** Canonical columns matched only through a weak synonym: their values must look like codes. */
	weak: string[];
	/** Unused headers that name a column already read from another header. */
	shadowed: { header: string; column: string }[];
}

/**
 * Maps source headers to the spec's columns. Matching ignores case, accents
 * and spaces/underscores/hyphens. The canonical name wins over a synonym, a
 * synonym over a weak synonym, and the first header over a later one.
 * `forced` (canonical → header, e.g. chosen by the user) is applied first;
 * entries naming an unknown column or header are ignored. `written` are the
 * headers as the file has them, when `headers` were made unique (`ubigeo`
 * twice → `ubigeo`, `ubigeo_1`): an unused one that names a column is shadowed.
 */
export function mapHeaders(
	spec: DatasetSpec,
	headers: readonly string[],
	forced: Record<string, string> = {},
	written: readonly string[] = headers
): HeaderMapping {
	const norm = headers.map((h) => normalizeHeader(h));
	const used = new Set<number>();
	const mapping: Record<string, string> = {};
	const weak: string[] = [];

	for (const [column, header] of Object.entries(forced)) {
		const i = headers.indexOf(header);
		if (i < 0 || used.has(i) || !spec.columns.some((c) => c.name === column)) continue;
		if (column in mapping) continue;
		mapping[column] = header;
		used.add(i);
	}

	const claim = (column: string, candidates: readonly string[]): boolean => {
		for (const candidate of candidates) {
			const n = normalizeHeader(candidate);
			const i = norm.findIndex((h, j) => h === n && !used.has(j));
			if (i >= 0) {
				mapping[column] = headers[i];
				used.add(i);
				return true;
			}
		}
		return false;
	};

	for (const c of spec.columns) if (!(c.name in mapping)) claim(c.name, [c.name]);
	for (const c of spec.columns) if (!(c.name in mapping)) claim(c.name, c.synonyms);
	for (const c of spec.columns) {
		if (c.name in mapping || !c.weakSynonyms) continue;
		if (claim(c.name, c.weakSynonyms)) weak.push(c.name);
	}

	const shadowed: HeaderMapping['shadowed'] = [];
	const extra: string[] = [];
	headers.forEach((header, i) => {
		if (used.has(i)) return;
		extra.push(header);
		const names = new Set([norm[i], normalizeHeader(written[i] ?? header)]);
		const column = spec.columns.find((c) =>
			[c.name, ...c.synonyms].some((s) => names.has(normalizeHeader(s)))
		);
		if (column) shadowed.push({ header, column: column.name });
	});

	const missing = spec.columns.filter((c) => c.required && !(c.name in mapping)).map((c) => c.name);
	return { mapping, missing, extra, weak, shadowed };
}

/**
 * The dataset a header row belongs to, or null when none fits. Each dataset
 * is scored by the share of its required columns found (at least half, and
 * at least two columns in all), then by the number of columns found.
 */
export function detectDataset(headers: readonly string[]): DatasetName | null {
	let best: { name: DatasetName; required: number; found: number } | null = null;
	for (const name of DATASET_NAMES) {
		const spec = DATASET_SPECS[name];
		const m = mapHeaders(spec, headers);
		const requiredCount = spec.columns.filter((c) => c.required).length;
		const required = (requiredCount - m.missing.length) / requiredCount;
		const found = Object.keys(m.mapping).length;
		if (required < 0.5 || found < 2) continue;
		if (
			best === null ||
			required > best.required + 1e-9 ||
			(Math.abs(required - best.required) < 1e-9 && found > best.found)
		) {
			best = { name, required, found };
		}
	}
	return best?.name ?? null;
}

/**
 * The dataset a file name says (`districts.csv`, `actividades_2024.csv`,
 * `Plan de acción.csv`), or null. Compared without case, accents or extension.
 */
export function datasetFromFileName(fileName: string): DatasetName | null {
	const base = fileName.split(/[/\\]/).pop() ?? fileName;
	const stem = normalizeHeader(base.replace(/\.(csv|tsv|txt)$/i, ''));
	for (const name of DATASET_NAMES) {
		for (const candidate of DATASET_SPECS[name].fileNames) {
			const n = normalizeHeader(candidate);
			if (stem === n || stem.startsWith(`${n}_`)) return name;
		}
	}
	return null;
}
