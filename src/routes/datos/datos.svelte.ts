/**
 * The data page's model: files staged for import (analysed, previewed,
 * validated, then loaded on request), what is loaded (from the engine and
 * the import log), and the actions on it. The components only render this
 * state and call its methods.
 *
 * Every change of the engine's data goes through one queue: the import
 * pipeline uses transactions on the app's single connection, and two
 * imports must not interleave.
 */
import type { Encoding } from '$lib/data/decode';
import { exportAllZip, tableCsvParts } from '$lib/data/export';
import {
	prepareTable,
	safeTableName,
	type PreparedTable,
	type TableReport
} from '$lib/data/generic';
import {
	isReferenced,
	orphanCountsSql,
	pruneOrphansSql,
	type KeySource,
	type OrphanCount,
	type ReferencedDataset
} from '$lib/data/orphans';
import { ImportLog, type LogEntry } from '$lib/data/persist';
import {
	prepareImport,
	recogniseFile,
	type ImportReport,
	type PreparedImport,
	type Preview
} from '$lib/data/pipeline';
import { restoreState } from '$lib/data/restore.svelte';
import type { Delimiter } from '$lib/data/sniff';
import { DATASET_NAMES, type DatasetName } from '$lib/data/tables';
import { quoteIdent } from '$lib/engine/sql';
import { engineState } from '$lib/engine/state.svelte';
import { EngineError, type Engine } from '$lib/engine/types';
import type { MessageKey } from '$lib/i18n';
import { i18n } from '$lib/i18n/locale.svelte';
import { localToday, nowIso } from '$lib/clock';
import { csvBlob, downloadBlob } from '$lib/download';
import { orphanTotal } from './orphan-list';

export type Target = DatasetName | 'table';

export type Phase = 'reading' | 'analysing' | 'ready' | 'loading' | 'loaded' | 'failed';

/** Share of the progress bar reached when each step starts. */
const STEP_SHARE: Record<string, number> = {
	read: 0.02,
	decode: 0.05,
	sniff: 0.1,
	map: 0.15,
	stage: 0.2,
	types: 0.6,
	validate: 0.7,
	load: 0.85,
	persist: 0.93,
	done: 1
};

// The loaders are imported when used: they pull in the other features' overlays,
// which need not load with the page (nor during prerendering).
const appDatasets = () => import('$lib/app/datasets');

/** Files bigger than this are refused before reading (the tab would run out of memory). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

let nextId = 0;

/** One file chosen by the user, from reading to loaded. */
export class StagedFile {
	readonly id = ++nextId;
	readonly name: string;
	readonly size: number;
	bytes: Uint8Array | null = null;

	/** What it will be loaded as (null: not recognised, the user must choose). */
	target = $state<Target | null>(null);
	/** What the importer recognised, for the "detected" hint. */
	detected = $state<Target | null>(null);
	encoding = $state<Encoding | ''>('');
	delimiter = $state<Delimiter | ''>('');
	/** Canonical column → header chosen by the user ('' = not used). */
	mapping = $state<Record<string, string>>({});
	/** Generic tables: whether the first row is the header (null: guessed). */
	header = $state<boolean | null>(null);
	allText = $state(false);
	tableName = $state('');
	mode = $state<'replace' | 'append'>('replace');

	phase = $state<Phase>('reading');
	step = $state('read');
	/** Seconds since the current work started (ticks while busy, so progress is visible). */
	elapsed = $state(0);
	report = $state.raw<ImportReport | TableReport | null>(null);
	preview = $state.raw<Preview | null>(null);
	loadable = $state(false);
	/** Rows loaded, once loaded. */
	loaded = $state<number | null>(null);
	/** Saved for the next visit (false: storage failed, the data last this session only). */
	persisted = $state<boolean | null>(null);
	/** An unexpected failure (engine error), as a message key and text. */
	failure = $state<string | null>(null);
	/**
	 * Replacing districts or framework with this file would leave these rows
	 * of other datasets without a match (only datasets with some): the card
	 * asks before loading.
	 */
	orphans = $state.raw<OrphanCount[]>([]);
	/** The loaded data changed between the question and the answer: the counts were asked again. */
	orphansChanged = $state(false);
	/** Rows of other datasets removed with the load (the user chose to). */
	pruned = $state.raw<OrphanCount[]>([]);
	/** Milliseconds spent in each step of the last analysis and load (for the bench and support). */
	timings: Record<string, number> = {};
	private stepStarted = 0;

