/**
 * The data page's model: files staged for import (analysed, previewed,
 * validated, then loaded on request), on top of what is loaded and the
 * actions on it (`LoadedData`). The components only render this state and
 * call its methods.
 */
import {
	prepareImport,
	prepareTable,
	recogniseFile,
	safeTableName,
	type ImportReport,
	type Preview,
	type ReferenceTables,
	type TableReport
} from '$lib/data/import';
import { inLoadOrder } from '$lib/data/batch';
import { isReferenced, type OrphanCount, type ReferencedDataset } from '$lib/data/orphans';
import { restoreState } from '$lib/data/restore.svelte';
import { engineState } from '$lib/engine/state.svelte';
import type { Engine } from '$lib/engine/types';
import { i18n } from '$lib/i18n/locale.svelte';
import { localToday, nowIso } from '$lib/clock';
import { MAX_FILE_BYTES, StagedFile } from './staged-file.svelte';
import {
	appDatasets,
	countOrphans,
	inTransaction,
	message,
	pruneRows,
	sameCounts
} from './datos-engine';
import { LoadedData } from './loaded-data.svelte';

export class DatosModel extends LoadedData {
	files = $state<StagedFile[]>([]);

	/**
	 * Stages the files picked together (a batch): all are read and recognised
	 * first, then analysed in load order (districts and framework first), so
	 * that each is checked against what the batch will leave loaded.
	 */
	async add(list: FileList | File[]): Promise<void> {
		// A class instance is not proxied: its own $state fields make it reactive.
		const batch = Array.from(list).map((file) => new StagedFile(file));
		this.files.push(...batch);
		const read = await Promise.all(batch.map((f) => this.read(f)));
		const ordered = inLoadOrder(
			batch.filter((_, i) => read[i]),
			(f) => f.target
		);
		const ids = ordered.map((f) => f.id);
		// The cards show in the order they will load; each is analysed in that order.
		const others = this.files.filter((f) => !ids.includes(f.id));
		this.files = [...others, ...ordered.filter((f) => this.files.some((x) => x.id === f.id))];
		await Promise.all(ordered.map((f) => this.analyse(f)));
	}

