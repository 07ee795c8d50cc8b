/**
 * Activities logged in the field ("Registrar actividad" on /actividades).
 *
 * A logged activity is validated exactly like an imported file: it becomes a
 * one-row activities.csv that goes through the import pipeline in `append`
 * mode, so the same rules (sets, ranges, women + men ≤ total, known
 * district, unique id) give the same messages. It is kept in IndexedDB, not
 * only in DuckDB (DESIGN.md §7): `applyLoggedActivities` re-inserts every
 * logged activity on each fresh engine (after a reload, a crash or an
 * import), through the same pipeline.
 */
import { toCsv } from '$lib/data/csv-export';
import { importCsv, prepareImport, type ImportIssue, type ImportReport } from '$lib/data/import';
import type { Locale } from '$lib/i18n';
import type { Engine } from '$lib/engine/types';
import { idbDone, idbRequest, openIdb } from '$lib/idb';
import { askPersistentStorage } from '$lib/storage-persistence.svelte';
import { nowIso } from '$lib/clock';
import { ACTIVITY_COLUMNS } from '$lib/metrics/activity-cube';
import type { ActivityRecord } from '$lib/data/records';
import type { ActivitySend } from './server-sync';

/**
 * One activity as the data contract names its columns (DESIGN.md §4), as the
 * form gives it: the total may still be empty and the partner is the text
 * typed (the import pipeline checks both).
 */
export interface LoggedActivity extends Omit<ActivityRecord, 'participants_total' | 'partner'> {
	participants_total: number | null;
	partner: string;
	/** ISO timestamp of the logging (not a column of the contract). */
	logged_at?: string;
	/** Server mode: when the server stored it (its clock); absent while only on this device. */
	server_saved_at?: string;
}

/** activities.csv text of the given activities (formula-safe, like every export). */
export function activitiesCsv(rows: readonly LoggedActivity[]): string {
	return toCsv(
		[...ACTIVITY_COLUMNS],
		rows.map((r) => ({ ...r, partner: r.partner.trim() === '' ? null : r.partner.trim() }))
	);
}

/**
 * A new activity id: `REG-` with the date and random letters, so ids logged
 * on several devices do not collide (uniqueness is still validated).
 */
export function newActivityId(date: string, random: () => number = Math.random): string {
	const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	let tail = '';
	for (let i = 0; i < 6; i++) tail += letters[Math.floor(random() * letters.length)];
	return `REG-${date.replaceAll('-', '')}-${tail}`;
}

// ---------------------------------------------------------------------------
// The store

export interface ActivityLogStore {
	list(): Promise<LoggedActivity[]>;
	put(activity: LoggedActivity): Promise<void>;
	remove(activityId: string): Promise<void>;
}

const DB_NAME = 'integra-actividades';
const DB_VERSION = 1;
const STORE = 'activities';
const OPEN_TIMEOUT_MS = 5000;

/**
 * Logged activities in IndexedDB, keyed by `activity_id`. Opening fails
 * loudly (private mode, storage disabled, a blocked upgrade) so the form can
 * say that the activity was not kept.
 */
export class IdbActivityLog implements ActivityLogStore {
	#db: Promise<IDBDatabase> | null = null;

	#open(): Promise<IDBDatabase> {
		this.#db ??= openIdb(DB_NAME, DB_VERSION, {
			upgrade: (db) => {
				if (!db.objectStoreNames.contains(STORE)) {
					db.createObjectStore(STORE, { keyPath: 'activity_id' });
				}
			},
			// Another tab upgrading: let it, and reopen on next use.
			onVersionChange: () => (this.#db = null),
			timeoutMs: OPEN_TIMEOUT_MS
		});
		this.#db.catch(() => (this.#db = null));
		return this.#db;
	}

	async list(): Promise<LoggedActivity[]> {
		const db = await this.#open();
		const rows = (await idbRequest(
			db.transaction(STORE, 'readonly').objectStore(STORE).getAll()
		)) as LoggedActivity[];
		return rows.sort(
			(a, b) =>
				(a.logged_at ?? '').localeCompare(b.logged_at ?? '') ||
				a.activity_id.localeCompare(b.activity_id)
		);
	}

	async put(activity: LoggedActivity): Promise<void> {
		const db = await this.#open();
		const tx = db.transaction(STORE, 'readwrite');
		tx.objectStore(STORE).put({ ...activity });
		await idbDone(tx);
	}

	async remove(activityId: string): Promise<void> {
		const db = await this.#open();
		const tx = db.transaction(STORE, 'readwrite');
		tx.objectStore(STORE).delete(activityId);
		await idbDone(tx);
	}
}

let shared: ActivityLogStore | null = null;

/** The page's store (IndexedDB in the browser). */
export function activityLog(): ActivityLogStore {
	shared ??= new IdbActivityLog();
	return shared;
}

