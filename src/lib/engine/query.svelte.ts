import { engineState } from './state.svelte';
import { queryKey, type Prefetched } from './prefetch';
import { EngineError, type Row, type SqlQuery } from './types';

/**
 * A reactive query: re-runs when its SQL, its parameters or the loaded data
 * change, and drops answers that arrive after a newer request. Until the
 * engine answers, it shows prefetched rows (from the prerendered page) when
 * they were computed for exactly the same query. Create it during component
 * initialisation (it uses `$effect`).
 */
export class Query<T extends Row = Row> {
	error = $state<EngineError | null>(null);
	#live = $state<{ key: string; rows: T[] } | null>(null);
	#pending = $state(true);
	#sequence = 0;
	#getQuery: () => SqlQuery | null;
	#prefetched: () => Prefetched<T> | null | undefined;

	constructor(
		getQuery: () => SqlQuery | null,
		prefetched: () => Prefetched<T> | null | undefined = () => null
	) {
		this.#getQuery = getQuery;
		this.#prefetched = prefetched;
		$effect(() => {
			const query = getQuery();
			const engine = engineState.engine;
			void engineState.dataVersion;
			if (!query || !engine) return;
			const key = queryKey(query);
			const ticket = ++this.#sequence;
			this.#pending = true;
			engine.query(query.sql, query.params).then(
				(rows) => {
					if (ticket !== this.#sequence) return;
					this.#live = { key, rows: rows as T[] };
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

	#key(): string | null {
		const query = this.#getQuery();
		return query ? queryKey(query) : null;
	}

	/** The freshest rows for the current query: live, else prefetched, else null. */
	get rows(): T[] | null {
		const key = this.#key();
		if (this.#live && this.#live.key === key) return this.#live.rows;
		const pre = this.#prefetched();
		if (pre && pre.key === key) return pre.rows;
		return null;
	}

	/** True while the engine has not answered the current query. */
	get loading(): boolean {
		return this.#pending || this.#live?.key !== this.#key();
	}

	/** True when the rows come from the live engine (not prefetched). */
	get live(): boolean {
		return this.#live !== null && this.#live.key === this.#key();
	}
}
