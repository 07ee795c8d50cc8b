/**
 * The UIM's review screens (issue 13 §3), in Chromium against the built
 * Integra server (fresh embedded store, demo accounts):
 * - the official of Lima (150101) submits round 2025 through the API: the
 *   68 policy indicators with the answers Lima published for 2024, except
 *   D1.01 (cumple → parcial) and D1.02 (cumple → no_cumple);
 * - the UIM assistant finds it first in /revision, opens it beside 2024
 *   (two answers marked as changed), cannot return it without a comment,
 *   returns it with one on D1.02 → «Devuelta», the comment in the history;
 * - the official sends version 2; the assistant validates it → «Validada»;
 * - a newer version arriving, or a colleague's decision, while the assistant
 *   reviews is said and shown, and nothing is decided on what was not seen;
 * - the analyst reads without buttons; an official gets 403; anonymous
 *   visitors are sent to /entrar?next=/revision.
 *
 * SCREENSHOTS=dir writes /revision and a round at 1280×800 and 375×740.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';
import {
	LIMA,
	COMMENT,
	LINK,
	POLICY,
	LIMA_2024,
	answers2025,
	VERSION_1,
	VERSION_2
} from './review.data';
import { DEMO, startIntegraServer, type IntegraServer } from './server';

const SHOTS = process.env.SCREENSHOTS;

let server: IntegraServer;
const sessions: Session[] = [];

/** A cookie jar of the API (outside the browser), signed in as `email`. */
async function apiAs(email: string) {
	const res = await fetch(`${server.url}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: server.url },
		body: JSON.stringify({ email, password: DEMO.password })
	});
	expect(res.status, `sign-in of ${email}`).toBe(200);
	const cookie = res.headers
		.getSetCookie()
		.find((c) => c.startsWith('integra_session='))!
		.split(';')[0];
	return async (method: string, path: string, body?: unknown) => {
		const r = await fetch(server.url + path, {
			method,
			headers: {
				cookie,
				origin: server.url,
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		return { status: r.status, json: (await r.json()) as Record<string, unknown> };
	};
}

/** A Chromium page whose context is signed in as `email` (through the API, as /entrar would). */
async function browserAs(email: string): Promise<{ session: Session; page: Page }> {
	const session = await openSession();
	sessions.push(session);
	const res = await session.context.request.post(`${server.url}/api/session`, {
		headers: { origin: server.url },
		data: { email, password: DEMO.password }
	});
	expect(res.status()).toBe(200);
	return { session, page: session.page };
}

async function shoot(page: Page, name: string, scrollTo?: string) {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	for (const [size, viewport] of [
		['1280', { width: 1280, height: 800 }],
		['375', { width: 375, height: 740 }]
	] as const) {
		await page.setViewportSize(viewport);
		if (scrollTo) await page.locator(scrollTo).first().scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`) });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

const indicator = (page: Page, id: string) =>
	page.locator(`[data-testid=indicator][data-indicator="${id}"]`);

beforeAll(async () => {
	server = await startIntegraServer();
});

afterAll(async () => {
	for (const s of sessions) await s.close();
	await server?.stop();
});

