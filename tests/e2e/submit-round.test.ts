/**
 * An official sends a round to the UIM (issue 13 §3 and §5), in Chromium
 * against the Integra server (build/, embedded PGlite in a fresh data
 * folder): the official of 150101 fills a new round on
 * /autoevaluacion/150101 and presses "Enviar a la UIM". A send that fails
 * (network, 503) keeps the draft and says so; the retry stores version 1.
 * A UIM assistant returns it with a comment (through the API), the official
 * sees the comment beside its indicator, fixes it and sends version 2; the
 * district profile shows the round's history, to staff with who and when,
 * and to the public once published.
 *
 * SCREENSHOTS=dir writes the screens at 1280×800 and 375×740.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser';
import { DEMO, startIntegraServer, type IntegraServer } from './server';

const LIMA = '150101';
const ROUND = '2026-S2';
const SHOTS = process.env.SCREENSHOTS;

/** What the official types in the first three questions; the rest is «No aplica». */
const TYPED = {
	first: {
		answer: 'cumple',
		label: 'Cumple',
		evidence: 'Ordenanza N.° 245-2026-MML',
		url: 'https://www.munlima.gob.pe/ordenanza-245'
	},
	second: { answer: 'parcial', label: 'Parcial', evidence: 'Acta de sesión de concejo N.° 12' },
	third: { answer: 'no_cumple', label: 'No cumple' }
};
const COMMENT = 'Falta adjuntar el acta firmada; el enlace del acta no abre.';
const FIXED_EVIDENCE = 'Acta firmada de la sesión N.° 12, 3 de junio de 2026';

interface ServerRoundBody {
	state: string;
	latest_version: number;
	published_version: number | null;
	submitted_by: string | null;
	answers: {
		indicator_id: string;
		answer: string;
		evidence: string | null;
		source_url: string | null;
	}[];
	history: { version: number; action: string; by: string | null }[];
}

