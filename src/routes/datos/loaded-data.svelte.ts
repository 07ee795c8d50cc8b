/**
 * What is loaded on the data page (from the engine and the import log) and
 * the actions on it: empty a dataset, remove a table, restore the demo data,
 * export. Every change of the engine's data goes through one queue
 * (`serial`): the import pipeline uses transactions on the app's single
 * connection, and two imports must not interleave.
 */
import { exportAllZip, tableCsvParts } from '$lib/data/export';
import { isReferenced, type OrphanCount } from '$lib/data/orphans';
import { ImportLog, type LogEntry } from '$lib/data/persist';
import { restoreState } from '$lib/data/restore.svelte';
import { DATASET_NAMES, type DatasetName } from '$lib/data/tables';
import { quoteIdent } from '$lib/engine/sql';
import { engineState } from '$lib/engine/state.svelte';
import type { Engine } from '$lib/engine/types';
import type { MessageKey } from '$lib/i18n';
import { localToday, nowIso } from '$lib/clock';
import { csvBlob, downloadBlob } from '$lib/download';
import {
	appDatasets,
	countOrphans,
	inTransaction,
	message,
	pruneRows,
	sameCounts
} from './datos-engine';

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

export class LoadedData {
	log = $state.raw<LogEntry[]>([]);
	counts = $state.raw<Record<string, number>>({});
	/** A transient result shown at the top (what was just loaded, removed, exported). */
	notice = $state<{
		kind: 'ok' | 'error';
		key: MessageKey;
		params: Record<string, string | number>;
		/** Rows removed from other datasets with the load (rendered as a list in the message). */
		pruned?: OrphanCount[];
		/** What each file of a batch loaded (rendered as a list in the message). */
		batch?: { target: string; rows: number; table: boolean }[];
	} | null>(null);
	/** Storage is unavailable: loads last for this session only. */
	noStorage = $state(false);
	exporting = $state<number | null>(null);
	confirmingRestore = $state(false);
	/** Removing districts or framework would leave these rows without a match: asked before. */
	confirmingRemove = $state.raw<{ dataset: DatasetName; orphans: OrphanCount[] } | null>(null);

	protected queue: Promise<unknown> = Promise.resolve();
	protected logStore: ImportLog | null = null;

	get engine(): Engine | null {
		return engineState.engine;
	}

	/**
	 * The engine, once the layout has created it (its calls then wait for the
	 * start-up and the reload of the data by themselves); null after 2 minutes
	 * or when it failed to start.
	 */
	protected async engineWhenReady(): Promise<Engine | null> {
		const end = Date.now() + 120_000;
		while (!engineState.engine && engineState.phase !== 'failed' && Date.now() < end) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		return engineState.engine;
	}

	/** Runs engine work one job at a time. */
	protected serial<T>(work: () => Promise<T>): Promise<T> {
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

	/** The loaded datasets changed outside a staged file's load (removed, demo restored). */
	protected dataChanged(): void {}

	/** Names a new generic table must not take. */
	protected reservedNames(except?: string): string[] {
		return this.tables.map((t) => t.name).filter((n) => n !== except);
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
			this.dataChanged();
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
			this.dataChanged();
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
