/**
 * Where drafts and actions live between visits: IndexedDB, not DuckDB (the
 * engine can restart at any time, DESIGN.md §7). Every draft carries a
 * revision number; a save names the revision it was based on and fails with
 * `RevisionConflict` when another tab has saved since, so an older tab can
 * never overwrite newer answers. A draft that is gone from storage (the
 * database deleted, the site's data cleared while the page was open) is no
 * conflict: nobody saved anything newer, so the save writes it again.
 */
import type { PlanAction } from './actions';
import type { Draft } from './model';
import { idbDone, idbRequest, openIdb } from '../idb';
import { askPersistentStorage } from '../storage-persistence.svelte';

export interface StoredDraft extends Draft {
	/** Incremented by every save; 1 after the first. */
	revision: number;
}

/** Another tab saved this draft after this tab last read it. */
export class RevisionConflict extends Error {
	constructor(readonly stored: number) {
		super(`The draft was saved elsewhere (revision ${stored}).`);
		this.name = 'RevisionConflict';
	}
}

export interface RecordStore {
	/** Writes and deletes a small record: throws at once when storage is unusable. */
	probe(): Promise<void>;
	getDraft(id: string): Promise<StoredDraft | null>;
	listDrafts(ubigeo?: string): Promise<StoredDraft[]>;
	/**
	 * Saves when the stored revision is still `expected` (0: the draft must not
	 * exist yet), or when the draft is no longer stored at all (storage lost
	 * under the page), and returns the new revision (`expected` + 1); else
	 * rejects with RevisionConflict.
	 */
	saveDraft(draft: Draft, expected: number): Promise<number>;
	listActions(ubigeo?: string): Promise<PlanAction[]>;
	putAction(action: PlanAction): Promise<void>;
}

const DB_NAME = 'integra-forms';
const DB_VERSION = 1;
const OPEN_TIMEOUT_MS = 5000;

/**
 * The browser's store. The database is opened on first use; a failure to
 * open (private mode, storage disabled, a blocked upgrade) rejects every call
 * with that error, so the page can say so instead of failing silently.
 */
export class IdbRecordStore implements RecordStore {
	#db: Promise<IDBDatabase> | null = null;

