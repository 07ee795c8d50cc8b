import { createBrowserEngine } from '../engine/browser';
import { isMemoryLimit } from '../engine/settings';
import { engineState } from '../engine/state.svelte';
import { fetchDemoSnapshot } from '../data/demo-snapshot';
import { loadDatasets } from './datasets';

let engine: ReturnType<typeof createBrowserEngine> | null = null;

/**
 * The app's one DuckDB. Browser-only: import this module with a dynamic
 * `import()` after mount, never at the top of a page (the package's Node
 * entry breaks SvelteKit's build analysis). Every fresh instance, including
 * one restarted after a crash or timeout, reloads the datasets.
 */
export function getBrowserEngine() {
	if (!engine) {
		// downloads while the wasm compiles (loadDatasets awaits the same promise)
		fetchDemoSnapshot().catch(() => {
			// loadDatasets asks again, then falls back to the demo CSV files
		});
		engine = createBrowserEngine({
			onFreshStart: async (fresh) => {
				// Read by the bench: the wasm is up; the datasets load next.
				if (performance.getEntriesByName('integra:engine-open').length === 0) {
					performance.mark('integra:engine-open');
				}
				engineState.phase = 'loading';
				await loadDatasets(fresh, { demoSnapshot: fetchDemoSnapshot });
				engineState.dataVersion += 1;
			},
			memoryLimit: sessionMemoryLimit,
			onStatus: (status, error) => {
				if (status === 'ready') {
					engineState.phase = 'ready';
					// Read by the bench (navigation → engine ready for queries, datasets loaded).
					if (performance.getEntriesByName('integra:engine-ready').length === 0) {
						performance.mark('integra:engine-ready');
					}
				} else if (status === 'starting' || status === 'restarting') engineState.phase = 'starting';
				else if (status === 'failed') engineState.phase = 'failed';
				engineState.error = error ?? null;
			}
		});
	}
	return engine;
}

/**
 * A memory limit for DuckDB chosen in this tab (sessionStorage
 * `integra:memory-limit`, e.g. "48MB"), for trying a phone's memory on a
 * laptop; it takes effect on the engine's next start. Nothing sets it by
 * default. A value that is not a size is ignored.
 */
function sessionMemoryLimit(): string | null {
	try {
		const limit = sessionStorage.getItem('integra:memory-limit');
		return limit && isMemoryLimit(limit) ? limit : null;
	} catch {
		return null;
	}
}