/** For tests: use another store. */
export function setActivityLog(store: ActivityLogStore | null): void {
	shared = store;
}

// ---------------------------------------------------------------------------
// Validate, keep, load

export interface LogOutcome {
	/** False when the activity has an error: nothing was kept or loaded. */
	saved: boolean;
	/** Every problem found, errors and warnings, as the import report words them. */
	issues: ImportIssue[];
	report: ImportReport;
}

function bytesOf(rows: readonly LoggedActivity[]): Uint8Array {
	return new TextEncoder().encode(activitiesCsv(rows));
}

/**
 * Validates one activity against the loaded data, as an append of a one-row
 * activities.csv would be, and, when it has no error, keeps it in `store`
 * and loads it into `activities`. Warnings (a date in the future, more than
 * 1,000 participants) do not stop it, as in an import.
 */
export async function logActivity(
	engine: Engine,
	activity: LoggedActivity,
	opts: { today: string; locale: Locale; store?: ActivityLogStore }
): Promise<LogOutcome> {
	const prepared = await prepareImport(engine, {
		fileName: 'actividad_registrada.csv',
		bytes: bytesOf([activity]),
		dataset: 'activities',
		mode: 'append',
		today: opts.today,
		locale: opts.locale
	});
	const report = prepared.report;
	if (!prepared.loadable || report.errors > 0) {
		await prepared.discard();
		return { saved: false, issues: report.issues, report };
	}
	try {
		// Kept first: an activity the browser cannot keep would vanish on reload.
		await (opts.store ?? activityLog()).put({
			...activity,
			logged_at: activity.logged_at ?? nowIso()
		});
	} catch (error) {
		await prepared.discard();
		throw error;
	}
	// an activity logged in the field may be its only copy: ask the browser not to clear it
	void askPersistentStorage();
	const committed = await prepared.commit();
	return { saved: committed.loaded === 1, issues: committed.issues, report: committed };
}

/** Forgets a logged activity: from the store and from `activities`. */
export async function removeLoggedActivity(
	engine: Engine,
	activityId: string,
	store: ActivityLogStore = activityLog()
): Promise<void> {
	await store.remove(activityId);
	await engine.query('DELETE FROM activities WHERE activity_id = ?', [activityId]);
}

const READ_TIMEOUT_MS = 5000;

/**
 * Re-inserts this browser's logged activities on a fresh engine, through the
 * import pipeline (append), after the datasets are loaded. One that the
 * loaded data now reject (its district is gone, its id is in an imported
 * file) is left out, and stays in the store. Never throws: the dashboards
 * must load even when storage cannot be read.
 */
export async function applyLoggedActivities(
	engine: Engine,
	opts: { store?: ActivityLogStore; today?: string; locale?: Locale } = {}
): Promise<ImportReport | null> {
	if (!opts.store && typeof indexedDB === 'undefined') return null;
	let rows: LoggedActivity[];
	try {
		const store = opts.store ?? activityLog();
		rows = await Promise.race([
			store.list(),
			new Promise<never>((_, reject) =>
				setTimeout(() => reject(new Error('IndexedDB did not answer')), READ_TIMEOUT_MS)
			)
		]);
	} catch (error) {
		console.warn('Integra: the activities logged in this browser could not be read.', error);
		return null;
	}
	if (rows.length === 0) return null;
	try {
		return await importCsv(engine, {
			fileName: 'actividades_registradas.csv',
			bytes: bytesOf(rows),
			dataset: 'activities',
			mode: 'append',
			today: opts.today ?? '9999-12-31',
			locale: opts.locale ?? 'es'
		});
	} catch (error) {
		console.warn('Integra: the activities logged in this browser could not be loaded.', error);
		return null;
	}
}

// ---------------------------------------------------------------------------
// The Integra server (server mode, a UIM assistant signed in)

/** Sends an activity to the server; the server's copy is then noted in the store. */
export type SendActivity = (activity: LoggedActivity) => Promise<ActivitySend>;

/**
 * Sends one logged activity (already kept on this device) to the server and,
 * once the server has it, notes when in the store (`server_saved_at`). A
 * failure leaves the activity as it was: on this device, to send again.
 */
export async function sendLoggedActivity(
	activity: LoggedActivity,
	send: SendActivity,
	store: ActivityLogStore = activityLog()
): Promise<ActivitySend> {
	const result = await send(activity);
	if (result.kind === 'stored')
		await store.put({ ...activity, server_saved_at: result.loggedAt || nowIso() });
	return result;
}

/** The logged activities the server does not have yet, oldest first. */
export async function unsentActivities(
	store: ActivityLogStore = activityLog()
): Promise<LoggedActivity[]> {
	return (await store.list()).filter((a) => !a.server_saved_at);
}