	/** Moves to `step`, timing the one that ends. */
	enter(step: string): void {
		const now = performance.now();
		if (this.stepStarted) this.timings[this.step] = Math.round(now - this.stepStarted);
		this.stepStarted = step === 'done' ? 0 : now;
		if (step !== 'done') this.step = step;
	}

	prepared: PreparedImport | PreparedTable | null = null;

	constructor(readonly file: File) {
		this.name = file.name;
		this.size = file.size;
	}

	get progress(): number {
		return STEP_SHARE[this.step] ?? 0;
	}

	get busy(): boolean {
		return this.phase === 'reading' || this.phase === 'analysing' || this.phase === 'loading';
	}

	get isTable(): boolean {
		return this.target === 'table';
	}

	/** Rows of other datasets a replace with this file would leave without a match. */
	get orphaned(): number {
		return orphanTotal(this.orphans);
	}
}

export interface LoadedDataset {
	name: DatasetName;
	rows: number | null;
	/** The user's files since the last replace (empty: the demo data, or removed). */
	entries: LogEntry[];
	removed: boolean;
	/** Rows that stopped matching districts or framework were removed since (the user chose to). */
	pruned: boolean;
}

export interface LoadedTable {
	name: string;
	rows: number | null;
	entry: LogEntry & { kind: 'table' };
}

/** Rows of other datasets (those with some) that would not match `referenced` holding `keys`. */
async function countOrphans(
	engine: Engine,
	referenced: ReferencedDataset,
	keys: KeySource | null
): Promise<OrphanCount[]> {
	const q = orphanCountsSql(referenced, keys);
	const rows = await engine.query(q.sql, q.params);
	return rows
		.map((r) => ({ dataset: r.dataset as DatasetName, rows: Number(r.rows) }))
		.filter((o) => o.rows > 0);
}

/**
 * Removes the rows of `orphans`' datasets that no longer match the loaded
 * `referenced` table (what the user agreed to); returns how many went from each.
 */
async function pruneRows(
	engine: Engine,
	referenced: ReferencedDataset,
	orphans: readonly OrphanCount[]
): Promise<OrphanCount[]> {
	const removed: OrphanCount[] = [];
	for (const { dataset } of orphans) {
		const q = pruneOrphansSql(referenced, dataset);
		const [row] = await engine.query(q.sql, q.params);
		removed.push({ dataset, rows: Number(row?.Count ?? 0) });
	}
	return removed;
}

async function inTransaction<T>(engine: Engine, work: () => Promise<T>): Promise<T> {
	await engine.exec('BEGIN TRANSACTION');
	try {
		const result = await work();
		await engine.exec('COMMIT');
		return result;
	} catch (error) {
		await engine.exec('ROLLBACK').catch(() => {});
		throw error;
	}
}

const sameCounts = (a: readonly OrphanCount[], b: readonly OrphanCount[]) =>
	JSON.stringify(a) === JSON.stringify(b);

function message(error: unknown): string {
	if (error instanceof EngineError) return error.message;
	return error instanceof Error ? error.message : String(error);
}

export class DatosModel {
	files = $state<StagedFile[]>([]);
	log = $state.raw<LogEntry[]>([]);
	counts = $state.raw<Record<string, number>>({});
	/** A transient result shown at the top (what was just loaded, removed, exported). */
	notice = $state<{
		kind: 'ok' | 'error';
		key: MessageKey;
		params: Record<string, string | number>;
		/** Rows removed from other datasets with the load (rendered as a list in the message). */
		pruned?: OrphanCount[];
	} | null>(null);
	/** Storage is unavailable: loads last for this session only. */
	noStorage = $state(false);
	exporting = $state<number | null>(null);
	confirmingRestore = $state(false);
	/** Removing districts or framework would leave these rows without a match: asked before. */
	confirmingRemove = $state.raw<{ dataset: DatasetName; orphans: OrphanCount[] } | null>(null);

	private queue: Promise<unknown> = Promise.resolve();
	private logStore: ImportLog | null = null;

	get engine(): Engine | null {
		return engineState.engine;
	}

