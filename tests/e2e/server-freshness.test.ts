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
import type { Page, Response } from 'playwright-core';
import { openSession, type Session } from './browser';
import { DEMO, startIntegraServer, type IntegraServer } from './server';

const LIMA = '150101';
const CELL = `[data-testid="heatmap-block"][data-source="engine"] [data-ubigeo="${LIMA}"][data-domain="1"]`;

let server: IntegraServer;
let session: Session;

beforeAll(async () => {
	server = await startIntegraServer();
	session = await openSession({ serviceWorkers: true });
}, 180_000);

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
	return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null, text };
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

/** Reloads and collects the statuses of the server's tables as the network answered them. */
async function reloadWatchingTables(page: Page): Promise<Map<string, number>> {
	const statuses = new Map<string, number>();
	const watch = (response: Response) => {
		const url = new URL(response.url());
		// the worker's own fetch (what the network said), not its answer to the page
		if (url.pathname.startsWith('/prefetch/tables/') && !response.fromServiceWorker())
			statuses.set(url.pathname, response.status());
	};
	session.context.on('response', watch);
	await page.reload();
	await engineScore(page);
	session.context.off('response', watch);
	return statuses;
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
		// the new publication's tables came from the server in full
		expect(fresh.get('/prefetch/tables/assessments.arrow')).toBe(200);

		// nothing published since: the tables are revalidated, and the server says 304
		const again = await reloadWatchingTables(page);
		expect(again.get('/prefetch/tables/assessments.arrow')).toBe(304);
		expect([...again.values()].every((s) => s === 304)).toBe(true);
		expect(await engineScore(page)).toBe('0');

		// the open-data downloads point to the published CSVs, which have the change too
		const link = page.locator('a[data-file="assessments.csv"]');
		expect(await link.getAttribute('href')).toBe('/api/published/assessments.csv');
		const csv = await call('GET', '/api/published/assessments.csv');
		expect(csv.text).toContain(`${LIMA},2024,D1.01,no_cumple,`);
		expect(session.errors).toEqual([]);
	}, 300_000);
});
