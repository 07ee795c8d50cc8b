/**
 * Messages between the tabs of one browser about drafts and records. The
 * revision check in the store is what guarantees that an older tab never
 * overwrites newer answers; these messages only let that tab say so at once
 * (and let the other tabs' dashboards pick up a completed round).
 */

export type TabMessage =
	/** A tab opened this draft for editing: every older tab with it open steps back. */
	| { kind: 'opened'; draftId: string; tab: string }
	/** A tab saved this draft: others reload it (or know they are behind). */
	| { kind: 'saved'; draftId: string; tab: string; revision: number }
	/** A round was completed or reopened: its rows join or leave the dashboards. */
	| { kind: 'round'; draftId: string; tab: string }
	/** An action was created or changed. */
	| { kind: 'action'; actionId: string; tab: string };

const CHANNEL = 'integra-forms';

let tabId: string | null = null;

/** This tab's id, made once per page load. */
export function thisTab(): string {
	tabId ??= globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
	return tabId;
}

/**
 * A subscription to the other tabs. Without BroadcastChannel it posts and
 * hears nothing; the store's revision check still protects the data.
 */
export class TabChannel {
	#channel: BroadcastChannel | null;

	constructor(onMessage: (message: TabMessage) => void) {
		this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
		if (this.#channel) {
			this.#channel.onmessage = (event: MessageEvent<TabMessage>) => {
				if (event.data && event.data.tab !== thisTab()) onMessage(event.data);
			};
		}
	}

	post(message: TabMessage): void {
		try {
			this.#channel?.postMessage(message);
		} catch {
			// a closed channel (page going away): nothing to tell
		}
	}

	close(): void {
		this.#channel?.close();
		this.#channel = null;
	}
}

/** Tell the other tabs once, without keeping a channel open. */
export function announce(message: TabMessage): void {
	const channel = new TabChannel(() => {});
	channel.post(message);
	channel.close();
}
