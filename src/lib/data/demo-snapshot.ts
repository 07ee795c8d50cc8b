import { version } from '$app/environment';
import { resolve } from '$app/paths';
import { DATASET_NAMES } from './tables';
import type { TableSnapshot } from './snapshot';

let fetched: Promise<TableSnapshot> | null = null;

/**
 * The build's snapshot of the demo tables (`/prefetch/tables/*.arrow`),
 * fetched once per page: the engine asks for it as it starts, so it downloads
 * while the wasm compiles, and an engine restarted after a crash reloads it
 * without going back to the network. Kit-only (`$app/paths`).
 */
export function fetchDemoSnapshot(): Promise<TableSnapshot> {
	fetched ??= Promise.all(
		DATASET_NAMES.map(async (table) => {
			// the build's version: the service worker of that version answers from its precache
			const url = `${resolve('/prefetch/tables/[table].arrow', { table })}?v=${version}`;
			const response = await fetch(url);
			if (!response.ok) throw new Error(`${table}.arrow: HTTP ${response.status}`);
			return [table, new Uint8Array(await response.arrayBuffer())] as const;
		})
	).then((tables) => Object.fromEntries(tables) as TableSnapshot);
	// a failed download is tried again by the next engine start
	fetched.catch(() => (fetched = null));
	return fetched;
}
