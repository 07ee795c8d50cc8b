/**
 * The few IndexedDB pieces every store of the app needs (the import log, the
 * self-assessment records, the activity log): promises over requests and
 * transactions, and an open that fails loudly instead of hanging.
 */

export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** Resolves when the transaction commits; rejects when it fails or is aborted. */
export function idbDone(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
		tx.onerror = () => reject(tx.error);
	});
}

export interface OpenOptions {
	/** Creates what the stores need (runs on the first open and on upgrades). */
	upgrade(db: IDBDatabase): void;
	/**
	 * The connection is gone, so reopen on next use: another tab wants to
	 * upgrade or delete the database (it is closed first), or the browser
	 * closed it (the site's data cleared).
	 */
	onVersionChange(): void;
	/** Give up after this long (private modes where open never answers); none when omitted. */
	timeoutMs?: number;
}

/**
 * Opens a database. Rejects where IndexedDB is missing, when opening fails
 * or is blocked by another tab, and after `timeoutMs`.
 */
export function openIdb(name: string, version: number, opts: OpenOptions): Promise<IDBDatabase> {
	return new Promise<IDBDatabase>((resolve, reject) => {
		if (typeof indexedDB === 'undefined') {
			reject(new DOMException('IndexedDB is not available', 'NotSupportedError'));
			return;
		}
		const timer =
			opts.timeoutMs === undefined
				? undefined
				: setTimeout(
						() => reject(new DOMException('IndexedDB did not open', 'TimeoutError')),
						opts.timeoutMs
					);
		const fail = (error: unknown) => {
			clearTimeout(timer);
			reject(error);
		};
		let req: IDBOpenDBRequest;
		try {
			req = indexedDB.open(name, version);
		} catch (error) {
			fail(error);
			return;
		}
		req.onupgradeneeded = () => opts.upgrade(req.result);
		req.onsuccess = () => {
			clearTimeout(timer);
			const db = req.result;
			db.onversionchange = () => {
				db.close();
				opts.onVersionChange();
			};
			db.onclose = () => opts.onVersionChange();
			resolve(db);
		};
		req.onerror = () => fail(req.error);
		req.onblocked = () =>
			fail(new DOMException('IndexedDB upgrade blocked by another tab', 'AbortError'));
	});
}
