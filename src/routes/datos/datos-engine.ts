/** Engine work of the data page that is not state: orphan counts and pruning, a transaction, an error's text. */
import {
	orphanCountsSql,
	pruneOrphansSql,
	type KeySource,
	type OrphanCount,
	type ReferencedDataset
} from '$lib/data/orphans';
import { type DatasetName } from '$lib/data/tables';
import { EngineError, type Engine } from '$lib/engine/types';

/** Rows of other datasets (those with some) that would not match `referenced` holding `keys`. */
export async function countOrphans(
	engine: Engine,
	referenced: ReferencedDataset,
	keys: KeySource | null
): Promise<OrphanCount[]> {
	const q = orphanCountsSql(referenced, keys);
	const rows = await engine.query(q.sql, q.params);
	return rows
		.map((r) => ({ dataset: r.dataset as DatasetName, rows: Number(r.rows) }))
		.filter((o) => o.rows > 0);
}

/**
 * Removes the rows of `orphans`' datasets that no longer match the loaded
 * `referenced` table (what the user agreed to); returns how many went from each.
 */
export async function pruneRows(
	engine: Engine,
	referenced: ReferencedDataset,
	orphans: readonly OrphanCount[]
): Promise<OrphanCount[]> {
	const removed: OrphanCount[] = [];
	for (const { dataset } of orphans) {
		const q = pruneOrphansSql(referenced, dataset);
		const [row] = await engine.query(q.sql, q.params);
		removed.push({ dataset, rows: Number(row?.Count ?? 0) });
	}
	return removed;
}

export async function inTransaction<T>(engine: Engine, work: () => Promise<T>): Promise<T> {
	await engine.exec('BEGIN TRANSACTION');
	try {
		const result = await work();
		await engine.exec('COMMIT');
		return result;
	} catch (error) {
		await engine.exec('ROLLBACK').catch(() => {});
		throw error;
	}
}

export const sameCounts = (a: readonly OrphanCount[], b: readonly OrphanCount[]) =>
	JSON.stringify(a) === JSON.stringify(b);

export function message(error: unknown): string {
	if (error instanceof EngineError) return error.message;
	return error instanceof Error ? error.message : String(error);
}

// The loaders are imported when used: they pull in the other features' overlays,
// which need not load with the page (nor during prerendering).
export const appDatasets = () => import('$lib/app/datasets');
