import { building } from '$app/environment';
import { STATIC_SITE } from '../mode';
import type { Engine } from '../engine/types';
import { prerenderEngine } from './prerender-data';
import { serverStore, storeConfig } from './db/context';
import { viewEngine } from './published';

/**
 * The Node DuckDB a page's server-side figures come from: at build time
 * (the static site), the files of the build; in server mode, the store's
 * published data, or work in progress for staff who asked for it.
 */
export async function pageEngine(locals: App.Locals): Promise<Engine> {
	if (building || STATIC_SITE) return prerenderEngine();
	return viewEngine(await serverStore(), locals.view, storeConfig().demoDataDir);
}
