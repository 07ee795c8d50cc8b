/**
 * Autosave of one draft: a change is written within `delayMs` of the last
 * one (well under the half second the form promises), and during continuous
 * typing at least every `maxWaitMs` (a quiet moment may never come, and a
 * crash would then lose everything typed since the last pause). Saves never
 * overlap, a failure is kept visible until a save succeeds and is retried on
 * the next change, and a save that finds a newer revision in storage stops
 * for good (`conflict`) instead of overwriting it.
 */
import { nowMs } from '../clock';
import type { Draft } from './model';
import { RevisionConflict, type RecordStore } from './store';

/**
 * - `saved`: storage holds what is on screen;
 * - `pending`/`saving`: a change is on its way;
 * - `error`: the last write failed (quota, private mode, ...): `error` says why;
 * - `conflict`: another tab saved after this one last read; nothing more is written.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export interface AutosaveOptions {
	store: RecordStore;
	/** A plain copy of the draft as it is now. */
	snapshot: () => Draft;
	/** The stored revision the draft on screen is based on (0: not stored yet). */
	revision: number;
	/** When storage last received this draft (epoch ms), if known. */
	savedAt?: number | null;
	/** Quiet time after the last change before saving. */
	delayMs?: number;
	/** Longest a change waits while changes keep coming (the wait is not restarted by them). */
	maxWaitMs?: number;
	onSaved?: (revision: number) => void;
	/** A save failed (not a conflict): the caller may keep a copy elsewhere. */
	onFailed?: (error: unknown) => void;
	onConflict?: () => void;
}

export class Autosave {
	state = $state<SaveState>('saved');
	/** Epoch ms of the last successful save. */
	savedAt = $state<number | null>(null);
	/** Why the last save failed; kept (even while retrying) until a save succeeds. */
	error = $state<unknown>(null);
	/** The stored revision this tab's draft is based on. */
	revision: number;

	#opts: AutosaveOptions;
	#dirty = false;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** Started by the first change of a burst; later changes do not push it back. */
	#deadline: ReturnType<typeof setTimeout> | null = null;
	#running: Promise<void> | null = null;

	constructor(opts: AutosaveOptions) {
		this.#opts = opts;
		this.revision = opts.revision;
		this.savedAt = opts.savedAt ?? null;
	}

	/** Changes on screen that storage does not have yet (a save in flight counts). */
	get dirty(): boolean {
		return this.#dirty || this.#running !== null;
	}

	/** Something changed: save soon. */
	changed(): void {
		this.#dirty = true;
		if (this.state === 'conflict') return;
		if (this.state !== 'error') this.state = 'pending';
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#opts.delayMs ?? 250);
		this.#deadline ??= setTimeout(() => void this.flush(), this.#opts.maxWaitMs ?? 750);
	}

	#clearTimers(): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#deadline) clearTimeout(this.#deadline);
		this.#timer = null;
		this.#deadline = null;
	}

	/** Save now if anything is unsaved; resolves when storage has it (or failed). */
	async flush(): Promise<void> {
		this.#clearTimers();
		while (this.#running) await this.#running;
		if (!this.#dirty || this.state === 'conflict') return;
		this.#dirty = false;
		this.state = 'saving';
		const draft = this.#opts.snapshot();
		this.#running = this.#opts.store.saveDraft(draft, this.revision).then(
			(revision) => {
				this.revision = revision;
				this.savedAt = nowMs();
				this.error = null;
				this.state = this.#dirty ? 'pending' : 'saved';
				this.#opts.onSaved?.(revision);
			},
			(error: unknown) => {
				this.#dirty = true;
				if (error instanceof RevisionConflict) {
					this.state = 'conflict';
					this.#opts.onConflict?.();
				} else {
					this.state = 'error';
					this.error = error;
					this.#opts.onFailed?.(error);
				}
			}
		);
		try {
			await this.#running;
		} finally {
			this.#running = null;
		}
		// a change arrived while saving (`state` was reset by the callback above)
		if (this.#dirty && (this.state as SaveState) === 'pending') await this.flush();
	}

	/** The draft on screen was replaced by the stored one at `revision`: nothing is unsaved. */
	adopt(revision: number, savedAt: number | null): void {
		this.#clearTimers();
		this.#dirty = false;
		this.revision = revision;
		this.savedAt = savedAt;
		this.error = null;
		this.state = 'saved';
	}

	stop(): void {
		this.#clearTimers();
	}
}
