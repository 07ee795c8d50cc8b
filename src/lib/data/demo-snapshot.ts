import { version } from '$app/environment';
import { resolve } from '$app/paths';
import { fetchSnapshot, type TableSnapshot } from './snapshot';

let fetched: Promise<TableSnapshot> | null = null;

/**
 * The build's snapshot of the demo tables (`/prefetch/tables/*.arrow`),
 * fetched once per page: the engine asks for it as it starts, so it downloads
 * while the wasm compiles, and an engine restarted after a crash reloads it
 * without going back to the network. Kit-only (`$app/paths`).
 */
export function fetchDemoSnapshot(): Promise<TableSnapshot> {
	// the build's version: the service worker of that version answers from its precache
	const pending = (fetched ??= fetchSnapshot(
		(table) => `${resolve('/prefetch/tables/[table].arrow', { table })}?v=${version}`
	));
	// a failed download is tried again by the next engine start
	pending.catch(() => (fetched = null));
	return pending;
}
