/**
 * Where a round's draft comes from when a session opens it: a new draft
 * (empty, or prefilled from another round and stored at once), the stored
 * one without its storage revision, or, for a round only in the loaded
 * data, a completed read-only draft made from those rows.
 */
import { answersFromRows, draftId, type AssessmentRow, type Draft } from './model';
import type { RecordStore, StoredDraft } from './store';

/** A stored draft as the page holds it: without the storage revision. */
export function plainDraft(draft: StoredDraft | Draft): Draft {
	const { revision: _revision, ...rest } = draft as StoredDraft;
	void _revision;
	return rest;
}

/** A round of the loaded data as a completed draft; its date is its latest answer's, when the data say. */
export function dataDraft(ubigeo: string, round: string, rows: readonly AssessmentRow[]): Draft {
	const latest = rows.reduce<string>(
		(m, r) => (r.updated_at && r.updated_at > m ? r.updated_at : m),
		''
	);
	return {
		id: draftId(ubigeo, round),
		ubigeo,
		round,
		status: 'completed',
		createdAt: latest,
		updatedAt: latest,
		completedAt: latest || null,
		prefilledFrom: null,
		answers: answersFromRows(rows)
	};
}

/**
 * A new round: empty, or with the answers of another round of the district
 * (its latest), stored at once. A storage failure does not stop the work:
 * the draft is returned with the error, kept on the page, and the page says
 * so and offers the export.
 */
export async function createDraft(opts: {
	store: RecordStore;
	ubigeo: string;
	round: string;
	prefill: { round: string; rows: readonly AssessmentRow[] } | null;
	now: string;
}): Promise<{ draft: Draft; error: unknown }> {
	const draft: Draft = {
		id: draftId(opts.ubigeo, opts.round),
		ubigeo: opts.ubigeo,
		round: opts.round,
		status: 'draft',
		createdAt: opts.now,
		updatedAt: opts.now,
		completedAt: null,
		prefilledFrom: opts.prefill?.round ?? null,
		answers: opts.prefill ? answersFromRows(opts.prefill.rows) : {}
	};
	try {
		await opts.store.saveDraft(draft, 0);
		return { draft, error: null };
	} catch (error) {
		return { draft, error };
	}
}
