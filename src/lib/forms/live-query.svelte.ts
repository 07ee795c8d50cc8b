import { engineState } from '../engine/state.svelte';
import { EngineError, type Row, type SqlQuery } from '../engine/types';

/**
 * A query whose answer changes as the user types (the live scores): unlike
 * `Query`, it keeps showing the last answer while the next one is computed,
 * so the numbers move instead of blinking, and drops answers that arrive
 * after a newer request. Create it during component initialisation.
 */
export class LiveQuery<T extends Row = Row> {
	rows = $state<T[] | null>(null);
	error = $state<EngineError | null>(null);
	loading = $state(true);
	#sequence = 0;

	constructor(getQuery: () => SqlQuery | null) {
		$effect(() => {
			const query = getQuery();
			const engine = engineState.engine;
			void engineState.dataVersion;
			if (!query || !engine) return;
			const ticket = ++this.#sequence;
			this.loading = true;
			engine.query(query.sql, query.params).then(
				(rows) => {
					if (ticket !== this.#sequence) return;
					this.rows = rows as T[];
					this.error = null;
					this.loading = false;
				},
				(error: unknown) => {
					if (ticket !== this.#sequence) return;
					this.error = error instanceof EngineError ? error : new EngineError('sql', String(error));
					this.loading = false;
				}
			);
		});
	}
}