	/**
	 * The engine, once the layout has created it (its calls then wait for the
	 * start-up and the reload of the data by themselves); null after 2 minutes
	 * or when it failed to start.
	 */
	private async engineWhenReady(): Promise<Engine | null> {
		const end = Date.now() + 120_000;
		while (!engineState.engine && engineState.phase !== 'failed' && Date.now() < end) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		return engineState.engine;
	}

	/** Runs engine work one job at a time. */
	private serial<T>(work: () => Promise<T>): Promise<T> {
		const run = this.queue.then(work, work);
		this.queue = run.catch(() => {});
		return run;
	}

	async init(): Promise<void> {
		this.logStore = await ImportLog.shared();
		this.noStorage = this.logStore === null;
	}

	// -------------------------------------------------------------------------
	// What is loaded

	get tables(): LoadedTable[] {
		return this.log
			.filter((e): e is LogEntry & { kind: 'table' } => e.kind === 'table')
			.map((entry) => ({ name: entry.table, rows: this.counts[entry.table] ?? null, entry }));
	}

	get datasets(): LoadedDataset[] {
		return DATASET_NAMES.map((name) => {
			const mine = this.log.filter((e) => e.kind !== 'table' && e.dataset === name);
			// Only what follows the last replace or removal is the table's source.
			let from = 0;
			mine.forEach((e, i) => {
				if (e.kind === 'remove' || (e.kind === 'dataset' && e.mode === 'replace')) from = i;
			});
			const current = mine.slice(from);
			// Prunes after the last replace or removal (after none: on the demo rows) still show.
			const base = current[0];
			const since =
				base && (base.kind === 'remove' || (base.kind === 'dataset' && base.mode === 'replace'))
					? (base.id ?? -1)
					: -1;
			return {
				name,
				rows: this.counts[name] ?? null,
				entries: current.filter((e) => e.kind === 'dataset'),
				removed: current[0]?.kind === 'remove',
				pruned: this.log.some(
					(e) => e.kind !== 'table' && (e.id ?? 0) > since && (e.prune ?? []).includes(name)
				)
			};
		});
	}

	/** Re-reads the log and the row counts (after any change, or a restart). */
	async refresh(): Promise<void> {
		if (this.logStore) {
			try {
				this.log = await this.logStore.list();
			} catch {
				this.log = [];
			}
		}
		const engine = this.engine;
		if (!engine || engineState.phase !== 'ready') return;
		const tables = this.tables.map((t) => t.name);
		const existing = (
			await engine
				.query(`SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main'`)
				.catch(() => [])
		).map((r) => String(r.t));
		const names = [...DATASET_NAMES, ...tables].filter((n) => existing.includes(n));
		if (names.length === 0) return;
		try {
			const rows = await engine.query(
				names
					.map((n, i) => `SELECT ${i} AS i, count(*)::INTEGER AS n FROM ${quoteIdent(n)}`)
					.join(' UNION ALL ')
			);
			const counts: Record<string, number> = {};
			for (const r of rows) counts[names[Number(r.i)]] = Number(r.n);
			this.counts = counts;
		} catch {
			// The engine restarted meanwhile: the next refresh will count.
		}
	}

	/** Names a new generic table must not take. */
	private reservedNames(except?: string): string[] {
		return this.tables.map((t) => t.name).filter((n) => n !== except);
	}

	// -------------------------------------------------------------------------
	// Staging files

	add(list: FileList | File[]): void {
		for (const file of Array.from(list)) {
			// A class instance is not proxied: its own $state fields make it reactive.
			const staged = new StagedFile(file);
			this.files.push(staged);
			void this.read(staged);
		}
	}

	private async read(f: StagedFile): Promise<void> {
		f.enter('read');
		if (f.size > MAX_FILE_BYTES) {
			f.phase = 'failed';
			f.failure = 'datos.file.tooBig';
			return;
		}
		try {
			f.bytes = new Uint8Array(await f.file.arrayBuffer());
		} catch (error) {
			f.phase = 'failed';
			f.failure = message(error);
			return;
		}
		const recognised = recogniseFile(f.name, f.bytes);
		f.detected = recognised ?? 'table';
		f.target = recognised ?? 'table';
		f.tableName = safeTableName(f.name, this.reservedNames());
		await this.analyse(f);
	}

