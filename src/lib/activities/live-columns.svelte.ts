import { untrack } from 'svelte';
import { engineState } from '$lib/engine/state.svelte';
import { queryKey } from '$lib/engine/prefetch';
import { EngineError, type Columns, type SqlQuery } from '$lib/engine/types';

/** Results computed at build time, by query key (`queryKey`), column-wise. */
export type PrefetchedColumns = Record<string, Columns>;

export interface LiveColumnsOptions {
	/** Results computed at build time; shown while the engine has not answered the same query. */
	prefetched?: () => PrefetchedColumns | null | undefined;
	/** Run only while this is true (e.g. once the cube is built for the current data). */
	enabled?: () => boolean;
}

/**
 * A reactive query read column-wise (`engine.queryColumns`: no row objects
 * for large results). Unlike `Query`, it keeps showing the previous answer
 * while a new one loads (`stale`), so a chart does not disappear and the
 * page does not jump on every filter click; answers that arrive after a
 * newer request are dropped. Create it during component initialisation.
 */
export class LiveColumns {
	error = $state<EngineError | null>(null);
	// raw: a result is replaced, never changed in place, and a deep proxy over every
	// cell would make each read of a large result go through a trap
	#live = $state.raw<{ key: string; version: number; data: Columns } | null>(null);
	#pending = $state(true);
	#sequence = 0;
	#getQuery: () => SqlQuery | null;
	#options: LiveColumnsOptions;
	// Memoised: the getters below are read many times per update (every view box, the
	// page's "settled" flag), and rebuilding the SQL each time cost more than the query.
	#query = $derived.by(() => this.#getQuery());
	#key = $derived(this.#query ? queryKey(this.#query) : null);

	constructor(getQuery: () => SqlQuery | null, options: LiveColumnsOptions = {}) {
		this.#getQuery = getQuery;
		this.#options = options;
		// `.pre`: the query goes to the worker before the DOM is updated, so the
		// engine computes while the page redraws what a click changed.
		$effect.pre(() => {
			const query = this.#query;
			const engine = engineState.engine;
			const version = engineState.dataVersion;
			const enabled = options.enabled?.() ?? true;
			if (!query || !engine || !enabled) return;
			const key = this.#key as string;
			// the same statement with the same values (the query was rebuilt, or the view
			// enabled again) is not asked again: on a million rows the table's takes 0.2 s
			const answered = untrack(
				() =>
					!this.#pending &&
					this.error === null &&
					this.#live?.key === key &&
					this.#live.version === version
			);
			if (answered) return;
			const ticket = ++this.#sequence;
			this.#pending = true;
			engine.queryColumns(query.sql, query.params).then(
				(data) => {
					if (ticket !== this.#sequence) return;
					this.#live = { key, version, data };
					this.error = null;
					this.#pending = false;
				},
				(error: unknown) => {
					if (ticket !== this.#sequence) return;
					this.error = error instanceof EngineError ? error : new EngineError('sql', String(error));
					this.#pending = false;
				}
			);
		});
	}

	/** The key of the current query, or null when there is none. */
	get key(): string | null {
		return this.#key;
	}

	/** Prefetched rows for the current query; only until the engine first answers. */
	#prefetchedData(key: string | null): Columns | undefined {
		return key && this.#live === null ? this.#options.prefetched?.()?.[key] : undefined;
	}

	// Derived, not computed in the getters: a click changes the key, and while the
	// answer loads `data` is still the same object. A derived value that did not
	// change does not wake what reads it, so no chart lays out its stale data again.
	#data = $derived.by((): Columns | null => {
		const key = this.key;
		if (this.#live && this.#live.key === key) return this.#live.data;
		return this.#prefetchedData(key) ?? this.#live?.data ?? null;
	});
	#current = $derived.by((): boolean => {
		const key = this.key;
		if (key === null) return false;
		if (this.#live) return this.#live.key === key && this.#live.version === engineState.dataVersion;
		return !!this.#prefetchedData(key);
	});

	/** The result for the current query (live, else prefetched), else the last one shown (stale), else null. */
	get data(): Columns | null {
		return this.#data;
	}

	/** True when `data` answers the current query on the current data (not an older one). */
	get current(): boolean {
		return this.#current;
	}

	/** True when `data` is an older answer shown while the current one loads. */
	get stale(): boolean {
		return this.data !== null && !this.current;
	}

	/** True while the engine has not answered the current query. */
	get loading(): boolean {
		return this.#pending || (this.error === null && this.#live?.key !== this.key);
	}

	/** True when the engine in this browser answered the current query. */
	get live(): boolean {
		return (
			this.#live !== null &&
			this.#live.key === this.key &&
			this.#live.version === engineState.dataVersion &&
			!this.#pending
		);
	}
}

/** The rows of a column-wise result as objects (for the small results charts take). */
export function rowsOf<T extends Record<string, unknown>>(data: Columns | null): T[] {
	if (!data) return [];
	const out: T[] = new Array(data.length);
	for (let r = 0; r < data.length; r++) {
		const row: Record<string, unknown> = {};
		for (let c = 0; c < data.names.length; c++) row[data.names[c]] = data.columns[c][r];
		out[r] = row as T;
	}
	return out;
}

/** One column of a result by name (empty when absent). */
export function column<T = unknown>(data: Columns | null, name: string): T[] {
	if (!data) return [];
	const i = data.names.indexOf(name);
	return i < 0 ? [] : (data.columns[i] as T[]);
}
