/**
 * One round of one district, open for answering: the draft, its autosave,
 * what still stops it from being complete, and the bridge to the engine
 * (live scores, completion). The form and the workshop are two views of
 * the same session.
 */
import type { Engine, SqlQuery } from '../engine/types';
import { Autosave } from './autosave.svelte';
import { nowIso } from '../clock';
import { DraftTabs } from './draft-tabs';
import { draftScoresSql } from './draft-scores';
import type { EmergencyCopies } from './emergency';
import { dataDraft, plainDraft } from './drafts';
import {
	blankAnswer,
	draftId,
	missingForFinish,
	type Answer,
	type AssessmentRow,
	type Draft,
	type DraftAnswer,
	type Indicator
} from './model';
import { roundAnswersSql } from './queries';
import { removeRoundFromEngine, writeRoundToEngine } from './records';
import { applyRound, roundCsv, type IncomingAnswer, type IndicatorChange } from './round-csv';
import { watchPage } from './page-lifecycle';
import type { RecordStore, StoredDraft } from './store';

/**
 * - `loading`: reading storage;
 * - `ready`: `draft` is set;
 * - `missing`: no draft and no data for this round.
 */
export type SessionPhase = 'loading' | 'ready' | 'missing';

/** Where the round comes from: a draft of this browser, or the loaded data (read-only). */
export type SessionSource = 'local' | 'data';

export type TextField = 'evidence' | 'source_url' | 'notes';

export interface SessionOptions {
	ubigeo: string;
	round: string;
	store: RecordStore;
	emergency: EmergencyCopies;
	/** The framework's policy indicators, in form order. */
	indicators: () => readonly Indicator[];
	engine: () => Engine | null;
	/** Tell every dashboard that the data changed (bump `engineState.dataVersion`). */
	dataChanged: () => void;
	/** A draft made on this page that storage may not have (it failed when created). */
	unsaved?: Draft | null;
	/** Current time, ISO 8601 (tests pass a fixed one). */
	now?: () => string;
}

export class DraftSession {
	phase = $state<SessionPhase>('loading');
	source = $state<SessionSource>('local');
	draft = $state<Draft | null>(null);
	/** A newer tab opened this draft: this one only shows it. */
	superseded = $state(false);
	/** Storage could not be used at all (probe failed): shown at once. */
	storageError = $state<unknown>(null);
	autosave = $state<Autosave | null>(null);
	/** The last completion or reopening failed in the engine. */
	engineError = $state<unknown>(null);
	/**
	 * Storage failed, but the emergency copy (localStorage) holds the changes:
	 * the next visit gets them back. False while that copy fails too.
	 */
	backupKept = $state(false);
	/**
	 * Server mode: the round is on its way at the UIM (sent, validated,
	 * published), so nothing can be typed until it is returned.
	 */
	serverLock = $state(false);

	readonly ubigeo: string;
	readonly round: string;
	readonly id: string;
	#opts: SessionOptions;
	#now: () => string;
	#tabs: DraftTabs;