	/** Reads and recognises a file; false when it cannot be analysed. */
	private async read(f: StagedFile): Promise<boolean> {
		f.enter('read');
		if (f.size > MAX_FILE_BYTES) {
			f.phase = 'failed';
			f.failure = 'datos.file.tooBig';
			return false;
		}
		try {
			f.bytes = new Uint8Array(await f.file.arrayBuffer());
		} catch (error) {
			f.phase = 'failed';
			f.failure = message(error);
			return false;
		}
		const recognised = recogniseFile(f.name, f.bytes);
		f.detected = recognised ?? 'table';
		f.target = recognised ?? 'table';
		f.tableName = safeTableName(f.name, this.reservedNames());
		return true;
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
				// How the file is read, the same for a dataset and for a table.
				const reading = {
					fileName: f.name,
					bytes: f.bytes,
					locale: i18n.locale,
					encoding: f.encoding || undefined,
					delimiter: f.delimiter || undefined,
					onStep: (s: string) => f.enter(s),
					onPreview: (preview: Preview) => (f.preview = preview)
				};
				const tables = f.target === 'table' ? undefined : await this.referenceTables(engine, f);
				const p =
					f.target === 'table'
						? await prepareTable(engine, {
								...reading,
								name: f.tableName || f.name,
								reserved: this.reservedNames(f.tableName),
								header: f.header ?? undefined,
								allText: f.allText
							})
						: await prepareImport(engine, {
								...reading,
								dataset: f.target,
								mode: f.mode,
								today: localToday(),
								tables,
								mapping: Object.fromEntries(
									Object.entries(f.mapping).filter(([, header]) => header !== '')
								)
							});
				f.prepared = p;
				f.report = { ...p.report };
				f.preview = p.preview;
				f.loadable = p.loadable;
				if ('table' in p.report) f.tableName = p.report.table;
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
			this.staged(f);
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
				const engine = this.engine;
				const tables = engine ? await this.referenceTables(engine, f) : undefined;
				f.report = { ...(await p.validate(mode, tables)) };
				f.orphans = engine ? await this.orphansOf(engine, f) : [];
				f.orphansChanged = false;
				f.phase = 'ready';
			} catch (error) {
				f.phase = 'failed';
				f.failure = message(error);
			}
			this.staged(f);
		});
	}

	/**
	 * Rows of other datasets that replacing districts or framework with `f`
	 * would leave without a match (those with some), counted against the
	 * staged file before anything is replaced. Empty for anything else.
	 * `batch`: the load is part of loading the whole batch (see BatchModel).
	 */
	protected async orphansOf(
		engine: Engine,
		f: StagedFile,
		opts: { batch?: boolean } = {}
	): Promise<OrphanCount[]> {
		void opts;
		const p = f.prepared;
		const incoming = p && 'incoming' in p ? p.incoming : null;
		if (!incoming || f.mode !== 'replace' || !isReferenced(f.target)) return [];
		return countOrphans(engine, f.target, incoming);
	}

	/** The orphan counts the user was shown for `f` (for a batch: those outside it). */
	protected shownOrphans(f: StagedFile, opts: { batch?: boolean }): OrphanCount[] {
		void opts;
		return f.orphans;
	}

	/** Where `f`'s references are checked (default: the loaded tables). Runs in the queue. */
	protected async referenceTables(engine: Engine, f: StagedFile): Promise<ReferenceTables> {
		void engine;
		void f;
		return {};
	}

	/** `f` must wait for files of its batch that it refers to (see BatchModel). */
	waitsForBatch(f: StagedFile): boolean {
		void f;
		return false;
	}

	/** Validates `f` again if what it refers to changed since its last check (in the queue). */
	protected async refreshReferences(engine: Engine, f: StagedFile): Promise<void> {
		void engine;
		void f;
	}

	/** `f` was analysed, validated again, loaded or discarded (called in the queue). */
	protected staged(f: StagedFile): void {
		void f;
	}

	/**
	 * Loads the analysed file, keeps it for the next visit, and refreshes every
	 * screen. A replace of districts or framework that would leave rows of
	 * other datasets without a match loads only with `prune` (the user saw
	 * the counts and chose to remove those rows too), and only if the counts
	 * are still the ones shown; otherwise the card asks again.
	 */
	load(f: StagedFile, opts: { prune?: boolean; batch?: boolean } = {}): Promise<void> {
		const p = f.prepared;
		if (!p || !f.loadable || f.phase !== 'ready') return Promise.resolve();
		if (!opts.batch && this.waitsForBatch(f)) return Promise.resolve();
		f.phase = 'loading';
		f.enter('load');
		return this.serial(async () => {
			const engine = this.engine;
			const stop = this.tick(f);
			try {
				// Counted again right before the replace: another load may have changed them.
				const orphans = engine && f.target !== 'table' ? await this.orphansOf(engine, f, opts) : [];
				// Checked again if its references changed since (another file of the batch loaded).
				if (engine && f.target !== 'table') await this.refreshReferences(engine, f);
				if (orphans.length > 0) {
					const same = sameCounts(orphans, this.shownOrphans(f, opts));
					if (!opts.prune || !same) {
						// A batch asks again on its own (BatchModel): the card keeps its counts.
						if (!opts.batch) {
							f.orphansChanged = opts.prune === true && !same;
							f.orphans = orphans;
						}
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
				this.staged(f);
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
		this.staged(f);
	}

	/** A ticking clock while `f` is busy, so the user sees work going on. */
	protected tick(f: StagedFile): () => void {
		const started = Date.now();
		f.elapsed = 0;
		const timer = setInterval(() => (f.elapsed = Math.round((Date.now() - started) / 1000)), 1000);
		return () => clearInterval(timer);
	}
}
