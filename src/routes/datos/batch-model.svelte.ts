/**
 * The data page's model for files staged together (issue 18 §1): every
 * dataset file is checked against what the batch will leave loaded (the
 * staged districts and framework of the same batch, when there are some),
 * checked again at once when its references change, and the whole batch
 * loads with one "Cargar todo", in reference order. Replacing districts or
 * framework asks first about the loaded rows outside the batch that would
 * stop matching.
 */
import { inLoadOrder, orphansOutsideBatch, referenceSelectSql } from '$lib/data/batch';
import type { ReferenceTables } from '$lib/data/import';
import { isReferenced, type OrphanCount, type ReferencedDataset } from '$lib/data/orphans';
import { quoteIdent } from '$lib/engine/sql';
import type { Engine } from '$lib/engine/types';
import { DatosModel } from './datos.svelte';
import { message } from './datos-engine';
import type { StagedFile } from './staged-file.svelte';

const REFERENCED: readonly ReferencedDataset[] = ['districts', 'framework'];

/** The view standing for what the batch will leave in `dataset`. */
const viewName = (dataset: ReferencedDataset) => `__batch_${dataset}`;

/** Rows a dataset file would load (a generic table: all its rows). */
export function rowsToLoad(f: StagedFile): number {
	const r = f.report;
	if (!r) return 0;
	return 'table' in r ? r.rows : r.valid;
}

export class BatchModel extends DatosModel {
	/** Bumped when the loaded districts or framework change outside the batch's stages. */
	private loadedVersion = 0;
	private recheckQueued = false;
	/** "Cargar todo" is running. */
	loadingAll = $state(false);

	/** The staged cards not loaded yet (any phase but failed), in load order. */
	get batch(): StagedFile[] {
		return inLoadOrder(
			this.files.filter((f) => f.target && f.phase !== 'loaded' && f.phase !== 'failed'),
			(f) => f.target
		);
	}

	/** What "Cargar todo" loads: the cards ready with rows to load, in load order. */
	get loadableBatch(): StagedFile[] {
		return this.batch.filter((f) => f.phase === 'ready' && f.loadable && rowsToLoad(f) > 0);
	}

	/** Staged cards that cannot load as they are (failed, or nothing valid). */
	get blocked(): StagedFile[] {
		return this.files.filter(
			(f) => f.phase === 'failed' || (f.phase === 'ready' && (!f.loadable || rowsToLoad(f) === 0))
		);
	}

	/** Datasets the batch replaces, but for `except`. */
	private replacedByBatch(except: StagedFile): string[] {
		return this.loadableBatch
			.filter((f) => f.id !== except.id && f.mode === 'replace' && f.target)
			.map((f) => f.target as string);
	}

	/** The cards that replace districts or framework and the rows outside the batch they would orphan. */
	get batchOrphans(): { file: StagedFile; orphans: OrphanCount[] }[] {
		return this.loadableBatch
			.map((file) => ({ file, orphans: this.shownOrphans(file, { batch: true }) }))
			.filter((x) => x.orphans.length > 0);
	}

	protected override shownOrphans(f: StagedFile, opts: { batch?: boolean }): OrphanCount[] {
		return opts.batch ? orphansOutsideBatch(f.orphans, this.replacedByBatch(f)) : f.orphans;
	}

	protected override async orphansOf(
		engine: Engine,
		f: StagedFile,
		opts: { batch?: boolean } = {}
	): Promise<OrphanCount[]> {
		const all = await super.orphansOf(engine, f, opts);
		return opts.batch ? orphansOutsideBatch(all, this.replacedByBatch(f)) : all;
	}

	/** The staged files of `dataset` that will load (ready, with a stage), in load order. */
	private sourcesOf(dataset: ReferencedDataset): StagedFile[] {
		return this.batch.filter((f) => {
			const p = f.prepared;
			return (
				f.target === dataset &&
				(f.phase === 'ready' || f.phase === 'loading') &&
				p &&
				'incoming' in p &&
				p.incoming
			);
		});
	}

	/** What the references stand on now: a dependent checked against another is stale. */
	private signature(): string {
		return [
			this.loadedVersion,
			...REFERENCED.map((r) =>
				this.sourcesOf(r)
					.map((f) => `${f.id}:${f.mode}:${f.checks}`)
					.join(',')
			)
		].join('|');
	}