describe('reviewing a round', () => {
	let official: Awaited<ReturnType<typeof apiAs>>;
	let page: Page;

	it('the data this test relies on: 68 policy indicators; D1.01 and D1.02 were «cumple» in 2024', () => {
		expect(POLICY.length).toBe(68);
		expect(LIMA_2024.size).toBe(68);
		expect(LIMA_2024.get('D1.01')!.answer).toBe('cumple');
		expect(LIMA_2024.get('D1.02')!.answer).toBe('cumple');
	});

	it('the official submits round 2025, then 2025-S2 (which has waited less)', async () => {
		official = await apiAs(DEMO.official);
		const first = await official('POST', `/api/rounds/${LIMA}/2025/versions`, {
			base_version: null,
			answers: answers2025(VERSION_1)
		});
		expect(first.status, JSON.stringify(first.json)).toBe(201);
		expect(first.json.version).toBe(1);
		const second = await official('POST', `/api/rounds/${LIMA}/2025-S2/versions`, {
			base_version: null,
			answers: answers2025({})
		});
		expect(second.status, JSON.stringify(second.json)).toBe(201);
	});

	it('the queue lists both submitted rounds, the oldest first, with who sent it', async () => {
		({ page } = await browserAs(DEMO.uim));
		const res = await page.goto(`${server.url}/revision`);
		expect(res!.status()).toBe(200);
		// the demo's published rounds are not work to do: only these two
		const rows = page.getByTestId('review-row');
		await expect.poll(() => rows.count()).toBe(2);
		await expect.poll(() => page.getByTestId('review-count').textContent()).toBe('2 rondas');
		const first = rows.first();
		expect(await first.getAttribute('data-ubigeo')).toBe(LIMA);
		expect(await first.getAttribute('data-round')).toBe('2025');
		const cells = await first.locator('th, td').allInnerTexts();
		expect(cells[0]).toContain('Lima');
		expect(cells[0]).toContain(LIMA);
		expect(cells.slice(1, 4)).toEqual(['2025', 'Enviada', '1']);
		expect(cells[4]).toContain('Funcionaria de Lima (demo)');
		expect(cells[4]).toContain(DEMO.official);
		// relative time and the date, once the page is hydrated (the server renders UTC)
		await expect.poll(() => first.locator('td').last().innerText()).toMatch(/^(hace|ahora)/);
		expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(await rows.nth(1).getAttribute('data-round')).toBe('2025-S2');
		expect(await axeViolations(page)).toEqual([]);
		await shoot(page, 'revision');

		// the filters: returned rounds only → none yet
		await page.getByLabel('Estado').selectOption('returned');
		await page.getByRole('button', { name: 'Filtrar' }).click();
		await page.waitForURL(/estado=returned/);
		await expect.poll(() => page.getByText('No hay rondas con estos filtros.').count()).toBe(1);
		await page.goto(`${server.url}/revision?estado=todas&distrito=${LIMA}`);
		// Lima's three published demo rounds (2022–2024) and the two submitted
		await expect.poll(() => page.getByTestId('review-row').count()).toBe(5);
	});

	it('opens round 2025 beside 2024, the changed answers marked', async () => {
		await page.goto(`${server.url}/revision`);
		await page.getByRole('link', { name: 'Revisar Lima, ronda 2025', exact: true }).click();
		await page.waitForURL(`${server.url}/revision/${LIMA}/2025`);
		const root = page.getByTestId('review-round');
		await expect.poll(() => root.getAttribute('data-state')).toBe('submitted');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
			'Lima (150101), ronda 2025'
		);
		expect(await page.getByTestId('previous-round').getAttribute('data-round')).toBe('2024');
		expect(await page.getByTestId('changed-count').textContent()).toContain(
			'2 respuestas cambiaron desde la ronda 2024.'
		);
		expect(await page.getByTestId('indicator').count()).toBe(68);
		const changed = page.locator('[data-testid=indicator][data-change=changed]');
		expect(
			await changed.evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')))
		).toEqual(['D1.01', 'D1.02']);
		const d101 = indicator(page, 'D1.01');
		expect(await d101.getByTestId('answer-current').getAttribute('data-answer')).toBe('parcial');
		expect(await d101.getByTestId('answer-previous').getAttribute('data-answer')).toBe('cumple');
		expect(await d101.getByTestId('answer-current').innerText()).toContain('Parcial');
		expect(await d101.getByTestId('answer-current').innerText()).toContain('Directiva en revisión');
		expect(await d101.getByTestId('answer-previous').innerText()).toContain('Cumple');
		expect(await d101.getByTestId('changed').textContent()).toBe('Cambió');
		// the link sent, clickable, opening apart from Integra
		const link = d101.getByTestId('answer-current').locator('a');
		expect(await link.getAttribute('href')).toBe(LINK);
		expect(await link.getAttribute('rel')).toContain('noopener noreferrer');
		// the indicator's name comes from the framework, under its MGI domain
		expect(await d101.locator('h3').textContent()).toContain(
			'¿La municipalidad acepta el carné de extranjería'
		);
		expect(
			await page
				.getByRole('heading', { name: 'Dominio 1: Derechos de las personas migrantes' })
				.count()
		).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		await shoot(page, 'round');
		await shoot(page, 'round-d101', '[data-indicator="D1.01"] textarea');
	});

	it('will not return the round without a comment, then returns it with one', async () => {
		await page.getByRole('button', { name: 'Devolver con comentarios' }).click();
		const message = page.getByTestId('review-message');
		await expect
			.poll(() => message.textContent())
			.toContain('Para devolver la ronda, escriba al menos un comentario en un indicador.');
		expect((await official('GET', `/api/rounds/${LIMA}/2025`)).json.state).toBe('submitted');

		await page.getByLabel('Comentario sobre D1.02 para el distrito').fill(COMMENT);
		expect(await page.getByText('Comentarios escritos: 1.').count()).toBe(1);
		await page.getByRole('button', { name: 'Devolver con comentarios' }).click();
		await expect.poll(() => message.textContent()).toContain('Ronda devuelta con 1 comentario(s).');
		const root = page.getByTestId('review-round');
		await expect.poll(() => root.getAttribute('data-state')).toBe('returned');
		expect(await page.getByTestId('state').first().textContent()).toBe('Devuelta');
		// no more buttons: nothing to decide until a new version
		expect(await page.getByRole('button', { name: 'Validar' }).count()).toBe(0);
		// the comment under its indicator, and in the history
		const comment = indicator(page, 'D1.02').getByTestId('comment');
		expect(await comment.innerText()).toContain(COMMENT);
		expect(await comment.innerText()).toContain(`versión 1 · ${DEMO.uim}`);
		const history = page.getByTestId('history-entry');
		expect(
			await history.evaluateAll((els) =>
				els.map((e) => [e.getAttribute('data-action'), e.getAttribute('data-version')])
			)
		).toEqual([
			['submitted', '1'],
			['returned', '1']
		]);
		expect(await history.nth(1).innerText()).toContain(`Versión 1 devuelta por ${DEMO.uim}`);
		expect(await history.nth(1).innerText()).toContain('1 comentario(s)');
		// what the server stored, as the official reads it
		const round = (await official('GET', `/api/rounds/${LIMA}/2025`)).json;
		expect(round.state).toBe('returned');
		expect(round.comments).toMatchObject([
			{ version: 1, indicator_id: 'D1.02', text: COMMENT, by: DEMO.uim }
		]);
	});

	it('validates version 2 once the official sends it', async () => {
		const v2 = await official('POST', `/api/rounds/${LIMA}/2025/versions`, {
			base_version: 1,
			answers: answers2025(VERSION_2)
		});
		expect(v2.status, JSON.stringify(v2.json)).toBe(201);
		expect(v2.json.version).toBe(2);

		await page.reload();
		const root = page.getByTestId('review-round');
		await expect.poll(() => root.getAttribute('data-state')).toBe('submitted');
		expect(await root.getAttribute('data-version')).toBe('2');
		expect(
			await indicator(page, 'D1.02').getByTestId('answer-current').getAttribute('data-answer')
		).toBe('parcial');
		// version 1's comment stays under its indicator
		expect(await indicator(page, 'D1.02').getByTestId('comment').innerText()).toContain(COMMENT);

		await page.getByRole('button', { name: 'Validar' }).click();
		await expect
			.poll(() => page.getByTestId('review-message').textContent())
			.toContain('Ronda validada.');
		await expect.poll(() => root.getAttribute('data-state')).toBe('validated');
		expect(await page.getByTestId('state').first().textContent()).toBe('Validada');
		expect(
			await page
				.getByTestId('history-entry')
				.evaluateAll((els) =>
					els.map((e) => [e.getAttribute('data-action'), e.getAttribute('data-version')])
				)
		).toEqual([
			['submitted', '1'],
			['returned', '1'],
			['submitted', '2'],
			['validated', '2']
		]);
		const round = (await official('GET', `/api/rounds/${LIMA}/2025`)).json;
		expect([round.state, round.version]).toEqual(['validated', 2]);
		await shoot(page, 'round-validated', '[data-indicator="D1.02"]');
		await shoot(page, 'round-history', '[data-testid=history]');
	});

	it('says so when a newer version arrives, or a colleague decided, while the assistant reviews', async () => {
		await page.goto(`${server.url}/revision/${LIMA}/2025-S2`);
		const root = page.getByTestId('review-round');
		await expect.poll(() => root.getAttribute('data-version')).toBe('1');
		const v2 = await official('POST', `/api/rounds/${LIMA}/2025-S2/versions`, {
			base_version: 1,
			answers: answers2025({ 'D1.03': { answer: 'parcial' } })
		});
		expect(v2.status).toBe(201);
		await page.getByRole('button', { name: 'Validar' }).click();
		await expect
			.poll(() => page.getByTestId('review-message').textContent())
			.toContain('Llegó la versión 2 mientras revisaba.');
		await expect.poll(() => root.getAttribute('data-version')).toBe('2');
		// nothing was decided on a version nobody looked at
		expect((await official('GET', `/api/rounds/${LIMA}/2025-S2`)).json.state).toBe('submitted');

		// a colleague returns it (through the API) while this page still offers the buttons
		const colleague = await apiAs(DEMO.uim);
		const returned = await colleague('POST', `/api/rounds/${LIMA}/2025-S2/return`, {
			comments: [{ indicator_id: 'D1.03', text: '¿Por qué bajó a parcial?' }]
		});
		expect(returned.status).toBe(200);
		await page.getByLabel('Comentario sobre D1.01 para el distrito').fill('Conforme.');
		await page.getByRole('button', { name: 'Validar' }).click();
		await expect
			.poll(() => page.getByTestId('review-message').textContent())
			.toContain('Otra persona ya decidió: la ronda está «Devuelta».');
		await expect.poll(() => root.getAttribute('data-state')).toBe('returned');
		// the colleague's comment is there now; this page's decision was not sent
		expect(await indicator(page, 'D1.03').getByTestId('comment').innerText()).toContain(
			'¿Por qué bajó a parcial?'
		);
		const round = (await official('GET', `/api/rounds/${LIMA}/2025-S2`)).json;
		expect(round.state).toBe('returned');
		expect((round.comments as unknown[]).length).toBe(1);
	});
});

