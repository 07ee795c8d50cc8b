import { error } from '@sveltejs/kit';
import { building } from '$app/environment';
import { STATIC_SITE } from '../mode';
import type { Engine } from '../engine/types';
import { prerenderEngine } from './prerender-data';
import { serverStore, storeConfig } from './db/context';
import { StoreUnavailable } from './db/store';
import { viewEngine } from './published';

/**
 * The Node DuckDB a page's server-side figures come from: at build time
 * (the static site), the files of the build; in server mode, the store's
 * published data, or work in progress for staff who asked for it.
 */
export async function pageEngine(locals: App.Locals): Promise<Engine> {
	if (building || STATIC_SITE) return prerenderEngine();
	return or503(async () => viewEngine(await serverStore(), locals.view, storeConfig().demoDataDir));
}

/**
 * Work that needs the store, for a page or a page's data: an unreachable
 * database is a 503 (src/routes/+error.svelte), and the next request tries again.
 */
export async function or503<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (cause) {
		if (cause instanceof StoreUnavailable)
			error(503, { message: 'La base de datos no responde.', code: 'unavailable' });
		throw cause;
	}
}