describe('an official sends a round to the UIM, in Chromium', () => {
	let server: IntegraServer;
	let session: Session;
	let page: Page;
	let ids: string[] = [];
	const url = (path: string) => `${server.url}${path}`;
	const roundPage = () => url(`/autoevaluacion/${LIMA}?ronda=${ROUND}`);
	const question = (id: string) => page.locator(`article[data-indicator="${id}"]`);

	/** An API client signed in as someone else (its own cookie jar). */
	async function staff(email: string): Promise<APIRequestContext> {
		const api = await request.newContext({
			baseURL: server.url,
			extraHTTPHeaders: { origin: server.url }
		});
		const res = await api.post('/api/session', { data: { email, password: DEMO.password } });
		expect(res.status()).toBe(200);
		return api;
	}

	async function serverRound(api: APIRequestContext): Promise<ServerRoundBody> {
		const res = await api.get(`/api/rounds/${LIMA}/${ROUND}`);
		expect(res.status()).toBe(200);
		return (await res.json()) as ServerRoundBody;
	}

	async function waitSaved() {
		await page.locator('[data-testid="save-status"]', { hasText: /^Guardado$/ }).waitFor();
	}

	async function shoot(name: string, locator: string) {
		if (!SHOTS) return;
		mkdirSync(SHOTS, { recursive: true });
		for (const [size, viewport] of [
			['1280', { width: 1280, height: 800 }],
			['375', { width: 375, height: 740 }]
		] as const) {
			await page.setViewportSize(viewport);
			await page.locator(locator).first().scrollIntoViewIfNeeded();
			await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`) });
		}
		await page.setViewportSize({ width: 1280, height: 900 });
	}

	beforeAll(async () => {
		server = await startIntegraServer();
		session = await openSession();
		page = session.page;
		// the official signs in: the context's cookie is the page's
		const res = await session.context.request.post(url('/api/session'), {
			headers: { origin: server.url },
			data: { email: DEMO.official, password: DEMO.password }
		});
		expect(res.status()).toBe(200);
	}, 180_000);

	afterAll(async () => {
		await session?.close();
		await server?.stop();
	});

	it('fills a new round; a failed send keeps the draft and says so; the retry stores version 1', async () => {
		await page.goto(url(`/autoevaluacion/${LIMA}`));
		await page.waitForSelector('[data-testid="rounds"]', { timeout: 90_000 });
		await page.getByLabel('Nombre de la ronda').fill(ROUND);
		await page.getByLabel('Vacía').check();
		await page.getByRole('button', { name: 'Empezar la ronda' }).click();
		await page.waitForURL((u) => u.searchParams.get('ronda') === ROUND);
		await page.waitForSelector('[data-testid="live-scores"] tbody tr', { timeout: 90_000 });
		await page.locator('[data-testid="server-status"][data-state="none"]').waitFor();
		expect(await page.getByTestId('server-status').textContent()).toContain(
			'Esta ronda aún no se ha enviado a la UIM.'
		);

		ids = await page
			.locator('article[data-indicator]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('data-indicator')!));
		expect(ids.length).toBeGreaterThan(10);
		const [a, b, c, ...rest] = ids;
		await question(a).getByRole('radio', { name: TYPED.first.label, exact: true }).check();
		await question(a)
			.getByLabel(/^Evidencia/)
			.fill(TYPED.first.evidence);
		await question(a).getByLabel('Enlace a la fuente').fill(TYPED.first.url);
		await question(b).getByRole('radio', { name: TYPED.second.label, exact: true }).check();
		await question(b)
			.getByLabel(/^Evidencia/)
			.fill(TYPED.second.evidence);
		await question(c).getByRole('radio', { name: TYPED.third.label, exact: true }).check();
		for (const id of rest)
			await question(id).getByRole('radio', { name: 'No aplica', exact: true }).check();
		await waitSaved();

		// the network fails: nothing reaches the server, the draft is kept, the page says so
		await page.route('**/api/rounds/*/*/versions', (route) => route.abort('connectionrefused'));
		const send = page.getByTestId('send-button');
		expect(await send.textContent()).toBe('Enviar a la UIM');
		await send.click();
		await page.locator('[data-testid="finish"][data-send="unreachable"]').waitFor();
		const failed = (await page.getByTestId('send-result').locator('p').textContent())!;
		expect(failed.trim()).toBe(
			'No se pudo enviar: no hay conexión con el servidor de Integra. Su borrador sigue guardado en este equipo.'
		);
		// one way to try again: the retry replaces the send button
		expect(await page.getByTestId('send-button').count()).toBe(0);
		await shoot('finish-failed', '[data-testid="finish"]');

		// the server's store stopped: a 503, said the same way
		await page.unroute('**/api/rounds/*/*/versions');
		await page.route('**/api/rounds/*/*/versions', (route) =>
			route.fulfill({
				status: 503,
				contentType: 'application/json',
				body: JSON.stringify({
					error: { code: 'unavailable', message: 'La base de datos no responde' }
				})
			})
		);
		await page.getByTestId('retry-send').click();
		await page
			.locator('[data-testid="send-result"]', { hasText: 'La base de datos no responde' })
			.waitFor();
		expect(await page.getByTestId('send-result').textContent()).toContain(
			'No se pudo enviar: La base de datos no responde. Su borrador sigue guardado en este equipo.'
		);
		const anon = await request.newContext({ baseURL: server.url });
		expect((await anon.get(`/api/rounds/${LIMA}/${ROUND}`)).status()).toBe(404);
		const uimApi = await staff(DEMO.uim);
		expect((await uimApi.get(`/api/rounds/${LIMA}/${ROUND}`)).status()).toBe(404);

		// later: the draft is still on this device after a reload, and the retry goes
		await page.unroute('**/api/rounds/*/*/versions');
		await page.goto(roundPage());
		await page.waitForSelector('[data-testid="live-scores"] tbody tr', { timeout: 90_000 });
		expect(
			await question(a)
				.getByLabel(/^Evidencia/)
				.inputValue()
		).toBe(TYPED.first.evidence);
		expect(
			await question(b).getByRole('radio', { name: TYPED.second.label, exact: true }).isChecked()
		).toBe(true);
		await page.getByTestId('send-button').click();
		await page.locator('[data-testid="finish"][data-send="sent"]').waitFor();
		expect(await page.getByTestId('send-result').textContent()).toMatch(
			/^\s*Versión 1 enviada a la UIM el .+ — en revisión\./
		);
		await page.locator('[data-testid="server-state"]', { hasText: 'Enviada' }).waitFor();
		expect(await page.getByTestId('server-event').textContent()).toMatch(
			/^Versión 1 enviada por funcionario@integra\.demo el /
		);
		expect(await page.getByTestId('round-status').textContent()).toBe('Enviada');
		// at the UIM now: nothing to type
		expect(await question(a).getByRole('radio').first().isDisabled()).toBe(true);
		await shoot('finish-sent', '[data-testid="finish"]');
		await shoot('status-sent', '[data-testid="server-status"]');

		const stored = await serverRound(uimApi);
		expect(stored.state).toBe('submitted');
		expect(stored.latest_version).toBe(1);
		expect(stored.submitted_by).toBe(DEMO.official);
		const byId = new Map(stored.answers.map((x) => [x.indicator_id, x]));
		expect(stored.answers).toHaveLength(ids.length);
		expect(byId.get(a)).toEqual({
			indicator_id: a,
			answer: TYPED.first.answer,
			evidence: TYPED.first.evidence,
			source_url: TYPED.first.url
		});
		expect(byId.get(b)).toEqual({
			indicator_id: b,
			answer: TYPED.second.answer,
			evidence: TYPED.second.evidence,
			source_url: null
		});
		expect(byId.get(c)?.answer).toBe(TYPED.third.answer);
		expect(rest.every((id) => byId.get(id)?.answer === 'no_aplica')).toBe(true);

		// still "Enviada v1" on the next visit (read from the server, recorded in the draft)
		await page.reload();
		await page.locator('[data-testid="server-state"]', { hasText: 'Enviada' }).waitFor();
		expect(await page.getByTestId('send-state').textContent()).toMatch(
			/Versión 1 enviada a la UIM el .+ — en revisión\./
		);
		await anon.dispose();
		await uimApi.dispose();
	}, 240_000);

	it('returned with a comment: the comment is beside its indicator; the fix goes as version 2', async () => {
		const [a, b] = ids;
		const uimApi = await staff(DEMO.uim);
		const returned = await uimApi.post(`/api/rounds/${LIMA}/${ROUND}/return`, {
			data: { comments: [{ indicator_id: b, text: COMMENT }] }
		});
		expect(returned.status()).toBe(200);

		await page.goto(roundPage());
		await page.waitForSelector('[data-testid="live-scores"] tbody tr', { timeout: 90_000 });
		await page
			.locator('[data-testid="server-state"]', { hasText: 'Devuelta con comentarios' })
			.waitFor();
		expect(await page.getByTestId('server-event').textContent()).toMatch(
			/^Versión 1 devuelta con comentarios por uim@integra\.demo el /
		);
		const summary = (await page.getByTestId('comment-summary').textContent())!;
		expect(summary).toContain('Comentarios de la UIM (1)');
		expect(summary).toContain(`${b} — ${COMMENT}`);
		const beside = question(b).getByTestId('uim-comment');
		expect(await beside.textContent()).toContain(COMMENT);
		expect(await beside.textContent()).toContain('uim@integra.demo');
		expect(await question(a).getByTestId('uim-comment').count()).toBe(0);
		await shoot('returned-comment', `article[data-indicator="${b}"]`);
		await shoot('status-returned', '[data-testid="server-status"]');
		await shoot('finish-returned', '[data-testid="finish"]');

		// on another computer (no draft there): the round is listed from the server, and its
		// page goes on from the returned version, comment included
		const other = await openSession();
		try {
			const res = await other.context.request.post(url('/api/session'), {
				headers: { origin: server.url },
				data: { email: DEMO.official, password: DEMO.password }
			});
			expect(res.status()).toBe(200);
			await other.page.goto(url(`/autoevaluacion/${LIMA}`));
			const listed = other.page.locator(`[data-testid="server-rounds"] li[data-round="${ROUND}"]`);
			await listed.waitFor({ timeout: 90_000 });
			expect(await listed.locator('.badge').textContent()).toBe('Devuelta con comentarios');
			await listed.getByRole('link').click();
			const go = other.page.getByRole('button', { name: 'Continuar desde la versión 1' });
			await go.waitFor({ timeout: 90_000 });
			await go.click();
			await other.page.waitForSelector('[data-testid="live-scores"] tbody tr', { timeout: 90_000 });
			const there = (id: string) => other.page.locator(`article[data-indicator="${id}"]`);
			expect(
				await there(a)
					.getByLabel(/^Evidencia/)
					.inputValue()
			).toBe(TYPED.first.evidence);
			expect(await there(a).getByLabel('Enlace a la fuente').inputValue()).toBe(TYPED.first.url);
			expect(
				await there(b).getByRole('radio', { name: TYPED.second.label, exact: true }).isChecked()
			).toBe(true);
			expect(await there(b).getByTestId('uim-comment').textContent()).toContain(COMMENT);
			expect(await other.page.getByTestId('send-button').textContent()).toBe(
				'Enviar la versión corregida a la UIM'
			);
		} finally {
			await other.close();
		}

		// the form is open again: the official fixes the indicator and sends again
		await question(b).getByRole('radio', { name: 'Cumple', exact: true }).check();
		await question(b)
			.getByLabel(/^Evidencia/)
			.fill(FIXED_EVIDENCE);
		await waitSaved();
		const send = page.getByTestId('send-button');
		expect(await send.textContent()).toBe('Enviar la versión corregida a la UIM');
		await send.click();
		await page.locator('[data-testid="finish"][data-send="sent"]').waitFor();
		expect(await page.getByTestId('send-result').textContent()).toMatch(
			/^\s*Versión 2 enviada a la UIM el .+ — en revisión\./
		);
		await page.locator('[data-testid="server-state"]', { hasText: 'Enviada' }).waitFor();
		expect(await page.getByTestId('uim-comment').count()).toBe(0);

		const stored = await serverRound(uimApi);
		expect(stored.latest_version).toBe(2);
		expect(stored.answers.find((x) => x.indicator_id === b)).toEqual({
			indicator_id: b,
			answer: 'cumple',
			evidence: FIXED_EVIDENCE,
			source_url: null
		});
		expect(stored.history.map((e) => [e.version, e.action, e.by])).toEqual([
			[1, 'submitted', DEMO.official],
			[1, 'returned', DEMO.uim],
			[2, 'submitted', DEMO.official]
		]);
		await uimApi.dispose();
	}, 180_000);

	it('the district profile shows the history: every step to the official, the publication to the public', async () => {
		await page.goto(url(`/distritos/${LIMA}`));
		const item = page.locator(`[data-testid="round-history"] li[data-round="${ROUND}"]`);
		await item.waitFor({ timeout: 90_000 });
		expect(await item.locator('.badge').textContent()).toBe('Enviada');
		expect(await item.locator('.published').textContent()).toContain('Aún sin publicar');
		const events = await item.locator('ol.events li').allTextContents();
		expect(events).toHaveLength(3);
		expect(events[0]).toMatch(/^Versión 1 enviada por funcionario@integra\.demo el /);
		expect(events[1]).toMatch(/^Versión 1 devuelta con comentarios por uim@integra\.demo el /);
		expect(events[2]).toMatch(/^Versión 2 enviada por funcionario@integra\.demo el /);
		await shoot('profile-history-official', '[data-testid="round-history"]');

		// validated and published: the public sees the published version and when, not who
		const uimApi = await staff(DEMO.uim);
		expect(
			(await uimApi.post(`/api/rounds/${LIMA}/${ROUND}/validate`, { data: {} })).status()
		).toBe(200);
		const adminApi = await staff(DEMO.admin);
		expect(
			(await adminApi.post(`/api/rounds/${LIMA}/${ROUND}/publish`, { data: {} })).status()
		).toBe(200);
		await session.context.request.delete(url('/api/session'), {
			headers: { origin: server.url }
		});
		await page.goto(url(`/distritos/${LIMA}`));
		await item.waitFor({ timeout: 90_000 });
		expect(await item.locator('.badge').textContent()).toBe('Publicada');
		expect(await item.locator('.published').textContent()).toMatch(
			/^\s*Versión publicada: 2, el .+/
		);
		expect(await item.textContent()).not.toContain('@integra.demo');
		expect(await item.textContent()).not.toContain('devuelta');
		await shoot('profile-history-public', '[data-testid="round-history"]');

		// signed out on the form: sending needs signing in
		await page.goto(roundPage());
		await page.waitForSelector('[data-testid="live-scores"] tbody tr', { timeout: 90_000 });
		const note = page.getByTestId('sign-in-to-send');
		expect(await note.textContent()).toContain(
			'Para enviar esta ronda a la UIM hace falta iniciar sesión'
		);
		expect(await note.getByRole('link').getAttribute('href')).toBe(
			`/entrar?next=${encodeURIComponent(`/autoevaluacion/${LIMA}?ronda=${ROUND}`)}`
		);
		expect(await page.getByTestId('send-button').count()).toBe(0);
		await shoot('finish-anonymous', '[data-testid="finish"]');
		await uimApi.dispose();
		await adminApi.dispose();
	}, 180_000);
});
