/**
 * Drafts, records and imported files live in IndexedDB, which the browser
 * may clear on its own when the disk runs short, unless the site holds
 * persistent storage. It is asked for once per page, when something worth
 * keeping is first stored (`navigator.storage.persist()`); the data page
 * says whether the browser granted it.
 */

/**
 * - `granted`: the browser will not clear this site's data by itself;
 * - `denied`: it may, under storage pressure (the browser decides: Chromium
 *   grants it to sites that are bookmarked, installed or much used);
 * - `unsupported`: this browser cannot be asked;
 * - `unknown`: not known yet.
 */
export type PersistenceState = 'granted' | 'denied' | 'unsupported' | 'unknown';

export const persistence = $state<{ state: PersistenceState }>({ state: 'unknown' });

let asked: Promise<PersistenceState> | null = null;

function storageManager(): StorageManager | null {
	// older browsers and some embedded views have no StorageManager, or one without persist()
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	return storage && typeof storage.persist === 'function' ? storage : null;
}

/** Asks for persistent storage (once per page; later calls get the same answer). */
export function askPersistentStorage(): Promise<PersistenceState> {
	asked ??= (async (): Promise<PersistenceState> => {
		const storage = storageManager();
		if (!storage) return 'unsupported';
		try {
			const granted = (await storage.persisted()) || (await storage.persist());
			return granted ? 'granted' : 'denied';
		} catch {
			return 'denied';
		}
	})().then((state) => (persistence.state = state));
	return asked;
}

/** Reads whether storage is persistent without asking (e.g. nothing is stored yet). */
export async function checkPersistentStorage(): Promise<PersistenceState> {
	if (asked) return asked;
	const storage = storageManager();
	let state: PersistenceState = 'unsupported';
	if (storage)
		state = await storage.persisted().then(
			(p) => (p ? 'granted' : 'denied'),
			() => 'denied' as const
		);
	if (!asked) persistence.state = state;
	return state;
}
