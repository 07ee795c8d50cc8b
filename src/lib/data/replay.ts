/**
 * Replays the user's import log (persist.ts) on a fresh engine, after the
 * demo data: the same files with the same options, in the same order, give
 * the same tables. Runs on the first start and after every restart (crash,
 * timeout), so a dead worker loses nothing the user loaded.
 *
 * A file that makes the engine die while it is replayed would make every
 * restart die too. So the entry being replayed is noted in IndexedDB first;
 * a note still there on the next replay means that replay never finished.
 * That alone is no proof against the file: a reload or a closed tab stops a
 * replay too (a 1,000,000-row file takes seconds). A page that goes away
 * normally says so (`pagehide`, a synchronous localStorage write), so only
 * a replay that ended without it (the page or the engine died), or an engine
 * that crashed or timed out on the entry, marks the file as one that stopped
 * the engine. A marked file is skipped, kept, and reported with a way to try
 * it again; nothing is ever deleted for it.
 */
import { localToday } from '../clock';
import { quoteIdent } from '../engine/sql';
import { EngineError, type Engine } from '../engine/types';
import { tr, type Locale } from '../i18n';
import { importTable } from './import';
import { isReferenced, pruneOrphansSql } from './orphans';
import { ImportLog, type LogEntry } from './persist';
import { importCsv } from './import';
import { restoreState, type RestoreProblem } from './restore.svelte';
import { DATASET_NAMES } from './tables';

const IN_FLIGHT = 'replaying';
/** Ids of the entries that stopped the engine: skipped until the user tries them again. */
const STOPPED = 'stopped';
/** localStorage: the page went away normally while replaying this entry id. */
const LEFT = 'integra.replay.left';

/** Minimal storage for the `pagehide` note (localStorage in the browser). */
export type NoteStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserNotes(): NoteStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** The note left by a page that went away during a replay; read once. */
function takeLeftNote(notes: NoteStorage | null): number | null {
	try {
		const text = notes?.getItem(LEFT) ?? null;
		notes?.removeItem(LEFT);
		return text === null ? null : Number(text);
	} catch {
		return null;
	}
}

/** An engine failure that the entry itself may have caused (not a mere error in the file). */
function engineStopped(error: unknown): boolean {
	return error instanceof EngineError && (error.kind === 'crashed' || error.kind === 'timeout');
}

/**
 * Forget that files stopped the engine, so that the next start loads them
 * again (the user asks for it).
 */
export async function retryStoppedImports(log?: ImportLog | null): Promise<void> {
	const store = log === undefined ? await ImportLog.shared() : log;
	await store?.setMeta(STOPPED, undefined);
}

function target(e: LogEntry): string {
	return e.kind === 'table' ? `table:${e.table}` : e.dataset;
}

function fileName(e: LogEntry): string {
	return e.kind === 'remove' ? '' : e.fileName;
}

/** The rows the user chose to remove with a replace or removal of districts or framework (they no longer matched). */
async function pruneAgain(engine: Engine, e: LogEntry): Promise<void> {
	if (e.kind === 'table' || !isReferenced(e.dataset)) return;
	for (const d of e.prune ?? []) {
		const q = pruneOrphansSql(e.dataset, d);
		await engine.query(q.sql, q.params);
	}
}

