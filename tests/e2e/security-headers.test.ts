/**
 * The security headers of scripts/static-server.ts, in Chromium: the page's
 * header policy adds to its <meta> one without breaking it, DuckDB starts in
 * its worker under the scripts' policy, and that worker cannot reach another
 * origin (the page's `connect-src` does not cover a worker: its script's
 * header does). /diagnostico under the same headers: tests/e2e/engine.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSP } from '../../scripts/static-server';
import { openSession, type Session } from './browser';

describe('security headers in Chromium', () => {
	let session: Session;
	let other: Server;
	let otherUrl: string;
	let otherHits = 0;
	let worker: Worker;
	let pageHeaders: Record<string, string> = {};

	beforeAll(async () => {
		other = createServer((_req, res) => {
			otherHits++;
			res.end('reached');
		});
		await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
		const address = other.address();
		otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/x`;
		session = await openSession();
	});

	afterAll(async () => {
		await session?.close();
		other?.closeAllConnections();
		other?.close();
	});

	it('loads the demo data into DuckDB with the page under both policies', async () => {
		const { page } = session;
		const response = await page.goto(inject('baseUrl') + '/');
		pageHeaders = response!.headers();
		// Hydrated (the meta's inline script hashes still pass), engine started in its worker.
		await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]', {
			timeout: 60_000
		});
		worker = page.workers().find((w) => w.url().includes('engine-worker'))!;
		expect(worker).toBeTruthy();
	}, 90_000);

	it('sends the page its header policy and the other security headers', () => {
		expect(pageHeaders['content-security-policy']).toBe(CSP.page);
		expect(pageHeaders['x-frame-options']).toBe('DENY');
		expect(pageHeaders['x-content-type-options']).toBe('nosniff');
		expect(pageHeaders['referrer-policy']).toBe('no-referrer');
	});

	it("serves the DuckDB worker's script with the scripts' policy", async () => {
		const response = await fetch(new URL(worker.url()).origin + new URL(worker.url()).pathname);
		expect(response.headers.get('content-security-policy')).toBe(CSP.script);
	});

	it('refuses a fetch from inside the DuckDB worker to another origin, before it is sent', async () => {
		const outcome = await worker.evaluate(async (target) => {
			const violations: string[] = [];
			self.addEventListener('securitypolicyviolation', (e) =>
				violations.push(`${e.effectiveDirective} ${e.blockedURI}`)
			);
			let result: string;
			try {
				result = await (await fetch(target)).text();
			} catch (error) {
				result = `refused: ${error}`;
			}
			// The violation event is queued as a task after the failed fetch.
			await new Promise((ok) => setTimeout(ok, 100));
			// The same worker still reaches its own origin.
			const own = (await fetch('/robots.txt')).status;
			return { result, violations, own };
		}, otherUrl);
		expect(outcome.result).toMatch(/^refused/);
		expect(outcome.violations).toEqual([`connect-src ${otherUrl}`]);
		expect(outcome.own).toBe(200);
		// Without the policy the request would leave (CORS only hides the answer).
		expect(otherHits).toBe(0);
	});

	it('saw no console error (no CSP violation in the page) and no foreign request', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
