/**
 * A district's rounds as its rounds page shows them: the rounds of the
 * loaded data (with this browser's completed ones among them) and the
 * drafts of this browser; and the "new round" form (name, how to start).
 */
import { Query } from '../engine/query.svelte';
import { engineState } from '../engine/state.svelte';
import type { Engine } from '../engine/types';
import { overallScoresSql } from '../metrics/assessment';
import { suggestRoundName, type AssessmentRow, type Draft, type Indicator } from './model';
import { roundAnswersSql } from './queries';
import { listRounds, nameProblem } from './rounds';
import { createDraft } from './drafts';
import { RevisionConflict, type RecordStore, type StoredDraft } from './store';

export interface DistrictRoundsOptions {
	ubigeo: () => string;
	indicators: () => readonly Indicator[];
	store: RecordStore;
	/** `YYYY-MM-DD`, for the suggested round name. */
	today: () => string;
}

export class DistrictRounds {
	/** This browser's drafts and completed rounds of the district (null while reading). */
	drafts = $state<StoredDraft[] | null>(null);
	listError = $state<unknown>(null);
	/** What the official typed as the new round's name (null: the suggestion stands). */
	typed = $state<string | null>(null);
	/** How to start; null: from the latest round when there is one. */
	prefillChoice = $state<'latest' | 'empty' | null>(null);

	#opts: DistrictRoundsOptions;
	#overall: Query;

	constructor(opts: DistrictRoundsOptions) {
		this.#opts = opts;
		this.#overall = new Query(() => overallScoresSql({ ubigeo: opts.ubigeo() }));
		$effect(() => {
			const ubigeo = opts.ubigeo();
			void engineState.dataVersion; // a completed round moves from the drafts to the data
			let cancelled = false;
			opts.store.listDrafts(ubigeo).then(
				(list) => {
					if (!cancelled) this.drafts = list;
				},
				(error) => {
					if (cancelled) return;
					this.listError = error;
					this.drafts = [];
				}
			);
			return () => {
				cancelled = true;
			};
		});
	}

	get loaded(): boolean {
		return this.#overall.rows !== null && this.drafts !== null;
	}

	items = $derived.by(() =>
		listRounds(this.#overall.rows ?? [], this.drafts ?? [], this.#opts.indicators())
	);
	dataRounds = $derived.by(() => (this.#overall.rows ?? []).map((r) => String(r.round)).sort());
	latest = $derived.by(() => this.dataRounds.at(-1) ?? null);
	suggestion = $derived.by(
		() =>
			suggestRoundName(this.#opts.today(), [
				...this.dataRounds,
				...(this.drafts ?? []).map((d) => d.round)
			]) ?? ''
	);
	name = $derived.by(() => (this.typed ?? this.suggestion).trim());
	prefill = $derived.by(() => this.prefillChoice ?? (this.latest ? 'latest' : 'empty'));
	problem = $derived.by(() => nameProblem(this.name, this.dataRounds, this.drafts ?? []));
	/** The draft already named like the new round, to continue instead. */
	existingDraft = $derived.by(
		() => (this.drafts ?? []).find((d) => d.round === this.name && d.status === 'draft') ?? null
	);

	/**
	 * Starts the round: empty or with the latest round's answers and evidence.
	 * `exists`: a draft of that name appeared meanwhile (another tab). A
	 * storage failure still gives the draft, with the error.
	 */
	async create(
		engine: Engine | null,
		now: string
	): Promise<{ draft: Draft; error: unknown } | 'exists' | null> {
		if (this.problem) return null;
		const ubigeo = this.#opts.ubigeo();
		let source: { round: string; rows: AssessmentRow[] } | null = null;
		if (this.prefill === 'latest' && this.latest && engine) {
			const q = roundAnswersSql(ubigeo, this.latest);
			source = {
				round: this.latest,
				rows: (await engine.query(q.sql, q.params)) as AssessmentRow[]
			};
		}
		const result = await createDraft({
			store: this.#opts.store,
			ubigeo,
			round: this.name,
			prefill: source,
			now
		});
		return result.error instanceof RevisionConflict ? 'exists' : result;
	}
}
