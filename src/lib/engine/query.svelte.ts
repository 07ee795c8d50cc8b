import { engineState } from './state.svelte';
import { EngineError, type Row, type SqlQuery } from './types';

/**
 * A reactive query: re-runs when its SQL, its parameters or the loaded data
 * change, and drops answers that arrive after a newer request. Create it
 * during component initialisation (it uses `$effect`).
 */
export class Query<T extends Row = Row> {
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
