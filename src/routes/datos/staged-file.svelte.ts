/**
 * One file chosen by the user on the data page, from reading to loaded:
 * its options, its phase and progress, and the report of its analysis.
 */
import type { Encoding } from '$lib/data/decode';
import { type PreparedTable, type TableReport } from '$lib/data/import';
import { type OrphanCount } from '$lib/data/orphans';
import { type ImportReport, type PreparedImport, type Preview } from '$lib/data/import';
import type { Delimiter } from '$lib/data/sniff';
import { type DatasetName } from '$lib/data/tables';
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
	/** Checked again since its analysis because its references changed (shown on the card). */
	rechecked = $state(false);
	/** What the references were when it was last checked (BatchModel compares it). */
	refsSig = '';
	/** Analyses, validations and loads so far (part of the references' signature of others). */
	checks = 0;
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