	/** Analyses (or re-analyses, after a change of options) a staged file. */
	analyse(f: StagedFile): Promise<void> {
		if (f.phase !== 'reading') f.timings = {};
		f.phase = 'analysing';
		f.enter('decode');
		f.loaded = null;
		f.failure = null;
		return this.serial(async () => {
			// A file dropped while the page is still starting waits for the engine.
			const engine = await this.engineWhenReady();
			if (!engine || !f.bytes || !f.target) {
				f.phase = 'failed';
				f.failure = 'datos.engine.notReady';
				return;
			}
			await f.prepared?.discard().catch(() => {});
			f.prepared = null;
			const stop = this.tick(f);
			try {
				const onStep = (s: string) => f.enter(s);
				const onPreview = (preview: Preview) => (f.preview = preview);
				if (f.target === 'table') {
					const p = await prepareTable(engine, {
						fileName: f.name,
						bytes: f.bytes,
						locale: i18n.locale,
						name: f.tableName || f.name,
						reserved: this.reservedNames(f.tableName),
						encoding: f.encoding || undefined,
						delimiter: f.delimiter || undefined,
						header: f.header ?? undefined,
						allText: f.allText,
						onStep,
						onPreview
					});
					f.prepared = p;
					f.report = { ...p.report };
					f.preview = p.preview;
					f.loadable = p.loadable;
					f.tableName = p.report.table;
				} else {
					const mapping = Object.fromEntries(
						Object.entries(f.mapping).filter(([, header]) => header !== '')
					);
					const p = await prepareImport(engine, {
						fileName: f.name,
						bytes: f.bytes,
						dataset: f.target,
						mode: f.mode,
						today: localToday(),
						locale: i18n.locale,
						encoding: f.encoding || undefined,
						delimiter: f.delimiter || undefined,
						mapping,
						onStep,
						onPreview
					});
					f.prepared = p;
					f.report = { ...p.report };
					f.preview = p.preview;
					f.loadable = p.loadable;
				}
				f.orphans = await this.orphansOf(engine, f);
				f.orphansChanged = false;
				f.enter('done');
				f.phase = 'ready';
			} catch (error) {
				f.phase = 'failed';
				f.failure = message(error);
			} finally {
				stop();
			}
		});
	}

	/** Append or replace: only the validation changes (keys against the loaded rows). */
	async setMode(f: StagedFile, mode: 'replace' | 'append'): Promise<void> {
		f.mode = mode;
		const p = f.prepared;
		if (!p || f.isTable || !('validate' in p)) return;
		f.phase = 'analysing';
		f.step = 'validate';
		await this.serial(async () => {
			try {
				f.report = { ...(await p.validate(mode)) };
				const engine = this.engine;
				f.orphans = engine ? await this.orphansOf(engine, f) : [];
				f.orphansChanged = false;
				f.phase = 'ready';
			} catch (error) {
				f.phase = 'failed';
				f.failure = message(error);
			}
		});
	}

	/**
	 * Rows of other datasets that replacing districts or framework with `f`
	 * would leave without a match (those with some), counted against the
	 * staged file before anything is replaced. Empty for anything else.
	 */
	private async orphansOf(engine: Engine, f: StagedFile): Promise<OrphanCount[]> {
		const p = f.prepared;
		const incoming = p && 'incoming' in p ? p.incoming : null;
		if (!incoming || f.mode !== 'replace' || !isReferenced(f.target)) return [];
		return countOrphans(engine, f.target, incoming);
	}

