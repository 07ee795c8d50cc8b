/**
 * The last resort when a page goes away with a change not yet in IndexedDB
 * (a tab closed within the autosave delay): `pagehide` may not give an
 * asynchronous IndexedDB write time to finish, but a synchronous
 * localStorage write always completes. The copy names the revision it was
 * based on, and is used on the next visit only if nothing newer was saved
 * since (another tab's newer answers always win).
 */
import type { Draft } from './model';

export interface EmergencyCopy {
	/** The stored revision the unsaved changes were made on. */
	base: number;
	draft: Draft;
}

const PREFIX = 'integra.unsaved.';

export class EmergencyCopies {
	constructor(private storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {}

	write(draft: Draft, base: number): boolean {
		try {
			this.storage?.setItem(PREFIX + draft.id, JSON.stringify({ base, draft }));
			return this.storage !== null;
		} catch {
			return false; // full or disabled: the IndexedDB write was tried too
		}
	}

	read(id: string): EmergencyCopy | null {
		try {
			const text = this.storage?.getItem(PREFIX + id);
			if (!text) return null;
			const copy = JSON.parse(text) as EmergencyCopy;
			return typeof copy.base === 'number' && copy.draft?.id === id ? copy : null;
		} catch {
			return null;
		}
	}

	clear(id: string): void {
		try {
			this.storage?.removeItem(PREFIX + id);
		} catch {
			// nothing to do
		}
	}
}

export function browserEmergencyCopies(): EmergencyCopies {
	return new EmergencyCopies(browserStorage());
}

function browserStorage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null; // some privacy settings throw on access
	}
}
