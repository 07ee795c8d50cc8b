/**
 * Several files staged together on the data page (issue 18 §1): an analyst
 * picks the six files of their own dataset at once. The files are checked
 * and loaded in the order of their references (districts and framework
 * first, DATASET_NAMES), each against what the batch will leave loaded: the
 * referenced dataset's staged files of the same batch when there are some,
 * else the loaded table. Pure: the page turns these into views.
 */
import { quoteIdent } from '../engine/sql';
import type { OrphanCount, ReferencedDataset } from './orphans';
import { DATASET_NAMES, type DatasetName } from './tables';

/** Load order: the contract's datasets in reference order, generic tables (and unknown) last. */
export function batchRank(target: string | null | undefined): number {
	const i = DATASET_NAMES.indexOf(target as DatasetName);
	return i < 0 ? DATASET_NAMES.length : i;
}

/** `items` in load order, keeping the order in which they were picked within a dataset. */
export function inLoadOrder<T>(items: readonly T[], target: (item: T) => string | null): T[] {
	return items
		.map((item, i) => ({ item, i, rank: batchRank(target(item)) }))
		.sort((a, b) => a.rank - b.rank || a.i - b.i)
		.map((x) => x.item);
}

/** A staged file of a referenced dataset: where its loadable rows sit, and how it will load. */
export interface StagedSource {
	mode: 'replace' | 'append';
	/** The stage, and the issues table whose error lines will not load (null: none). */
	table: string;
	issues: string | null;
}

/**
 * A SELECT of the rows `dataset` will hold once the staged files `staged`
 * (in load order) are loaded on top of the loaded table: from the last
 * replace on (or the loaded table, when none replaces), each stage less its
 * error lines. Null when nothing is staged: the loaded table itself is what
 * counts. Stages carry helper columns (`__line`, raw text): `BY NAME` lines
 * the columns up and the extras do no harm to a reference check.
 */
export function referenceSelectSql(
	dataset: ReferencedDataset,
	staged: readonly StagedSource[]
): string | null {
	if (staged.length === 0) return null;
	const q = quoteIdent;
	let from = 0;
	staged.forEach((s, i) => {
		if (s.mode === 'replace') from = i;
	});
	const parts = staged.slice(from).map((s) => {
		const where = s.issues
			? ` WHERE NOT EXISTS (SELECT 1 FROM ${q(s.issues)} i WHERE i.severity = 'error' AND i.line = t.__line)`
			: '';
		return `SELECT t.* FROM ${q(s.table)} t${where}`;
	});
	if (staged[from].mode === 'append') parts.unshift(`SELECT * FROM ${q(dataset)}`);
	return parts.join('\nUNION ALL BY NAME\n');
}

/**
 * Of the rows a replace would leave without a match, those the batch does not
 * replace anyway: a dataset that the batch replaces is checked against the
 * batch's own references instead.
 */
export function orphansOutsideBatch(
	orphans: readonly OrphanCount[],
	replacedByBatch: readonly string[]
): OrphanCount[] {
	return orphans.filter((o) => !replacedByBatch.includes(o.dataset));
}
