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
 *   version (`?v=`): on the static site, made by the same build as this
 *   precache, so served from it. A page of another version goes to the network.
 * - The Integra server (SERVER_MODE) changes its data with every publication,
 *   not with a build: its /prefetch/* (tables, district profiles) and the
 *   published CSVs (/api/published/*) are always asked of the network, which
 *   revalidates with their ETag (a 304 when nothing was published); the copy
 *   kept here answers only when the network is down. The rest of /api/* (a
 *   person's rounds, plans, session) is never kept: it is not this worker's
 *   to store, and a stale answer there would be wrong, not just old.
 * - Pages: network first, cache when offline; but only a page of this
 *   version. When the site has moved on to a new version (the page names
 *   another build's entry script), this worker keeps serving its own copy,
 *   whose files it holds, and looks for the new worker. A navigation never
 *   mixes the new version's pages with this version's files.
 * - Other files this version precached (prerendered data, static files):
 *   from this version's cache, for the same reason. Anything else: network
 *   first, cache when offline.
 * - A new version installs and waits: it does not take over the open tabs
 *   by itself, so a running engine (which restarts from the same URLs after
 *   a crash) never finds its files gone mid-session. The page tells the user
 *   (src/lib/offline/UpdateNotice.svelte); on their click it asks the waiting
 *   worker to skip waiting (`integra:activate`), and reloads once that worker
 *   controls it. Old caches are deleted on activation only.
 */
import { build, files, prerendered, version } from '$service-worker';
import { SERVER_MODE } from '$lib/mode';

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
/** Paths of this version's precached pages and files. */
const ownPaths = new Set(pages.map((path) => pathOf(path)));

/**
 * The entry script every page of a build names near its top (Kit's `start.<hash>.js`).
 * It imports the chunk that holds the build's version: every build names another.
 */
const ENTRY = /_app\/immutable\/entry\/start\.[\w-]+\.js/;
const ownEntries = new Set(build.flatMap((path) => ENTRY.exec(path)?.[0] ?? []));

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

// The page's update notice, on the user's click: this (waiting) version takes over now.
sw.addEventListener('message', (event) => {
	if (event.data?.type === 'integra:activate') event.waitUntil(sw.skipWaiting());
	if (event.data?.type === 'integra:signed-out') event.waitUntil(forgetVisitedPages());
});

/**
 * After a sign-out, the pages kept from visits go (they may show who was
 * signed in and their district's work): on a shared computer, the next
 * person offline gets this version's own pages, not theirs.
 */
async function forgetVisitedPages() {
	const cache = await caches.open(PAGES);
	for (const request of await cache.keys())
		if (!ownPaths.has(pathOf(request.url))) await cache.delete(request);
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (url.pathname.includes('/_app/immutable/')) {
		event.respondWith(cacheFirst(event));
	} else if (request.mode === 'navigate') {
		event.respondWith(navigation(event));
	} else if (SERVER_MODE && serverData(url.pathname)) {
		event.respondWith(networkFirst(event));
	} else if (SERVER_MODE && url.pathname.startsWith('/api/')) {
		// the browser fetches it as if there were no worker
		return;
	} else if (url.pathname.includes('/prefetch/tables/')) {
		// asked for with a version (`?v=`): this one's from its precache, another's from the network
		event.respondWith(
			url.searchParams.get('v') === version ? thisVersionFirst(event) : networkFirst(event)
		);
	} else if (ownPaths.has(url.pathname)) {
		event.respondWith(thisVersionFirst(event));
	} else if (!url.pathname.endsWith('/service-worker.js')) {
		event.respondWith(networkFirst(event));
	}
});

/** The server's data that the public may keep for offline use: never from a build's cache. */
function serverData(path: string): boolean {
	return path.startsWith('/prefetch/') || path.startsWith('/api/published/');
}

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
		const response = await fetch(request);
		if (keepable(response)) event.waitUntil(cache.put(request, response.clone()));
		return response;
	} catch (error) {
		const hit = await cache.match(request, { ignoreSearch: true });
		if (hit) return hit;
		throw error;
	}
}

/** A page: from the network if it is of this version, else this version's copy. */
async function navigation(event: FetchEvent): Promise<Response> {
	const request = event.request;
	const cache = await caches.open(PAGES);
	let response: Response;
	try {
		response = ((await event.preloadResponse) as Response | undefined) ?? (await fetch(request));
	} catch (error) {
		const hit = await ownCopy(cache, request);
		if (hit) return hit;
		throw error;
	}
	if (!(await isThisVersion(response))) {
		// A new version is deployed: its worker will offer to reload (and is looked for now).
		event.waitUntil(sw.registration.update().catch(() => {}));
		return (await ownCopy(cache, request)) ?? response;
	}
	if (keepable(response)) event.waitUntil(cache.put(request, response.clone()));
	return response;
}

/**
 * Whether a response may be kept for offline use: not what the server marks
 * private (a signed-in person's own view of the data). Their pages are kept,
 * for work offline, and dropped when they sign out (`integra:signed-out`).
 */
function keepable(response: Response): boolean {
	const own = /private|no-store/.test(response.headers.get('cache-control') ?? '');
	return response.ok && response.type === 'basic' && !own;
}

/**
 * Whether a page was built with this worker: the entry script it names near its
 * top is one of this build's. Only a copy of the stream is read, and only until
 * the name: the page itself still streams to the browser.
 */
async function isThisVersion(response: Response): Promise<boolean> {
	const body = response.headers.get('content-type')?.includes('text/html') && response.clone().body;
	if (!body || ownEntries.size === 0) return true; // not a page, or a dev build: nothing to compare
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let head = '';
	try {
		while (head.length < 65_536) {
			const { done, value } = await reader.read();
			if (done) break;
			head += decoder.decode(value, { stream: true });
			const entry = ENTRY.exec(head)?.[0];
			if (entry) return ownEntries.has(entry);
		}
		return true; // names no entry script: not one of Kit's pages
	} finally {
		reader.cancel().catch(() => {});
	}
}

/** This version's copy of a page, or its app shell for a page never prerendered nor visited. */
async function ownCopy(cache: Cache, request: Request): Promise<Response | undefined> {
	return (
		(await cache.match(request, { ignoreSearch: true })) ?? (await offlinePage(cache, request))
	);
}

/** A page that was never visited nor prerendered (an imported district): the app shell. */
async function offlinePage(cache: Cache, request: Request): Promise<Response | undefined> {
	const path = pathOf(request.url);
	return (await cache.match(`${path}.html`)) ?? (await cache.match('404.html'));
}
