/**
 * Fresh data in the browser on the Integra server (issue 13 §1): a visitor
 * whose service worker already holds this build's files reloads after an
 * admin published a change, and DuckDB in the browser shows the new score.
 * The worker never answers the server's /prefetch/* or /api/* from a build's
 * cache; what it fetches is revalidated with the ETag, so a reload with
 * nothing new published costs 304s, not the tables again.
 *
 * The change: Lima (150101) sends a new version of its published round 2024
 * with every indicator of domain 1 answered "no_cumple" (it was "cumple" for
 * all 12 in the demo data), the UIM validates it, an admin publishes it: the
 * heatmap cell Lima × domain 1 goes from 100 to 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { openSession, type Session } from './browser';
import { DEMO, startIntegraServer, type IntegraServer } from './server';

const LIMA = '150101';
const CELL = `[data-testid="heatmap-block"][data-source="engine"] [data-ubigeo="${LIMA}"][data-domain="1"]`;

let server: IntegraServer;
let session: Session;

beforeAll(async () => {
	server = await startIntegraServer();
	session = await openSession({ serviceWorkers: true });
});

afterAll(async () => {
	await session?.close();
	await server?.stop();
});

/** A script's call to the API: JSON, the session cookie, the server's own Origin on writes. */
async function call(method: string, path: string, cookie?: string, body?: unknown) {
	const headers: Record<string, string> = {};
	if (cookie) headers.cookie = cookie;
	if (method !== 'GET') headers.origin = server.url;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(server.url + path, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await res.text();
	const isJson = res.headers.get('content-type')?.includes('application/json');
	return { status: res.status, headers: res.headers, json: isJson ? JSON.parse(text) : null, text };
}

async function signIn(email: string): Promise<string> {
	const res = await call('POST', '/api/session', undefined, { email, password: DEMO.password });
	expect(res.status, res.text).toBe(200);
	return res.headers
		.getSetCookie()
		.find((c) => c.startsWith('integra_session='))!
		.split(';')[0];
}

/** The score DuckDB in this page computed for Lima × domain 1. */
async function engineScore(page: Page): Promise<string> {
	const cell = page.locator(CELL);
	await cell.waitFor({ timeout: 90_000 });
	return (await cell.getAttribute('data-score'))!;
}

interface TableFetch {
	/** the ETag the worker's request sent back (the HTTP cache revalidating), if any */
	ifNoneMatch: string | null;
	/** bytes of body that came over the network: 0 for a 304 */
	bodyBytes: number;
}

/**
 * Reloads and collects the worker's own requests for the server's tables, as
 * they went over the network. Chromium reports a revalidated response as the
 * cached 200, so a 304 shows as a request with If-None-Match and no body bytes.
 */
async function reloadWatchingTables(page: Page): Promise<Map<string, TableFetch>> {
	const pending: Promise<void>[] = [];
	const fetches = new Map<string, TableFetch>();
	const watch = (request: Request) => {
		const url = new URL(request.url());
		if (!url.pathname.startsWith('/prefetch/tables/') || !request.serviceWorker()) return;
		pending.push(
			(async () => {
				const headers = await request.allHeaders();
				const sizes = await request.sizes();
				fetches.set(url.pathname, {
					ifNoneMatch: headers['if-none-match'] ?? null,
					bodyBytes: sizes.responseBodySize
				});
			})()
		);
	};
	session.context.on('requestfinished', watch);
	await page.reload();
	await engineScore(page);
	session.context.off('requestfinished', watch);
	await Promise.all(pending);
	return fetches;
}

describe('server mode: a publication reaches a browser that has the service worker', () => {
	it('shows the published change on reload, and revalidates with 304s when nothing changed', async () => {
		const page = session.page;
		await page.goto(server.url + '/');
		expect(await engineScore(page)).toBe('100');
		// the worker installs once the engine is up, then controls the page
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 120_000
		});
		// a reload through the worker: it fetches (and keeps for offline use) this version's tables
		await reloadWatchingTables(page);
		expect(await engineScore(page)).toBe('100');

		// an official sends a new version of Lima's published round 2024, the UIM validates it, an admin publishes
		const official = await signIn(DEMO.official);
		const current = await call('GET', `/api/rounds/${LIMA}/2024`, official);
		expect(current.status).toBe(200);
		const answers = (
			current.json.answers as { indicator_id: string; answer: string; evidence: string | null }[]
		).map((a) => ({
			indicator_id: a.indicator_id,
			answer: a.indicator_id.startsWith('D1.') ? 'no_cumple' : a.answer,
			evidence: a.evidence,
			source_url: null
		}));
		expect(
			answers.filter((a) => a.answer === 'no_cumple' && a.indicator_id.startsWith('D1.'))
		).toHaveLength(12);
		const sent = await call('POST', `/api/rounds/${LIMA}/2024/versions`, official, {
			base_version: current.json.latest_version,
			answers
		});
		expect(sent.status, sent.text).toBe(201);
		const validated = await call(
			'POST',
			`/api/rounds/${LIMA}/2024/validate`,
			await signIn(DEMO.uim)
		);
		expect(validated.status, validated.text).toBe(200);
		const published = await call(
			'POST',
			`/api/rounds/${LIMA}/2024/publish`,
			await signIn(DEMO.admin)
		);
		expect(published.status, published.text).toBe(200);

		// an anonymous visitor (this browser never signed in) reloads: DuckDB here has the new data
		const fresh = await reloadWatchingTables(page);
		expect(await engineScore(page)).toBe('0');
		// the new publication's tables came from the server in full (the old ETag no longer matches)
		const assessments = fresh.get('/prefetch/tables/assessments.arrow')!;
		expect(assessments.ifNoneMatch).toMatch(/^"assessments-published-p1\./);
		expect(assessments.bodyBytes).toBeGreaterThan(10_000);

		// nothing published since: every table is revalidated with its ETag, and the server says 304
		const again = await reloadWatchingTables(page);
		expect(again.size).toBe(6);
		for (const [path, f] of again) {
			expect(f.ifNoneMatch, path).toMatch(/-published-p2\./);
			expect(f.bodyBytes, path).toBe(0);
		}
		expect(await engineScore(page)).toBe('0');
		// the same as the server answers a script
		const etag = again.get('/prefetch/tables/assessments.arrow')!.ifNoneMatch!;
		const revalidated = await fetch(`${server.url}/prefetch/tables/assessments.arrow`, {
			headers: { 'if-none-match': etag }
		});
		expect(revalidated.status).toBe(304);
		expect(revalidated.headers.get('etag')).toBe(etag);

		// the open-data downloads point to the published CSVs, which have the change too
		const link = page.locator('a[data-file="assessments.csv"]');
		expect(await link.getAttribute('href')).toBe('/api/published/assessments.csv');
		const csv = await call('GET', '/api/published/assessments.csv');
		expect(csv.text).toContain(`${LIMA},2024,D1.01,no_cumple,`);
		expect(session.errors).toEqual([]);
	}, 300_000);
});