	#open(): Promise<IDBDatabase> {
		if (!this.#db) {
			const attempt = openIdb(DB_NAME, DB_VERSION, {
				upgrade: (db) => {
					if (!db.objectStoreNames.contains('drafts')) {
						db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('ubigeo', 'ubigeo');
					}
					if (!db.objectStoreNames.contains('actions')) {
						db.createObjectStore('actions', { keyPath: 'action_id' }).createIndex(
							'ubigeo',
							'ubigeo'
						);
					}
					if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
				},
				// A newer version of the app in another tab wants to upgrade: let it.
				onVersionChange: () => (this.#db = null),
				timeoutMs: OPEN_TIMEOUT_MS
			});
			this.#db = attempt;
			attempt.catch(() => {
				if (this.#db === attempt) this.#db = null;
			});
		}
		return this.#db;
	}

	/**
	 * A transaction on the open database. A connection the browser is closing
	 * (site data cleared) throws InvalidStateError before its `close` event:
	 * open again once.
	 */
	async #tx(
		stores: string | string[],
		mode: IDBTransactionMode = 'readonly',
		options?: IDBTransactionOptions
	): Promise<IDBTransaction> {
		const db = await this.#open();
		try {
			return db.transaction(stores, mode, options);
		} catch (error) {
			if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
			this.#db = null;
			return (await this.#open()).transaction(stores, mode, options);
		}
	}

	async probe(): Promise<void> {
		const tx = await this.#tx('meta', 'readwrite');
		const finished = idbDone(tx);
		const meta = tx.objectStore('meta');
		meta.put(Date.now(), 'probe');
		meta.delete('probe');
		await finished;
	}

	async getDraft(id: string): Promise<StoredDraft | null> {
		const tx = await this.#tx('drafts');
		const found = await idbRequest<StoredDraft | undefined>(tx.objectStore('drafts').get(id));
		return found ?? null;
	}

	async listDrafts(ubigeo?: string): Promise<StoredDraft[]> {
		const store = (await this.#tx('drafts')).objectStore('drafts');
		return idbRequest<StoredDraft[]>(
			ubigeo === undefined ? store.getAll() : store.index('ubigeo').getAll(ubigeo)
		);
	}

	async saveDraft(draft: Draft, expected: number): Promise<number> {
		// strict: flushed to disk before `complete`, so a crash or power cut right after "Guardado" keeps it
		const tx = await this.#tx('drafts', 'readwrite', { durability: 'strict' });
		const finished = idbDone(tx);
		const store = tx.objectStore('drafts');
		const next = expected + 1;
		const outcome = new Promise<number>((resolve, reject) => {
			const get = store.get(draft.id);
			get.onsuccess = () => {
				const stored = (get.result as StoredDraft | undefined)?.revision ?? 0;
				// stored 0 with expected > 0: the draft was lost under the page, not saved by another tab
				if (stored !== expected && stored !== 0) {
					tx.abort();
					reject(new RevisionConflict(stored));
					return;
				}
				try {
					store.put({ ...draft, revision: next });
				} catch (error) {
					// e.g. QuotaExceededError thrown by put itself: abort, report, never throw into IDB
					tx.abort();
					reject(error);
				}
			};
			finished.then(() => resolve(next), reject);
		});
		finished.catch(() => {}); // observed through `outcome`
		// drafts are kept here: ask the browser not to clear them under storage pressure
		void outcome.then(
			() => askPersistentStorage(),
			() => {}
		);
		return outcome;
	}

	async listActions(ubigeo?: string): Promise<PlanAction[]> {
		const store = (await this.#tx('actions')).objectStore('actions');
		return idbRequest<PlanAction[]>(
			ubigeo === undefined ? store.getAll() : store.index('ubigeo').getAll(ubigeo)
		);
	}

	async putAction(action: PlanAction): Promise<void> {
		const tx = await this.#tx('actions', 'readwrite', { durability: 'strict' });
		const finished = idbDone(tx);
		try {
			tx.objectStore('actions').put({ ...action });
		} catch (error) {
			tx.abort();
			finished.catch(() => {});
			throw error;
		}
		await finished;
		void askPersistentStorage();
	}
}

/** The same contract in memory: for unit tests of everything built on a store. */
export class MemoryRecordStore implements RecordStore {
	drafts = new Map<string, StoredDraft>();
	actions = new Map<string, PlanAction>();
	/** Set to make every write fail with this error (as a full disk would). */
	failWith: Error | null = null;

	async probe(): Promise<void> {
		if (this.failWith) throw this.failWith;
	}
	async getDraft(id: string) {
		const d = this.drafts.get(id);
		return d ? structuredClone(d) : null;
	}
	async listDrafts(ubigeo?: string) {
		return [...this.drafts.values()]
			.filter((d) => ubigeo === undefined || d.ubigeo === ubigeo)
			.map((d) => structuredClone(d));
	}
	async saveDraft(draft: Draft, expected: number) {
		const stored = this.drafts.get(draft.id)?.revision ?? 0;
		if (stored !== expected && stored !== 0) throw new RevisionConflict(stored);
		if (this.failWith) throw this.failWith;
		this.drafts.set(draft.id, { ...structuredClone(draft), revision: expected + 1 });
		return expected + 1;
	}
	async listActions(ubigeo?: string) {
		return [...this.actions.values()].filter((a) => ubigeo === undefined || a.ubigeo === ubigeo);
	}
	async putAction(action: PlanAction) {
		if (this.failWith) throw this.failWith;
		this.actions.set(action.action_id, { ...action });
	}
}

let shared: RecordStore | null = null;

/** The page's one store (browser). */
export function getRecordStore(): RecordStore {
	shared ??= new IdbRecordStore();
	return shared;
}