describe('who may see the review screens', () => {
	it('the analyst reads the round, with no buttons', async () => {
		const { page } = await browserAs(DEMO.analyst);
		const res = await page.goto(`${server.url}/revision/${LIMA}/2025`);
		expect(res!.status()).toBe(200);
		await expect
			.poll(() => page.getByTestId('review-round').getAttribute('data-state'))
			.toBe('validated');
		expect(await page.getByTestId('read-only').count()).toBe(1);
		expect(
			await page
				.getByRole('button')
				.filter({ hasText: /Validar|Devolver/ })
				.count()
		).toBe(0);
		expect(await page.locator('textarea').count()).toBe(0);
		expect(await page.getByTestId('history-entry').count()).toBe(4);
		// in English: the framework's English text, the domain's English name
		await page.getByRole('button', { name: 'English' }).click();
		await expect
			.poll(() => page.getByTestId('read-only').textContent())
			.toBe(
				'Read-only view: only the UIM technical assistance team can return or validate rounds.'
			);
		expect(await page.getByRole('heading', { name: "Domain 1: Migrants' rights" }).count()).toBe(1);
		expect(await indicator(page, 'D1.02').locator('h3').textContent()).toContain(
			'Can migrant families enrol in the Vaso de Leche'
		);
		expect(await indicator(page, 'D1.02').getByTestId('answer-current').innerText()).toContain(
			'Partly met'
		);
		await shoot(page, 'round-analyst-en', '[data-indicator="D1.02"]');
		await page.getByRole('button', { name: 'Español' }).click();
		await page.goto(`${server.url}/revision`);
		await expect.poll(() => page.getByTestId('review-row').count()).toBe(2);
	});

	it('an official gets 403', async () => {
		const { page } = await browserAs(DEMO.official);
		const res = await page.goto(`${server.url}/revision`);
		expect(res!.status()).toBe(403);
		expect(await page.getByTestId('error-page').getAttribute('data-status')).toBe('403');
		const round = await page.goto(`${server.url}/revision/${LIMA}/2025`);
		expect(round!.status()).toBe(403);
	});

	it('an anonymous visitor is sent to sign in, and back here after', async () => {
		const res = await fetch(`${server.url}/revision?estado=submitted`, { redirect: 'manual' });
		expect(res.status).toBe(303);
		const to = new URL(res.headers.get('location')!, server.url);
		expect(to.pathname).toBe('/entrar');
		expect(to.searchParams.get('next')).toBe('/revision?estado=submitted');
		const plain = await fetch(`${server.url}/revision`, { redirect: 'manual' });
		expect(plain.headers.get('location')).toBe('/entrar?next=%2Frevision');
	});
});
