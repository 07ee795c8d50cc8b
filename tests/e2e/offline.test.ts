/**
 * The service worker (src/service-worker.ts): after one visit online, the
 * app works with no network at all. The observatory reloads and a district
 * profile never visited opens, and in both DuckDB answers in the browser
 * (the wasm, the worker and the demo CSVs come from the cache).
 *
 * The test serves build-static/ from its own server and shuts it down after the
 * first visit, on top of Chromium's offline mode: "no network" is real, not
 * emulated only for the page.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server';
import { openSession, type Session } from './browser';

const PROFILE = '150132'; // San Juan de Lurigancho, not visited online

describe('offline after the first visit (service worker)', () => {
	let session: Session;
	let server: Server;
	let url: string;
	const offlineResponses: Response[] = [];
	const offlineFailures: string[] = [];

	beforeAll(async () => {
		({ server, url } = await startStaticServer('build-static'));
		// V8's defaults: the wasm code cache below is written once the engine's code has tiered up.
		session = await openSession({ serviceWorkers: true, optimizedWasm: true });
	});

	afterAll(async () => {
		await session?.close();
		server?.closeAllConnections();
		server?.close();
	});

	it('installs on the first visit and takes control of the page', async () => {
		const { page } = session;
		await page.goto(`${url}/`);
		await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]', {
			timeout: 60_000
		});
		// Installed means precached (install waits for it); activated means it controls the page.
		await page.waitForFunction(
			() => navigator.serviceWorker.controller?.state === 'activated',
			null,
			{ timeout: 90_000, polling: 200 }
		);
		const cached = await page.evaluate(async () => {
			const names = await caches.keys();
			const paths: string[] = [];
			for (const name of names) {
				for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
			}
			return paths;
		});
		expect(cached.some((p) => /duckdb-eh.*\.wasm$/.test(p))).toBe(true);
		expect(cached.some((p) => /duckdb-browser-eh\.worker.*\.js$/.test(p))).toBe(true);
		expect(cached.some((p) => /activities.*\.csv$/.test(p))).toBe(true);
		expect(cached).toContain(`/distritos/${PROFILE}`);
		expect(cached.some((p) => /engine-worker.*\.js$/.test(p))).toBe(true);
		expect(cached).toContain('/prefetch/tables/activities.arrow');
	}, 120_000);

	it('on a repeat visit online, takes the demo snapshot from its precache, not the network', async () => {
		const { page } = session;
		const hits: string[] = [];
		const watch = (req: { url?: string }) => hits.push(req.url ?? '');
		server.on('request', watch);
		try {
			await page.reload();
			await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]', {
				timeout: 60_000
			});
		} finally {
			server.off('request', watch);
		}
		expect(hits).toContain('/'); // the page itself: network first
		expect(hits.filter((u) => u.includes('/prefetch/tables/'))).toEqual([]);
	}, 90_000);

	it("keeps the engine's compiled wasm in Chromium's code cache for the next visit", async () => {
		// Chromium caches compiled wasm only for instantiateStreaming(fetch(url)); duckdb-wasm's
		// progress stream would hide the URL (src/lib/engine/engine-worker.js). Without the
		// cache every visit compiles the 34 MB again.
		const dir = join(session.profile, 'Default', 'Code Cache', 'wasm');
		await expect
			.poll(() => directorySize(dir), { timeout: 30_000, interval: 500 })
			.toBeGreaterThan(1_000_000);
	});

	it('reloads the observatory with no network, and DuckDB answers', async () => {
		const { page, context } = session;
		await new Promise<void>((done) => {
			server.close(() => done());
			server.closeAllConnections();
		});
		await context.setOffline(true);
		page.on('response', (r) => offlineResponses.push(r));
		page.on('requestfailed', (r) => offlineFailures.push(r.url()));

		await page.reload();
		await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]', {
			timeout: 60_000
		});
		await page.waitForSelector('[data-testid="map-block"][data-source="engine"]', {
			timeout: 60_000
		});
		expect(await page.locator('[data-testid="heatmap"] .cell').count()).toBeGreaterThan(0);
	}, 90_000);

	it('opens a district profile never visited, and DuckDB answers there too', async () => {
		const { page } = session;
		await page.goto(`${url}/distritos/${PROFILE}`);
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid="profile"]')?.getAttribute('data-source') === 'engine',
			null,
			{ timeout: 60_000 }
		);
		await expect.poll(() => page.locator('h1').textContent()).toContain('San Juan de Lurigancho');
	}, 90_000);

	it('got every file from the service worker, and nothing failed', () => {
		expect(offlineResponses.length).toBeGreaterThan(0);
		expect(offlineResponses.filter((r) => !r.fromServiceWorker()).map((r) => r.url())).toEqual([]);
		expect(offlineFailures).toEqual([]);
		expect(session.errors).toEqual([]);
	});
});

function directorySize(dir: string): number {
	if (!existsSync(dir)) return 0;
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}
