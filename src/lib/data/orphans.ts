/**
 * Rows that stop matching when districts.csv or framework.csv is replaced
 * (issue 19 §5): the other datasets point at district codes and indicators,
 * and a replacement that lacks some of them would leave those rows pointing
 * at nothing ("8 de 5 distritos" on the observatory). The data page counts
 * them before it replaces anything (`orphanCountsSql`, against the staged
 * file), and, when the user agrees, removes them after the replace
 * (`pruneOrphansSql`, against the new table); the replay does the same, so a
 * reload rebuilds the same tables.
 *
 * What "matches" is what the import validation accepts for a new row
 * (schema.ts `references`): the code exists and, for an indicator, has the
 * kind the column asks for (`policy` for assessments, `statistic` for
 * statistics). A NULL reference (an action without an indicator) matches.
 */
import { quoteIdent } from '../engine/sql';
import type { SqlQuery, Value } from '../engine/types';
import { DATASET_SPECS, type Reference } from './schema';
import { DATASET_NAMES, type DatasetName } from './tables';

/** The datasets others refer to. */
export type ReferencedDataset = Reference['dataset'];

export function isReferenced(dataset: string | null | undefined): dataset is ReferencedDataset {
	return dataset === 'districts' || dataset === 'framework';
}

/** A dataset whose rows point at `referenced`, and the columns that do. */
export interface Referencing {
	dataset: DatasetName;
	columns: { name: string; ref: Reference }[];
}

/** The datasets that refer to `referenced`, in load order (from the data contract). */
export function referencingDatasets(referenced: ReferencedDataset): Referencing[] {
	return DATASET_NAMES.flatMap((dataset) => {
		const columns = DATASET_SPECS[dataset].columns
			.filter((c) => c.references?.dataset === referenced)
			.map((c) => ({ name: c.name, ref: c.references as Reference }));
		return columns.length ? [{ dataset, columns }] : [];
	});
}

/** Rows of one dataset that would stop matching. */
export interface OrphanCount {
	dataset: DatasetName;
	rows: number;
}

/**
 * Where the referenced keys come from: a table shaped like the referenced
 * dataset (the typed table, or a prepared import's stage), less the lines
 * that have an error in `issues` (the detailed stage keeps them, and a load
 * skips them). `null`: no key at all (the dataset emptied).
 */
export interface KeySource {
	table: string;
	issues?: string | null;
}

/** The WHERE condition of a row `t` of `r` that has no match among the keys of `keys`. */
function unmatched(r: Referencing, keys: KeySource | null, params: Value[]): string {
	const q = quoteIdent;
	return r.columns
		.map(({ name, ref }) => {
			if (keys === null) return `t.${q(name)} IS NOT NULL`;
			const conds = [`k.${q(ref.column)} = t.${q(name)}`];
			if (ref.kind) {
				conds.push('k.kind = ?');
				params.push(ref.kind);
			}
			if (keys.issues) {
				conds.push(
					`NOT EXISTS (SELECT 1 FROM ${q(keys.issues)} i WHERE i.severity = 'error' AND i.line = k.__line)`
				);
			}
			return `(t.${q(name)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${q(keys.table)} k WHERE ${conds.join(' AND ')}))`;
		})
		.join(' OR ');
}

/**
 * `dataset, rows`: for every dataset that refers to `referenced`, how many of
 * its loaded rows would have no match if `referenced` held the keys of
 * `keys`. One row per referring dataset, in load order, zeros included.
 */
export function orphanCountsSql(referenced: ReferencedDataset, keys: KeySource | null): SqlQuery {
	const params: Value[] = [];
	const parts = referencingDatasets(referenced).map((r, i) => {
		params.push(r.dataset);
		const head = `SELECT ${i} AS ord, ? AS dataset, count(*)::INTEGER AS "rows" FROM ${quoteIdent(r.dataset)} t`;
		return `${head} WHERE ${unmatched(r, keys, params)}`;
	});
	return {
		sql: `SELECT dataset, "rows" FROM (\n${parts.join('\nUNION ALL\n')}\n) ORDER BY ord`,
		params
	};
}

/**
 * Deletes the rows of `dataset` that no longer match the loaded
 * `referenced` table (after a replace the user confirmed). Returns DuckDB's
 * `Count` of deleted rows.
 */
export function pruneOrphansSql(referenced: ReferencedDataset, dataset: DatasetName): SqlQuery {
	const r = referencingDatasets(referenced).find((x) => x.dataset === dataset);
	if (!r) throw new Error(`${dataset} does not refer to ${referenced}`);
	const params: Value[] = [];
	const where = unmatched(r, { table: referenced }, params);
	return { sql: `DELETE FROM ${quoteIdent(dataset)} t WHERE ${where}`, params };
}