/** Applies one entry; returns a problem to report, or null. */
async function apply(
	engine: Engine,
	log: ImportLog,
	e: LogEntry,
	today: string,
	locale: Locale
): Promise<string | null> {
	if (e.kind === 'remove') {
		await engine.exec(`DELETE FROM ${quoteIdent(e.dataset)}`);
		await pruneAgain(engine, e);
		return null;
	}
	const bytes = await log.bytes(e.id as number);
	if (!bytes) return tr(locale, 'datos.restore.missing', { file: e.fileName });
	// the file as it was read, the same for a dataset and a table
	const file = {
		fileName: e.fileName,
		bytes,
		encoding: e.encoding,
		delimiter: e.delimiter,
		locale
	};
	if (e.kind === 'dataset') {
		const r = await importCsv(engine, {
			...file,
			dataset: e.dataset,
			mode: e.mode,
			mapping: e.mapping,
			today
		});
		await pruneAgain(engine, e);
		if (r.loaded === 0 && r.rows > 0) {
			return r.issues.find((i) => i.severity === 'error')?.message ?? null;
		}
		return null;
	}
	const r = await importTable(engine, {
		...file,
		name: e.table,
		reserved: [],
		header: e.header,
		allText: e.allText
	});
	if (r.table !== e.table) {
		// The name is taken by now (a new table of the app): keep the user's data anyway.
		await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(r.table)}`);
		return tr(locale, 'datos.restore.nameTaken', { table: e.table });
	}
	return r.errors > 0 ? (r.issues.find((i) => i.severity === 'error')?.message ?? null) : null;
}

/**
 * Replays every entry of the log on `engine`. Never throws for a bad entry:
 * problems are collected in `restoreState` for the data page.
 */
export async function replayImports(
	engine: Engine,
	opts: {
		today?: string;
		locale?: Locale;
		log?: ImportLog | null;
		/** Where the page notes that it went away normally (default localStorage). */
		notes?: NoteStorage | null;
		/** Where `pagehide` is heard (default window). */
		page?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
	} = {}
): Promise<void> {
	const log = opts.log === undefined ? await ImportLog.shared() : opts.log;
	restoreState.restored = 0;
	if (!log) return;
	const today = opts.today ?? localToday();
	const locale = opts.locale ?? 'es';
	const problems: RestoreProblem[] = [];
	let entries: LogEntry[];
	try {
		entries = await log.list();
	} catch {
		return;
	}
	const notes = opts.notes === undefined ? browserNotes() : opts.notes;
	const page =
		opts.page === undefined ? (typeof window === 'undefined' ? null : window) : opts.page;
	const stopped = new Set(
		(await log.getMeta<number[]>(STOPPED).catch(() => undefined)) ?? ([] as number[])
	);
	const markStopped = async (id: number) => {
		stopped.add(id);
		await log.setMeta(STOPPED, [...stopped]).catch(() => {});
	};
	const unfinished = await log.getMeta<number>(IN_FLIGHT).catch(() => undefined);
	const left = takeLeftNote(notes);
	// the last replay stopped on this entry, and its page did not go away normally
	if (unfinished !== undefined && unfinished !== left) await markStopped(unfinished);

	let current: number | null = null;
	const onPageHide = () => {
		try {
			if (current !== null) notes?.setItem(LEFT, String(current));
		} catch {
			// no note: the next start takes the unfinished replay for a failure
		}
	};
	page?.addEventListener('pagehide', onPageHide);
	let restored = 0;
	try {
		for (const e of entries) {
			if (e.kind !== 'table' && !DATASET_NAMES.includes(e.dataset)) continue;
			if (stopped.has(e.id as number)) {
				problems.push({
					fileName: fileName(e),
					target: target(e),
					message: tr(locale, 'datos.restore.crashed', { file: fileName(e) }),
					stopped: true
				});
				continue;
			}
			current = e.id as number;
			await log.setMeta(IN_FLIGHT, e.id).catch(() => {});
			try {
				const problem = await apply(engine, log, e, today, locale);
				if (problem) problems.push({ fileName: fileName(e), target: target(e), message: problem });
				else restored++;
			} catch (error) {
				if (engineStopped(error)) await markStopped(e.id as number);
				problems.push({
					fileName: fileName(e),
					target: target(e),
					message: error instanceof Error ? error.message : String(error)
				});
			}
		}
		await log.setMeta(IN_FLIGHT, undefined).catch(() => {});
	} finally {
		current = null;
		page?.removeEventListener('pagehide', onPageHide);
	}
	restoreState.restored = restored;
	restoreState.problems = problems;
}
