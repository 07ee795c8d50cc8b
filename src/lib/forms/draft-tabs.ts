/**
 * One open draft's talk with the other tabs of this browser (coordination.ts):
 * it says when it opens the draft for editing, saves it, or completes or
 * reopens the round; and it hears the same from the others: a newer tab that
 * opens the draft makes this one step back, and a save elsewhere is reloaded
 * here when nothing here is unsaved.
 */
import type { Autosave } from './autosave.svelte';
import { TabChannel, thisTab, type TabMessage } from './coordination';

/** What the tabs need of the session. */
export interface DraftPeer {
	readonly id: string;
	/** The session's autosave (none before the draft is open). */
	autosave(): Autosave | null;
	/** A newer tab opened the draft: this tab only shows it from now on. */
	stepBack(): void;
	/** Re-reads the stored draft and shows it. */
	reload(): Promise<void>;
}

export class DraftTabs {
	#peer: DraftPeer;
	#channel: TabChannel | null = null;

	constructor(peer: DraftPeer) {
		this.#peer = peer;
	}

	/** Starts listening (connect). */
	open(): void {
		this.#channel = new TabChannel((m) => void this.#onMessage(m));
	}

	close(): void {
		this.#channel?.close();
		this.#channel = null;
	}

	/** This tab edits the draft: the older tabs with it open step back. */
	opened(): void {
		this.#channel?.post({ kind: 'opened', draftId: this.#peer.id, tab: thisTab() });
	}

	saved(revision: number): void {
		this.#channel?.post({ kind: 'saved', draftId: this.#peer.id, tab: thisTab(), revision });
	}

	/** The round was completed or reopened: the other tabs' dashboards pick it up. */
	round(): void {
		this.#channel?.post({ kind: 'round', draftId: this.#peer.id, tab: thisTab() });
	}

	async #onMessage(message: TabMessage): Promise<void> {
		const autosave = this.#peer.autosave();
		if (!('draftId' in message) || message.draftId !== this.#peer.id || !autosave) return;
		if (message.kind === 'opened') {
			// Hand over what this tab has not saved yet, then step back.
			await autosave.flush();
			this.#peer.stepBack();
		} else if (message.kind === 'saved' || message.kind === 'round') {
			const behind = message.kind === 'round' || message.revision > autosave.revision;
			if (behind && !autosave.dirty) await this.#peer.reload();
		}
	}
}
