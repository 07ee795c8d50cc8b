import { untrack } from 'svelte';
import { engineState } from './state.svelte';
import { queryKey } from './prefetch';
import { EngineError, type Columns, type Engine, type Row, type SqlQuery } from './types';

/** How a query's answer is read from the engine. */
export type ReadAnswer<A> = (engine: Engine, query: SqlQuery) => Promise<A>;

/** Plain row objects (the default; small results). */
export const readRows: ReadAnswer<Row[]> = (engine, query) => engine.query(query.sql, query.params);

/** Column-wise (no row objects: cheaper for large results). */
export const readColumns: ReadAnswer<Columns> = (engine, query) =>
	engine.queryColumns(query.sql, query.params);

export interface QueryOptions<A> {
	/** How to ask the engine; rows unless told. */
	read?: ReadAnswer<A>;
	/**
	 * The answer computed at build for this query key, if any: shown while the
	 * engine has not answered it (with `keepLast`, only until its first answer;
	 * after that the last live answer is shown instead).
	 */
	prefetched?: (key: string) => A | null | undefined;
	/** Run only while this is true (e.g. once the cube is built for the current data). */
	enabled?: () => boolean;
	/**
	 * Keep showing the previous answer while the next one is computed (`stale`), so
	 * numbers move instead of blinking and the page does not jump on every click.
	 * Off: the answer to another query is never shown (a profile of district A
	 * must not show B's rows while loading).
	 */
	keepLast?: boolean;
	/**
	 * Ask before the DOM is updated (`$effect.pre`), so the engine computes while
	 * the page redraws what a click changed. Off by default: a pre-effect created
	 * while the page renders runs at once, before the component that owns the
	 * query has finished setting up what the query reads.
	 */
	early?: boolean;
}

/** The last live answer, with the query key and the data version it answers. */
interface Answer<A> {
	key: string;
	version: number;
	data: A;
}

/**
 * A reactive query, the one way a screen asks DuckDB: it asks again when its
 * SQL, its parameters or the loaded data change; an answer that arrives after a
 * newer request is dropped; the same statement with the same values on the
 * same data is not asked twice (the key is memoised: the SQL is often rebuilt
 * with nothing changed, and on a million rows a query takes a fifth of a
 * second). Until the engine answers, it shows the answer prefetched at build
 * for exactly the same key. Create it during component initialisation (it
 * uses `$effect`, or `$effect.pre` when `early`).
 */
export class Query<A = Row[]> {
	error = $state<EngineError | null>(null);
	// raw: an answer is replaced, never changed in place, and a deep proxy over every
	// cell would make each read of a large result go through a trap
	#live = $state.raw<Answer<A> | null>(null);
	#pending = $state(true);
	/** The request in flight or last made: later answers win, the same one is not re-asked. */
	#asked: { ticket: number; key: string; version: number } | null = null;
	#getQuery: () => SqlQuery | null;
	#options: QueryOptions<A>;
	// Memoised: the getters below are read many times per update (every view box, a
	// page's "settled" flag), and rebuilding the SQL each time cost more than the query.
	#query = $derived.by(() => this.#getQuery());
	#key = $derived(this.#query ? queryKey(this.#query) : null);

	constructor(getQuery: () => SqlQuery | null, options: QueryOptions<A> = {}) {
		this.#getQuery = getQuery;
		this.#options = options;
		if (options.early) $effect.pre(() => this.askIfChanged());
		else $effect(() => this.askIfChanged());
	}

	/**
	 * Asks the engine for the current query, unless it was asked already on the
	 * same data (still waiting, or answered without error). The effect calls it
	 * whenever the query, the engine or the data change; where no effect runs
	 * (a unit test in Node), call it by hand.
	 */
	askIfChanged(): void {
		const query = this.#query;
		const key = this.#key;
		const engine = engineState.engine;
		const version = engineState.dataVersion;
		const enabled = this.#options.enabled?.() ?? true;
		if (!query || key === null || !engine || !enabled) return;
		untrack(() => this.#ask(engine, query, key, version));
	}

	#ask(engine: Engine, query: SqlQuery, key: string, version: number) {
		const last = this.#asked;
		const same = last !== null && last.key === key && last.version === version;
		if (same && (this.#pending || this.error === null)) return;
		const read = this.#options.read ?? (readRows as ReadAnswer<unknown> as ReadAnswer<A>);
		const ticket = (last?.ticket ?? 0) + 1;
		this.#asked = { ticket, key, version };
		this.#pending = true;
		read(engine, query).then(
			(data) => {
				if (this.#asked?.ticket !== ticket) return;
				this.#live = { key, version, data };
				this.error = null;
				this.#pending = false;
			},
			(error: unknown) => {
				if (this.#asked?.ticket !== ticket) return;
				this.error = error instanceof EngineError ? error : new EngineError('sql', String(error));
				this.#pending = false;
			}
		);
	}

	/** The key of the current query, or null when there is none. */
	get key(): string | null {
		return this.#key;
	}

	/** The prefetched answer for this key; with `keepLast`, only until the engine first answers. */
	#prefetched(key: string | null): A | undefined {
		if (key === null || (this.#options.keepLast && this.#live !== null)) return undefined;
		return this.#options.prefetched?.(key) ?? undefined;
	}

	// Derived, not computed in the getters: a click changes the key, and while the
	// answer loads `data` is still the same object. A derived value that did not
	// change does not wake what reads it, so no chart lays out its stale data again.
	#data = $derived.by((): A | null => {
		const key = this.key;
		if (this.#live && this.#live.key === key) return this.#live.data;
		const pre = this.#prefetched(key);
		if (pre !== undefined) return pre;
		return this.#options.keepLast ? (this.#live?.data ?? null) : null;
	});
	#current = $derived.by((): boolean => {
		const key = this.key;
		if (key === null) return false;
		if (this.#live?.key === key) return this.#live.version === engineState.dataVersion;
		return this.#prefetched(key) !== undefined;
	});

	/** The answer to the current query (live, else prefetched); with `keepLast`, else the last one shown; else null. */
	get data(): A | null {
		return this.#data;
	}

	/** The same answer as `data`, by the name the screens that read rows use. */
	get rows(): A | null {
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

	/** True while the engine has not answered the current query (an error ends it). */
	get loading(): boolean {
		return this.#pending || (this.error === null && this.#live?.key !== this.key);
	}

	/** True when the engine in this browser answered the current query on the current data. */
	get live(): boolean {
		return (
			this.#live !== null &&
			this.#live.key === this.key &&
			this.#live.version === engineState.dataVersion &&
			!this.#pending
		);
	}
}

/** A query read column-wise that keeps its last answer while the next loads: the dashboards' views. */
export type LiveColumns = Query<Columns>;

export function liveColumns(
	getQuery: () => SqlQuery | null,
	options: Omit<QueryOptions<Columns>, 'read' | 'keepLast' | 'early'> = {}
): LiveColumns {
	return new Query(getQuery, { ...options, read: readColumns, keepLast: true, early: true });
}