	/**
	 * Loads the analysed file, keeps it for the next visit, and refreshes every
	 * screen. A replace of districts or framework that would leave rows of
	 * other datasets without a match loads only with `prune` (the user saw
	 * the counts and chose to remove those rows too), and only if the counts
	 * are still the ones shown; otherwise the card asks again.
	 */
	load(f: StagedFile, opts: { prune?: boolean } = {}): Promise<void> {
		const p = f.prepared;
		if (!p || !f.loadable || f.phase !== 'ready') return Promise.resolve();
		f.phase = 'loading';
		f.enter('load');
		return this.serial(async () => {
			const engine = this.engine;
			const stop = this.tick(f);
			try {
				// Counted again right before the replace: another load may have changed them.
				const orphans = engine && f.target !== 'table' ? await this.orphansOf(engine, f) : [];
				if (orphans.length > 0) {
					const same = sameCounts(orphans, f.orphans);
					if (!opts.prune || !same) {
						f.orphansChanged = opts.prune === true && !same;
						f.orphans = orphans;
						f.enter('done');
						f.phase = 'ready';
						return;
					}
				}
				const report = await p.commit();
				f.report = { ...report };
				f.prepared = null;
				const failed = report.errors > 0 && report.loaded === 0 && report.rows > 0;
				if (
					failed ||
					report.issues.some((i) => /^(load_failed|file_memory|engine_stopped)$/.test(i.code))
				) {
					f.phase = 'ready';
					f.loadable = false;
					return;
				}
				f.loaded = report.loaded;
				// After the replace (its own transaction), before it is saved: a crash in between
				// leaves a log that rebuilds the old tables, which match.
				f.pruned =
					engine && orphans.length > 0 && isReferenced(f.target)
						? await inTransaction(engine, () =>
								pruneRows(engine, f.target as ReferencedDataset, orphans)
							)
						: [];
				f.orphans = [];
				f.enter('persist');
				f.persisted = await this.persist(f, report);
				f.enter('done');
				if (engine && f.target !== 'table') {
					await (await appDatasets()).applyOverlays(engine).catch(() => {});
				}
				f.phase = 'loaded';
				engineState.dataVersion += 1;
				this.notice = {
					kind: 'ok',
					key:
						f.target === 'table'
							? 'datos.notice.tableLoaded'
							: f.pruned.length > 0
								? 'datos.notice.loadedPruned'
								: 'datos.notice.loaded',
					params: {
						file: f.name,
						rows: report.loaded,
						target: f.target === 'table' ? (report as TableReport).table : (f.target ?? '')
					},
					pruned: f.pruned.length > 0 ? f.pruned : undefined
				};
				await this.refresh();
			} catch (error) {
				f.phase = 'failed';
				f.failure = message(error);
			} finally {
				stop();
			}
		});
	}

	private async persist(f: StagedFile, report: ImportReport | TableReport): Promise<boolean> {
		const store = this.logStore;
		if (!store || !f.bytes) return false;
		const loadedAt = nowIso();
		try {
			if (f.target === 'table') {
				await store.add(
					{
						kind: 'table',
						table: (report as TableReport).table,
						fileName: f.name,
						size: f.bytes.length,
						encoding: f.encoding || undefined,
						delimiter: f.delimiter || undefined,
						header: f.header ?? undefined,
						allText: f.allText || undefined,
						rows: report.loaded,
						loadedAt
					},
					f.bytes
				);
			} else if (f.target) {
				const mapping = Object.fromEntries(
					Object.entries(f.mapping).filter(([, header]) => header !== '')
				);
				await store.add(
					{
						kind: 'dataset',
						dataset: f.target,
						mode: f.mode,
						fileName: f.name,
						size: f.bytes.length,
						encoding: f.encoding || undefined,
						delimiter: f.delimiter || undefined,
						mapping: Object.keys(mapping).length ? mapping : undefined,
						rows: report.loaded,
						prune: f.pruned.length ? f.pruned.map((o) => o.dataset) : undefined,
						loadedAt
					},
					f.bytes
				);
			}
			restoreState.logVersion += 1;
			return true;
		} catch {
			return false;
		}
	}

	/** The user declined a replace that would leave other rows without a match: nothing changes. */
	async cancelReplace(f: StagedFile): Promise<void> {
		this.notice = { kind: 'ok', key: 'datos.notice.cancelled', params: { file: f.name } };
		await this.discard(f);
	}

	async discard(f: StagedFile): Promise<void> {
		this.files = this.files.filter((x) => x.id !== f.id);
		const p = f.prepared;
		f.prepared = null;
		if (p) await this.serial(() => p.discard()).catch(() => {});
	}

	/** A ticking clock while `f` is busy, so the user sees work going on. */
	private tick(f: StagedFile): () => void {
		const started = Date.now();
		f.elapsed = 0;
		const timer = setInterval(() => (f.elapsed = Math.round((Date.now() - started) / 1000)), 1000);
		return () => clearInterval(timer);
	}

	// -------------------------------------------------------------------------
	// Actions on what is loaded

