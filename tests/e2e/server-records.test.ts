/**
 * Action plans and activity logs travel to the server (issue 13 §3), in
 * Chromium against the Integra server (adapter-node, embedded PGlite in a
 * fresh data folder): a UIM assistant logs an activity on /actividades and
 * an official changes an action of the plan on /autoevaluacion/150101; both
 * are kept on the device, reach the server (read back through the GET
 * endpoints, attributed) and the published CSVs. A send that fails says so,
 * keeps the local copy, and goes once the server answers.
 *
 * SCREENSHOTS=dir writes the screens at laptop and phone sizes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './browser';
import { settled } from './actividades.helpers';
import { startIntegraServer, type IntegraServer } from './server';

const LIMA = '150101';
const SJL = '150132';
const SHOTS = process.env.SCREENSHOTS;

describe('action plans and activity logs on the server, in Chromium', () => {
	let server: IntegraServer;
	let session: Session;
	let page: Page;
	const url = (path: string) => `${server.url}${path}`;

	/** Signs the browser's context in (the cookie is the page's too). */
	async function signIn(who: string) {
		await session.context.request.delete(url('/api/session'), {
			headers: { origin: server.url }
		});
		const response = await session.context.request.post(url('/api/session'), {
			headers: { origin: server.url },
			data: { email: `${who}@integra.demo`, password: 'integra-demo' }
		});
		expect(response.status()).toBe(200);
	}

	/**
	 * A GET with the browser's session, as JSON. Sent again once if the kept-alive
	 * socket was closed by the server just as it went out (ECONNRESET, seen in CI):
	 * a browser retries an idempotent request then too; Playwright's client does not.
	 */
	async function getJson<T>(path: string): Promise<T> {
		const get = () => session.context.request.get(url(path));
		const response = await get().catch((error: unknown) => {
			if (/ECONNRESET|socket hang up/.test(String(error))) return get();
			throw error;
		});
		expect(response.status(), path).toBe(200);
		return (await response.json()) as T;
	}

	async function shoot(name: string, locator: string) {
		if (!SHOTS) return;
		mkdirSync(SHOTS, { recursive: true });
		for (const [size, viewport] of [
			['laptop', { width: 1280, height: 800 }],
			['phone', { width: 390, height: 844 }]
		] as const) {
			await page.setViewportSize(viewport);
			await page.locator(locator).scrollIntoViewIfNeeded();
			await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`) });
		}
		await page.setViewportSize({ width: 1280, height: 900 });
	}

	beforeAll(async () => {
		server = await startIntegraServer();
		session = await openSession();
		page = session.page;
	});

	afterAll(async () => {
		await session?.close();
		await server?.stop();
	});

	async function logActivity(date: string, total: string) {
		await page.fill('#log-date', date);
		await page.selectOption('#log-ubigeo', SJL);
		await page.selectOption('#log-type', 'capacitacion');
		await page.selectOption('#log-audience', 'gobierno_local');
		await page.selectOption('#log-topic', 'regularizacion');
		await page.selectOption('#log-modality', 'virtual');
		await page.fill('#log-participants_total', total);
		await page.locator('[data-testid="act-log-submit"]').click();
	}

	it('the UIM logs an activity: kept on the device, on the server under the assistant’s name, in the published file', async () => {
		await signIn('uim');
		await page.goto(url(`/actividades?distrito=${SJL}`));
		await settled(page, 90_000);
		expect(await page.getByTestId('act-log-where').textContent()).toContain(
			'luego en el servidor de Integra'
		);
		await page.locator('[data-testid="act-log-toggle"]').click();
		await logActivity('2025-05-10', '23');
		await page.waitForSelector('[data-testid="act-log-sync"][data-state="server"]');
		const status = await page.getByTestId('act-log-sync').textContent();
		const id = /REG-20250510-[A-Z0-9]{6}/.exec(status ?? '')![0];
		expect(status).toContain(`Actividad ${id}: guardada en el servidor.`);
		const row = page.locator(`[data-testid="act-logged"] tr[data-id="${id}"]`);
		expect(await row.getByTestId('act-where').textContent()).toBe('En el servidor');
		// a record of the UIM now: not removed from here
		expect(await row.getByRole('button').count()).toBe(0);

		const { activities } = await getJson<{
			activities: { activity_id: string; logged_by: string; participants_total: number }[];
		}>(`/api/activities?ubigeo=${SJL}`);
		expect(activities).toEqual([
			expect.objectContaining({
				activity_id: id,
				ubigeo: SJL,
				date: '2025-05-10',
				type: 'capacitacion',
				participants_total: 23,
				logged_by: 'uim@integra.demo'
			})
		]);
		const published = await (await fetch(url('/api/published/activities.csv'))).text();
		expect(published).toContain(
			`${id},2025-05-10,${SJL},capacitacion,gobierno_local,regularizacion,virtual,23,,,,`
		);
		await shoot('actividades-registro', '[data-testid="act-log"]');
	});

	it('a failed send says so and keeps the activity here; it goes on the next visit', async () => {
		await page.route('**/api/activities', (route) => route.abort('connectionrefused'));
		await logActivity('2025-05-11', '9');
		await page.waitForSelector('[data-testid="act-log-sync"][data-state="failed"]');
		const status = (await page.getByTestId('act-log-sync').textContent())!;
		const id = /REG-20250511-[A-Z0-9]{6}/.exec(status)![0];
		expect(status).toContain(`Actividad ${id}: no se pudo enviar: se guardó en este equipo.`);
		const row = page.locator(`[data-testid="act-logged"] tr[data-id="${id}"]`);
		expect(await row.getByTestId('act-where').textContent()).toBe('Solo en este equipo');
		expect(await page.getByTestId('act-log-pending').textContent()).toContain(': 1.');
		await shoot('actividades-sin-enviar', '[data-testid="act-log"]');
		const server1 = await getJson<{ activities: unknown[] }>(`/api/activities?ubigeo=${SJL}`);
		expect(server1.activities).toHaveLength(1);

		await page.unroute('**/api/activities');
		await page.reload();
		await settled(page, 90_000);
		await page
			.locator(`[data-testid="act-logged"] tr[data-id="${id}"] [data-on-server="true"]`)
			.waitFor();
		const server2 = await getJson<{ activities: { activity_id: string }[] }>(
			`/api/activities?ubigeo=${SJL}`
		);
		expect(server2.activities.map((a) => a.activity_id)).toContain(id);
		expect(await page.getByTestId('act-log-pending').count()).toBe(0);
	});

	it('an official changes an action: kept on the device, a new version on the server, in the published plan', async () => {
		await signIn('funcionario');
		await page.goto(url(`/autoevaluacion/${LIMA}`));
		const plan = page.getByTestId('action-plan');
		await plan.locator('[data-testid="actions"] tbody tr').first().waitFor({ timeout: 90_000 });
		expect(await plan.getByTestId('plan-sync').textContent()).toContain(
			'luego en el servidor de Integra'
		);
		// PA-150101-01 is an action of the reference data/actions.csv
		await plan.getByRole('button', { name: 'Editar PA-150101-01' }).click();
		const form = page.getByTestId('action-form');
		await form.getByLabel('Responsable').fill('Gerencia de Seguridad Ciudadana');
		await form.getByRole('button', { name: 'Guardar la acción' }).click();
		await page.waitForSelector('[data-testid="plan-sync-status"][data-state="server"]');
		expect(await plan.getByTestId('plan-sync-status').textContent()).toContain(
			'Acción PA-150101-01: guardada en el servidor (versión 1).'
		);
		expect(await plan.locator('tr[data-action="PA-150101-01"]').textContent()).toContain(
			'Gerencia de Seguridad Ciudadana'
		);

		const reference = Papa.parse<Record<string, string>>(readFileSync('data/actions.csv', 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data.find((r) => r.action_id === 'PA-150101-01')!;
		const { items } = await getJson<{
			items: { action_id: string; version: number; saved_by: string; responsible: string }[];
		}>(`/api/action-plans/${LIMA}`);
		expect(items).toEqual([
			expect.objectContaining({
				action_id: 'PA-150101-01',
				ubigeo: LIMA,
				description: reference.description,
				indicator_id: reference.indicator_id,
				status: reference.status,
				responsible: 'Gerencia de Seguridad Ciudadana',
				version: 1,
				saved_by: 'funcionario@integra.demo'
			})
		]);
		// the UIM sees it too
		await signIn('uim');
		const seen = await getJson<{ items: { action_id: string; responsible: string }[] }>(
			`/api/action-plans/${LIMA}`
		);
		expect(seen.items.map((i) => [i.action_id, i.responsible])).toEqual([
			['PA-150101-01', 'Gerencia de Seguridad Ciudadana']
		]);
		const published = await (await fetch(url('/api/published/actions.csv'))).text();
		expect(published).toContain(
			`PA-150101-01,${LIMA},${reference.indicator_id},${reference.description},Gerencia de Seguridad Ciudadana,`
		);
		await signIn('funcionario');
		await shoot('plan-guardado', '[data-testid="action-plan"]');
	});

	it('a failed send of an action says so, keeps it here, and goes with “Enviar al servidor”', async () => {
		const plan = page.getByTestId('action-plan');
		await page.route('**/api/action-plans/**', (route) =>
			route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.continue()
		);
		await plan.getByRole('button', { name: 'Marcar completada PA-150101-01' }).click();
		await page.waitForSelector('[data-testid="plan-sync-status"][data-state="failed"]');
		expect(await plan.getByTestId('plan-sync-status').textContent()).toContain(
			'Acción PA-150101-01: no se pudo enviar: se guardó en este equipo.'
		);
		const row = plan.locator('tr[data-action="PA-150101-01"]');
		expect(await row.getAttribute('data-status')).toBe('completada');
		expect(await row.getByTestId('not-sent').textContent()).toBe('sin enviar');
		await shoot('plan-sin-enviar', '[data-testid="action-plan"]');
		await shoot('plan-sin-enviar-fila', 'tr[data-action="PA-150101-01"]');
		expect(
			(await getJson<{ items: { status: string }[] }>(`/api/action-plans/${LIMA}`)).items[0].status
		).not.toBe('completada');

		await page.unroute('**/api/action-plans/**');
		await plan
			.getByTestId('plan-pending')
			.getByRole('button', { name: 'Enviar al servidor' })
			.click();
		await page.waitForSelector('[data-testid="plan-sync-status"][data-state="server"]');
		expect(await plan.getByTestId('plan-sync-status').textContent()).toContain(
			'Acción PA-150101-01: guardada en el servidor (versión 2).'
		);
		const { items } = await getJson<{
			items: { status: string; completed_on: string; history: { version: number }[] }[];
		}>(`/api/action-plans/${LIMA}`);
		expect(items[0].status).toBe('completada');
		expect(items[0].history.map((v) => v.version)).toEqual([1, 2]);
		expect(await row.getByTestId('not-sent').count()).toBe(0);
		expect(
			session.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))
		).toEqual([]);
	});

	it('a change someone made on the server since is shown beside this one; the official chooses', async () => {
		const plan = page.getByTestId('action-plan');
		// another device of the district saves version 3 behind this page's back
		const other = await session.context.request.put(
			url(`/api/action-plans/${LIMA}/items/PA-150101-01`),
			{
				headers: { origin: server.url },
				data: {
					base_version: 2,
					...(await getJson<{ items: Record<string, unknown>[] }>(`/api/action-plans/${LIMA}`))
						.items[0],
					version: undefined,
					saved_at: undefined,
					saved_by: undefined,
					history: undefined,
					responsible: 'Oficina de otra computadora'
				}
			}
		);
		expect(other.status()).toBe(201);
		await plan.getByRole('button', { name: 'Editar PA-150101-01' }).click();
		const form = page.getByTestId('action-form');
		await form.getByLabel('Descripción').fill('Directiva aprobada y difundida');
		await form.getByRole('button', { name: 'Guardar la acción' }).click();
		const conflict = plan.locator('[data-testid="plan-conflict"][data-action="PA-150101-01"]');
		await conflict.waitFor();
		expect(await conflict.textContent()).toContain(
			'Acción PA-150101-01: otra persona la cambió en el servidor (versión 3, funcionario@integra.demo'
		);
		expect(await conflict.textContent()).toContain('Oficina de otra computadora');
		// nothing overwritten on the server, the change kept here
		const before = await getJson<{ items: { version: number; description: string }[] }>(
			`/api/action-plans/${LIMA}`
		);
		expect(before.items[0].version).toBe(3);
		expect(await plan.locator('tr[data-action="PA-150101-01"]').textContent()).toContain(
			'Directiva aprobada y difundida'
		);
		await shoot('plan-conflicto', '[data-testid="plan-conflict"]');

		await conflict.getByRole('button', { name: 'Enviar la mía al servidor' }).click();
		await page.waitForSelector('[data-testid="plan-sync-status"][data-state="server"]');
		expect(await plan.getByTestId('plan-conflict').count()).toBe(0);
		const after = await getJson<{
			items: { version: number; description: string; responsible: string }[];
		}>(`/api/action-plans/${LIMA}`);
		expect(after.items[0]).toMatchObject({
			version: 4,
			description: 'Directiva aprobada y difundida',
			responsible: 'Gerencia de Seguridad Ciudadana'
		});
	});
});
