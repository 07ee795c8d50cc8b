/**
 * What the user loaded, kept in IndexedDB so it survives a reload, a browser
 * restart and an engine crash: the source bytes of each file and the options
 * it was imported with, as a log replayed in order on every fresh engine
 * (replay.ts). DuckDB's memory is never the only copy. The log entries are
 * small (listed whenever the data page refreshes); the bytes, which can be
 * tens of megabytes, sit in a store of their own and are read only to replay.
 *
 * The log only grows with what matters: an entry that a later replace makes
 * irrelevant is dropped (`compact`). Nothing else in IndexedDB is touched
 * (self-assessment drafts live in their own database).
 */
import type { Encoding } from './decode';
import type { Delimiter } from './sniff';
import type { DatasetName } from './tables';
import { idbDone, idbRequest, openIdb } from '../idb';
import { askPersistentStorage } from '../storage-persistence.svelte';

interface Base {
	/** Assigned by the store: the log order. */
	id?: number;
	/** ISO timestamp of the load. */
	loadedAt: string;
}

/** A file imported into one of the contract's datasets. */
export interface DatasetEntry extends Base {
	kind: 'dataset';
	dataset: DatasetName;
	mode: 'replace' | 'append';
	fileName: string;
	/** Size of the file's bytes (kept in the `files` store under the same id). */
	size: number;
	encoding?: Encoding;
	delimiter?: Delimiter;
	mapping?: Record<string, string>;
	/** Rows loaded at the time (shown in the list; the replay recounts). */
	rows: number;
	/**
	 * A replace of districts or framework after which the user chose to remove
	 * the rows of these datasets that no longer matched (orphans.ts); the
	 * replay removes them again.
	 */
	prune?: DatasetName[];
}

/** A dataset emptied by the user (the demo would fill it otherwise). */
export interface RemoveEntry extends Base {
	kind: 'remove';
	dataset: DatasetName;
	/** Districts or framework emptied: the rows of these datasets that pointed at them went too. */
	prune?: DatasetName[];
}

/** A CSV loaded as a generic table for the SQL explorer. */
export interface TableEntry extends Base {
	kind: 'table';
	table: string;
	fileName: string;
	size: number;
	encoding?: Encoding;
	delimiter?: Delimiter;
	header?: boolean;
	allText?: boolean;
	rows: number;
}

export type LogEntry = DatasetEntry | RemoveEntry | TableEntry;

/** Districts and framework are referenced by the others: their history matters to later imports. */
const REFERENCED: ReadonlySet<DatasetName> = new Set(['districts', 'framework']);

/**
 * Ids of the entries that `incoming` makes irrelevant. A replace or a
 * removal of a dataset makes its earlier entries useless, except that
 * districts and framework entries are kept while a later import of another
 * dataset was validated against them. A table entry replaces the table's
 * earlier entries.
 */
export function obsoleteBy(entries: readonly LogEntry[], incoming: LogEntry): number[] {
	if (incoming.kind === 'table') {
		return entries
			.filter((e) => e.kind === 'table' && e.table === incoming.table)
			.map((e) => e.id!);
	}
	if (incoming.kind === 'dataset' && incoming.mode === 'append') return [];
	const dataset = incoming.dataset;
	const out: number[] = [];
	entries.forEach((e, i) => {
		if (e.kind === 'table' || e.dataset !== dataset) return;
		// An entry that pruned other datasets keeps shaping them, whatever replaces it.
		const dependedOn =
			REFERENCED.has(dataset) &&
			((e.prune?.length ?? 0) > 0 ||
				entries
					.slice(i + 1)
					.some((later) => later.kind === 'dataset' && later.dataset !== dataset));
		if (!dependedOn) out.push(e.id!);
	});
	return out;
}

const DB_NAME = 'integra-datos';
const VERSION = 1;
const LOG = 'log';
const FILES = 'files';
const META = 'meta';

/** The import log in IndexedDB. One instance per page (`ImportLog.shared()`). */
export class ImportLog {
	private constructor(private readonly db: IDBDatabase) {}

	private static opening: Promise<ImportLog | null> | null = null;

	/** The page's log, or null where IndexedDB is unavailable (Node, some private modes). */
	static shared(): Promise<ImportLog | null> {
		ImportLog.opening ??= ImportLog.open().catch(() => null);
		return ImportLog.opening;
	}

	static async open(name = DB_NAME): Promise<ImportLog | null> {
		if (typeof indexedDB === 'undefined') return null;
		const db = await openIdb(name, VERSION, {
			upgrade: (db) => {
				if (!db.objectStoreNames.contains(LOG)) {
					db.createObjectStore(LOG, { keyPath: 'id', autoIncrement: true });
				}
				if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES);
				if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
			},
			// Another tab upgrading the database: let it, and reopen on next use.
			onVersionChange: () => (ImportLog.opening = null)
		});
		return new ImportLog(db);
	}

	/** Every entry, in log order. */
	async list(): Promise<LogEntry[]> {
		const tx = this.db.transaction(LOG, 'readonly');
		return idbRequest(tx.objectStore(LOG).getAll()) as Promise<LogEntry[]>;
	}

	/** The bytes of an entry's file (for the replay). */
	async bytes(id: number): Promise<Uint8Array | undefined> {
		const tx = this.db.transaction(FILES, 'readonly');
		return idbRequest(tx.objectStore(FILES).get(id)) as Promise<Uint8Array | undefined>;
	}

	/**
	 * Appends an entry with its file's bytes (dropping the entries it makes
	 * obsolete) in one transaction, and returns its id.
	 */
	async add(entry: LogEntry, bytes?: Uint8Array): Promise<number> {
		const existing = await this.list();
		const obsolete = obsoleteBy(existing, entry);
		const tx = this.db.transaction([LOG, FILES], 'readwrite');
		const log = tx.objectStore(LOG);
		const files = tx.objectStore(FILES);
		for (const id of obsolete) {
			log.delete(id);
			files.delete(id);
		}
		const { id: _ignored, ...rest } = entry;
		void _ignored;
		const id = (await idbRequest(log.add(rest))) as number;
		if (bytes) files.put(bytes, id);
		await idbDone(tx);
		// the user's files are kept here: ask the browser not to clear them under storage pressure
		void askPersistentStorage();
		return id;
	}

	/** Drops entries and their files (e.g. every entry of a generic table the user removed). */
	async remove(ids: readonly number[]): Promise<void> {
		if (ids.length === 0) return;
		const tx = this.db.transaction([LOG, FILES], 'readwrite');
		for (const id of ids) {
			tx.objectStore(LOG).delete(id);
			tx.objectStore(FILES).delete(id);
		}
		await idbDone(tx);
	}

	/** Forgets everything loaded: back to the demo data. */
	async clear(): Promise<void> {
		const tx = this.db.transaction([LOG, FILES, META], 'readwrite');
		tx.objectStore(LOG).clear();
		tx.objectStore(FILES).clear();
		tx.objectStore(META).clear();
		await idbDone(tx);
	}

	/** A small value beside the log (the replay's crash guard). */
	async getMeta<T>(key: string): Promise<T | undefined> {
		const tx = this.db.transaction(META, 'readonly');
		return idbRequest(tx.objectStore(META).get(key)) as Promise<T | undefined>;
	}

	async setMeta(key: string, value: unknown): Promise<void> {
		const tx = this.db.transaction(META, 'readwrite');
		if (value === undefined) tx.objectStore(META).delete(key);
		else tx.objectStore(META).put(value, key);
		await idbDone(tx);
	}
}