	/**
	 * Empties a dataset. Emptying districts or framework while other rows point
	 * at them first asks (`confirmingRemove`); with `prune` (the user agreed,
	 * to the counts still shown) those rows go too, in the same transaction.
	 */
	removeDataset(name: DatasetName, opts: { prune?: boolean } = {}): Promise<void> {
		return this.serial(async () => {
			const engine = this.engine;
			if (!engine) return;
			const orphans = isReferenced(name) ? await countOrphans(engine, name, null) : [];
			const asked = this.confirmingRemove;
			if (
				orphans.length > 0 &&
				(!opts.prune || asked?.dataset !== name || !sameCounts(orphans, asked.orphans))
			) {
				this.confirmingRemove = { dataset: name, orphans };
				return;
			}
			this.confirmingRemove = null;
			const pruned = await inTransaction(engine, async () => {
				await engine.exec(`DELETE FROM ${quoteIdent(name)}`);
				return isReferenced(name) ? pruneRows(engine, name, orphans) : [];
			});
			let saved = true;
			try {
				await this.logStore?.add({
					kind: 'remove',
					dataset: name,
					prune: pruned.length ? pruned.map((o) => o.dataset) : undefined,
					loadedAt: nowIso()
				});
			} catch {
				saved = false;
			}
			await (await appDatasets()).applyOverlays(engine).catch(() => {});
			engineState.dataVersion += 1;
			restoreState.logVersion += 1;
			this.notice = saved
				? pruned.length
					? { kind: 'ok', key: 'datos.notice.removedPruned', params: { dataset: name }, pruned }
					: { kind: 'ok', key: 'datos.notice.removed', params: { dataset: name } }
				: { kind: 'error', key: 'datos.notice.notSaved', params: {} };
			await this.refresh();
		});
	}

	removeTable(name: string): Promise<void> {
		return this.serial(async () => {
			const engine = this.engine;
			if (!engine) return;
			await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
			const ids = this.log
				.filter((e) => e.kind === 'table' && e.table === name)
				.map((e) => e.id as number);
			await this.logStore?.remove(ids).catch(() => {});
			engineState.dataVersion += 1;
			restoreState.logVersion += 1;
			this.notice = { kind: 'ok', key: 'datos.notice.tableRemoved', params: { target: name } };
			await this.refresh();
		});
	}

	/** Forgets every loaded file and reloads the demo data. */
	restoreDemo(): Promise<void> {
		this.confirmingRestore = false;
		return this.serial(async () => {
			const engine = this.engine;
			if (!engine) return;
			for (const t of this.tables) await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(t.name)}`);
			let saved = true;
			try {
				await this.logStore?.clear();
			} catch {
				saved = false;
			}
			engineState.phase = 'loading';
			try {
				const { fetchDemoSnapshot } = await import('$lib/data/demo-snapshot');
				await (await appDatasets()).loadDatasets(engine, { demoSnapshot: fetchDemoSnapshot });
			} finally {
				engineState.phase = 'ready';
			}
			engineState.dataVersion += 1;
			restoreState.logVersion += 1;
			this.notice = saved
				? { kind: 'ok', key: 'datos.notice.restored', params: {} }
				: { kind: 'error', key: 'datos.notice.notSaved', params: {} };
			await this.refresh();
		});
	}

	/** The six datasets as the contract's CSV files, in one ZIP. */
	exportAll(): Promise<void> {
		return this.serial(async () => {
			const engine = this.engine;
			if (!engine) return;
			this.exporting = 0;
			try {
				const parts = await exportAllZip(engine, (share) => (this.exporting = share));
				downloadBlob(
					new Blob(parts as BlobPart[], { type: 'application/zip' }),
					`integra-datos-${localToday()}.zip`
				);
				this.notice = { kind: 'ok', key: 'datos.notice.exported', params: {} };
			} catch (error) {
				this.notice = {
					kind: 'error',
					key: 'datos.notice.exportFailed',
					params: { reason: message(error) }
				};
			} finally {
				this.exporting = null;
			}
		});
	}

	/** One dataset or table as a CSV file. */
	download(table: string): Promise<void> {
		return this.serial(async () => {
			const engine = this.engine;
			if (!engine) return;
			try {
				const parts = await tableCsvParts(engine, table);
				downloadBlob(csvBlob(parts, { bom: false }), `${table}.csv`);
			} catch (error) {
				this.notice = {
					kind: 'error',
					key: 'datos.notice.exportFailed',
					params: { reason: message(error) }
				};
			}
		});
	}
}