	protected override async referenceTables(
		engine: Engine,
		f: StagedFile
	): Promise<ReferenceTables> {
		const tables: ReferenceTables = {};
		for (const r of REFERENCED) {
			const sources = this.sourcesOf(r).flatMap((s) => {
				const p = s.prepared;
				const incoming = p && 'incoming' in p ? p.incoming : null;
				return incoming ? [{ mode: s.mode, ...incoming }] : [];
			});
			const sql = referenceSelectSql(r, sources);
			if (sql === null) continue;
			await engine.exec(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(viewName(r))} AS ${sql}`);
			tables[r] = viewName(r);
		}
		f.refsSig = this.signature();
		return tables;
	}

	/**
	 * `f` refers to districts or framework files of the batch that are not
	 * loaded yet: loaded alone, its rows would point at nothing. It loads with
	 * the batch, or once those files are loaded.
	 */
	override waitsForBatch(f: StagedFile): boolean {
		if (f.target === 'table' || isReferenced(f.target)) return false;
		return REFERENCED.some((r) => this.sourcesOf(r).some((s) => s.phase === 'ready'));
	}

	/** Whether `f` was checked against references that have changed since. */
	private stale(f: StagedFile): boolean {
		return f.target !== 'table' && !isReferenced(f.target) && f.refsSig !== this.signature();
	}

	protected override async refreshReferences(engine: Engine, f: StagedFile): Promise<void> {
		const p = f.prepared;
		if (!p || !('validate' in p) || !this.stale(f)) return;
		const tables = await this.referenceTables(engine, f);
		f.report = { ...(await p.validate(f.mode, tables)) };
	}

	protected override staged(f: StagedFile): void {
		f.checks += 1;
		if (f.phase === 'loaded' && isReferenced(f.target)) this.loadedVersion += 1;
		void this.recheck();
	}

	protected override dataChanged(): void {
		this.loadedVersion += 1;
		void this.recheck();
	}

	/**
	 * Checks again, at once, every staged dataset file whose references
	 * changed, and counts again what replacing districts or framework would
	 * leave without a match. One queued run for any number of changes.
	 */
	private recheck(): Promise<void> {
		if (this.recheckQueued) return Promise.resolve();
		this.recheckQueued = true;
		return this.serial(async () => {
			this.recheckQueued = false;
			const engine = this.engine;
			if (!engine) return;
			for (const f of this.batch) {
				const p = f.prepared;
				if (f.phase !== 'ready' || !p || !('validate' in p)) continue;
				try {
					if (this.stale(f)) {
						f.phase = 'analysing';
						f.step = 'validate';
						await this.refreshReferences(engine, f);
						f.rechecked = true;
						f.phase = 'ready';
					}
					if (isReferenced(f.target)) f.orphans = await this.orphansOf(engine, f);
				} catch (error) {
					f.phase = 'failed';
					f.failure = message(error);
				}
			}
		});
	}

	/**
	 * Loads the batch in reference order. With orphans outside the batch, only
	 * with `prune` (the user saw the counts and agreed to remove those rows);
	 * stops at the first file that does not load, or that asks again.
	 */
	async loadAll(opts: { prune?: boolean } = {}): Promise<void> {
		if (this.batchOrphans.length > 0 && !opts.prune) return;
		const cards = this.loadableBatch;
		this.loadingAll = true;
		const done: StagedFile[] = [];
		try {
			for (const f of cards) {
				await this.load(f, { prune: opts.prune, batch: true });
				if (f.phase !== 'loaded') break;
				done.push(f);
			}
		} finally {
			this.loadingAll = false;
		}
		if (done.length === cards.length && cards.length > 1) {
			this.notice = {
				kind: 'ok',
				key: 'datos.batch.done',
				params: { n: done.length },
				batch: done.map((f) => ({
					target: f.isTable ? f.tableName : (f.target ?? ''),
					rows: f.loaded ?? 0,
					table: f.isTable
				}))
			};
		}
		await this.recheck();
	}

	/** The user declined the batch's question: nothing changes, and the batch is put away. */
	async cancelBatch(): Promise<void> {
		const cards = this.batch;
		for (const f of cards) await this.discard(f);
		this.notice = { kind: 'ok', key: 'datos.batch.cancelled', params: { n: cards.length } };
	}
}
