/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Integra works offline after the first visit (DESIGN.md §2).
 *
 * - Install precaches this version's app shell: the app's code and styles,
 *   the prerendered pages (observatory, profiles, forms) and their data, the
 *   demo CSVs, and the DuckDB engine this browser will pick (wasm + worker).
 *   The engine's files usually come from the HTTP cache, where the page's own
 *   first start has just put them, so they are not downloaded twice.
 * - Files under /_app/immutable/ have content-hashed names: cache-first, and
 *   kept across versions (a new deployment does not download an unchanged
 *   34 MB wasm again). Anything else hashed that was not precached (the `mvp`
 *   engine of an older browser) is cached on first fetch.
 * - The demo snapshot (/prefetch/tables/*.arrow), asked for with this
 *   version (`?v=`): made by the same build as this precache, so served
 *   from it. A page of another version goes to the network.
 * - Pages and other files: network first, cache when offline.
 * - No skipWaiting: a new version waits until every tab of the old one is
 *   closed, so a running engine (which restarts from the same URLs after a
 *   crash) never finds its files gone mid-session. Old caches are deleted on
 *   activation only.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** Pages, static files and anything not content-hashed, for this version. */
const PAGES = `integra-pages-${version}`;
/** Content-hashed files (code, styles, wasm, demo CSVs): shared by versions. */
const IMMUTABLE = 'integra-immutable';

const ENGINE_FILE = /\/duckdb-[^/]*\.(wasm|js)$/;
const isEngine = (path: string) => ENGINE_FILE.test(path);
/** Feature test of duckdb-wasm's `selectBundle`: wasm exceptions → the `eh` bundle. */
const EXCEPTIONS = new Uint8Array([
	0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11
]);

function engineFiles(): string[] {
	let eh: boolean;
	try {
		eh = WebAssembly.validate(EXCEPTIONS);
	} catch {
		// no WebAssembly at all: no engine to cache
		return [];
	}
	const flavour = eh ? /duckdb-(browser-)?eh[.-]/ : /duckdb-(browser-)?mvp[.-]/;
	return build.filter((path) => isEngine(path) && flavour.test(path));
}

const immutable = [...build.filter((path) => !isEngine(path)), ...engineFiles()];
const pages = [...files, ...prerendered];

async function precache(cacheName: string, paths: string[]): Promise<void> {
	const cache = await caches.open(cacheName);
	const have = new Set((await cache.keys()).map((r) => pathOf(r.url)));
	const missing = paths.filter((p) => !have.has(pathOf(p)));
	// A few at a time: a phone on a weak connection must not open 200 requests at once.
	for (let i = 0; i < missing.length; i += 8) {
		await cache.addAll(missing.slice(i, i + 8));
	}
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		Promise.all([
			precache(IMMUTABLE, immutable),
			precache(PAGES, pages),
			// The app shell for pages that were never prerendered (a district imported later).
			caches.open(PAGES).then((cache) => cache.add('404.html').catch(() => {}))
		])
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== PAGES && key !== IMMUTABLE && key.startsWith('integra-')) {
					await caches.delete(key);
				}
			}
			// Hashed files no version uses any more (this one is the only one left).
			const keep = new Set(build.map(pathOf));
			const cache = await caches.open(IMMUTABLE);
			for (const request of await cache.keys()) {
				if (!keep.has(pathOf(request.url))) await cache.delete(request);
			}
			// Pages are fetched from the network first: start that while the worker boots.
			await sw.registration.navigationPreload?.enable();
			// The first visit's page becomes controlled too: it works offline from now on.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (url.pathname.includes('/_app/immutable/')) {
		event.respondWith(cacheFirst(event));
	} else if (url.pathname.includes('/prefetch/tables/') && url.searchParams.get('v') === version) {
		event.respondWith(thisVersionFirst(event));
	} else if (!url.pathname.endsWith('/service-worker.js')) {
		event.respondWith(networkFirst(event));
	}
});

function pathOf(url: string): string {
	return new URL(url, sw.location.href).pathname;
}

async function cacheFirst(event: FetchEvent): Promise<Response> {
	const cache = await caches.open(IMMUTABLE);
	const hit = await cache.match(event.request);
	if (hit) return hit;
	const response = await fetch(event.request);
	// Not awaited: the page (the engine's streaming compile) gets the stream at once.
	if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
	return response;
}

async function thisVersionFirst(event: FetchEvent): Promise<Response> {
	const hit = await (await caches.open(PAGES)).match(event.request, { ignoreSearch: true });
	return hit ?? networkFirst(event);
}

async function networkFirst(event: FetchEvent): Promise<Response> {
	const request = event.request;
	const cache = await caches.open(PAGES);
	try {
		const preloaded = request.mode === 'navigate' ? await event.preloadResponse : undefined;
		const response = (preloaded as Response | undefined) ?? (await fetch(request));
		if (response.ok && response.type === 'basic') {
			event.waitUntil(cache.put(request, response.clone()));
		}
		return response;
	} catch (error) {
		const hit =
			(await cache.match(request, { ignoreSearch: true })) ??
			(request.mode === 'navigate' ? await offlinePage(cache, request) : undefined);
		if (hit) return hit;
		throw error;
	}
}

/** A page that was never visited nor prerendered (an imported district): the app shell. */
async function offlinePage(cache: Cache, request: Request): Promise<Response | undefined> {
	const path = pathOf(request.url);
	return (await cache.match(`${path}.html`)) ?? (await cache.match('404.html'));
}