	constructor(opts: SessionOptions) {
		this.#opts = opts;
		this.ubigeo = opts.ubigeo;
		this.round = opts.round;
		this.id = draftId(opts.ubigeo, opts.round);
		this.#now = opts.now ?? nowIso;
		this.#tabs = new DraftTabs({
			id: this.id,
			autosave: () => this.autosave,
			stepBack: () => (this.superseded = true),
			reload: () => this.reload()
		});
	}

	/** Nothing can be typed: a data round, a completed round, a newer tab, or a conflict. */
	readonly = $derived(
		this.source === 'data' ||
			this.draft?.status === 'completed' ||
			this.superseded ||
			this.serverLock ||
			this.autosave?.state === 'conflict'
	);

	missing = $derived.by(() =>
		this.draft ? missingForFinish(this.#opts.indicators(), this.draft.answers) : []
	);

	/** The live scores' query: the dashboards' SQL over the draft's answers. */
	scoresQuery = $derived.by((): SqlQuery | null => {
		if (!this.draft) return null;
		const answers: { indicator_id: string; answer: Answer }[] = [];
		for (const ind of this.#opts.indicators()) {
			const answer = this.draft.answers[ind.id]?.answer;
			if (answer) answers.push({ indicator_id: ind.id, answer });
		}
		return draftScoresSql({ ubigeo: this.ubigeo, round: this.round, answers });
	});

	/** Reads the draft: storage, then an emergency copy, then the loaded data. */
	async open(): Promise<void> {
		const { store, emergency } = this.#opts;
		let stored: StoredDraft | null = null;
		try {
			stored = await store.getDraft(this.id);
		} catch (error) {
			this.storageError = error;
		}
		const copy = emergency.read(this.id);
		const revision = stored?.revision ?? 0;
		let draft: Draft | null = stored ? plainDraft(stored) : null;
		let unsaved = false;
		if (copy && copy.base === revision) {
			draft = copy.draft;
			unsaved = true;
		} else if (copy) {
			emergency.clear(this.id); // another tab saved after it: the newer answers win
		}
		if (!draft && this.#opts.unsaved?.id === this.id) {
			draft = this.#opts.unsaved;
			unsaved = true;
		}
		if (draft) {
			this.source = 'local';
			this.draft = draft;
			this.autosave = this.#makeAutosave(revision, stored ? Date.parse(stored.updatedAt) : null);
			this.phase = 'ready';
			if (unsaved) this.autosave.changed();
			if (!this.storageError) {
				store.probe().catch((error) => (this.storageError = error));
			}
			return;
		}
		const rows = await this.#dataRows();
		if (rows.length) {
			this.source = 'data';
			this.draft = dataDraft(this.ubigeo, this.round, rows);
			this.phase = 'ready';
			return;
		}
		this.phase = 'missing';
	}

	async #dataRows(): Promise<AssessmentRow[]> {
		const engine = this.#opts.engine();
		if (!engine) return [];
		const q = roundAnswersSql(this.ubigeo, this.round);
		return (await engine.query(q.sql, q.params)) as AssessmentRow[];
	}

	#makeAutosave(revision: number, savedAt: number | null): Autosave {
		return new Autosave({
			store: this.#opts.store,
			snapshot: () => this.snapshot()!,
			revision,
			savedAt: Number.isNaN(savedAt) ? null : savedAt,
			// IndexedDB refused: keep the changes in the emergency copy at once, not only on pagehide
			onFailed: () => this.#backUp(),
			onSaved: (rev) => {
				this.#opts.emergency.clear(this.id);
				this.storageError = null;
				this.backupKept = false;
				this.#tabs.saved(rev);
			}
		});
	}

	/** Writes the emergency copy of the unsaved changes; false when that fails too. */
	#backUp(): boolean {
		const autosave = this.autosave;
		if (!autosave || !this.draft) return false;
		this.backupKept = this.#opts.emergency.write(this.snapshot()!, autosave.revision);
		return this.backupKept;
	}

	/**
	 * Whether leaving now would lose changes: storage failed and the emergency
	 * copy (tried again here, with the latest changes) cannot be written either.
	 */
	#changesWouldBeLost(): boolean {
		const autosave = this.autosave;
		if (!autosave || autosave.state === 'conflict' || !autosave.dirty) return false;
		if (autosave.error === null && this.storageError === null) return false;
		return !this.#backUp();
	}

	/** A plain copy of the draft (no reactive proxies): what storage and exports receive. */
	snapshot(): Draft | null {
		return this.draft ? $state.snapshot(this.draft) : null;
	}

	// -------------------------------------------------------------------------
	// Editing

	answerOf(id: string): DraftAnswer | undefined {
		return this.draft?.answers[id];
	}

	#edit(id: string, change: (entry: DraftAnswer) => void): void {
		if (!this.draft || this.readonly) return;
		const entry = (this.draft.answers[id] ??= blankAnswer());
		change(entry);
		const now = this.#now();
		entry.updated_at = now;
		this.draft.updatedAt = now;
		this.autosave?.changed();
	}

	setAnswer(id: string, answer: Answer | null): void {
		if (this.draft?.answers[id]?.answer === answer) return;
		this.#edit(id, (e) => (e.answer = answer));
	}

	setText(id: string, field: TextField, value: string): void {
		if ((this.draft?.answers[id]?.[field] ?? '') === value) return;
		this.#edit(id, (e) => (e[field] = value));
	}

	/** Applies the chosen changes of an imported file. */
	applyImport(incoming: Record<string, IncomingAnswer>, changes: readonly IndicatorChange[]): void {
		if (!this.draft || this.readonly || changes.length === 0) return;
		const now = this.#now();
		this.draft.answers = applyRound(this.snapshot()!.answers, incoming, changes, now);
		this.draft.updatedAt = now;
		this.autosave?.changed();
	}

	exportCsv(): string {
		return roundCsv(this.snapshot()!, this.#opts.indicators());
	}

	// -------------------------------------------------------------------------
	// Completing

	/**
	 * Marks the round complete once nothing is missing: stored first (so it
	 * survives a reload), then written into the engine's `assessments`, so
	 * every dashboard shows it at once.
	 */
	async finish(): Promise<'done' | 'missing' | 'storage'> {
		if (!this.draft || this.source !== 'local' || this.readonly) return 'storage';
		if (this.missing.length) return 'missing';
		const now = this.#now();
		this.draft.status = 'completed';
		this.draft.completedAt = now;
		this.draft.updatedAt = now;
		this.autosave!.changed();
		await this.autosave!.flush();
		if (this.autosave!.state !== 'saved') {
			this.draft.status = 'draft';
			this.draft.completedAt = null;
			this.autosave!.changed();
			return 'storage';
		}
		await this.#toEngine((engine) => writeRoundToEngine(engine, this.snapshot()!));
		return 'done';
	}

	/** Back to a draft: the round leaves the dashboards until it is completed again. */
	async reopen(): Promise<boolean> {
		if (!this.draft || this.source !== 'local' || this.draft.status !== 'completed') return false;
		if (this.superseded || this.autosave?.state === 'conflict') return false;
		this.draft.status = 'draft';
		this.draft.completedAt = null;
		this.draft.updatedAt = this.#now();
		this.autosave!.changed();
		await this.autosave!.flush();
		if (this.autosave!.state !== 'saved') {
			this.draft.status = 'completed';
			return false;
		}
		await this.#toEngine((engine) => removeRoundFromEngine(engine, this.ubigeo, this.round));
		return true;
	}

	async #toEngine(work: (engine: Engine) => Promise<void>): Promise<void> {
		const engine = this.#opts.engine();
		this.engineError = null;
		try {
			// Without an engine the round is still stored, and applied when the engine starts.
			if (engine) await work(engine);
		} catch (error) {
			this.engineError = error;
		}
		this.#opts.dataChanged();
		this.#tabs.round();
	}

	// -------------------------------------------------------------------------
	// The Integra server (server mode; round-sync.ts)

	/**
	 * Records, in the stored draft, the server version these answers now are:
	 * sent from here (`sentAt`) or loaded from the server (`answers` given,
	 * replacing the draft's). False when storage refused it (the page still
	 * shows it; the next visit reads the server again).
	 */
	async markServerVersion(
		version: number,
		opts: { sentAt: string | null; answers?: Record<string, DraftAnswer> }
	): Promise<boolean> {
		if (!this.draft || this.source !== 'local' || !this.autosave) return false;
		if (this.superseded || this.autosave.state === 'conflict') return false;
		this.draft.server = { version, sentAt: opts.sentAt };
		if (opts.answers) {
			this.draft.answers = opts.answers;
			this.draft.updatedAt = this.#now();
		}
		this.autosave.changed();
		await this.autosave.flush();
		return this.autosave.state === 'saved';
	}

	// -------------------------------------------------------------------------
	// Other tabs

	/** Re-reads the stored draft and shows it (another tab saved a newer one). */
	async reload(): Promise<void> {
		const stored = await this.#opts.store.getDraft(this.id);
		if (!stored || !this.autosave) return;
		this.draft = plainDraft(stored);
		this.autosave.adopt(stored.revision, Date.parse(stored.updatedAt));
		this.#opts.emergency.clear(this.id);
	}

	/** This tab takes the draft back from a newer one: it reloads the latest, and the other steps back. */
	async continueHere(): Promise<void> {
		await this.reload();
		this.superseded = false;
		this.#tabs.opened();
	}

	/**
	 * Wires the session to the page: saves on `pagehide` and when the tab is
	 * hidden, catches up when it is shown again, and talks to the other tabs.
	 * Returns the teardown.
	 */
	connect(): () => void {
		if (this.source !== 'local' || !this.autosave) return () => {};
		const autosave = this.autosave;
		this.#tabs.open();
		if (this.draft?.status === 'draft') this.#tabs.opened();
		const saveNow = () => {
			if (autosave.dirty && autosave.state !== 'conflict') {
				this.#opts.emergency.write(this.snapshot()!, autosave.revision);
			}
			void autosave.flush();
		};
		const unwatch = watchPage({
			save: saveNow,
			shown: () => void this.#catchUp(),
			// the browser asks before leaving only when the changes would be lost
			wouldLoseChanges: () => this.#changesWouldBeLost()
		});
		return () => {
			unwatch();
			saveNow();
			autosave.stop();
			this.#tabs.close();
		};
	}

	/** Back from another tab: reload if storage moved on and nothing here is unsaved. */
	async #catchUp(): Promise<void> {
		if (!this.autosave || this.autosave.dirty) return;
		try {
			const stored = await this.#opts.store.getDraft(this.id);
			if (stored && stored.revision > this.autosave.revision) await this.reload();
		} catch {
			// storage problems are reported by the next save
		}
	}
}
