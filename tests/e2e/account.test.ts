/**
 * The account screens of server mode (issue 13 §2–3), in Chromium against
 * the built Integra server (fresh embedded store, demo accounts): sign-in
 * (wrong, then right), /admin (add an official of 150132, reset a password,
 * publish a validated round), the official signing in, the staff's view
 * switch and its banner (and an official refused by the endpoint), and
 * sign-out ending the session on the server.
 *
 * SCREENSHOTS=dir writes each screen at laptop (1280×800) and phone (375×740) sizes.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';
import { DEMO, startIntegraServer, type IntegraServer } from './server';

const SHOTS = process.env.SCREENSHOTS;
/** The page answers while DuckDB starts in the background (two cores shared with other builds). */
const SLOW = { timeout: 20_000 };
const ROSA = {
	email: 'rosa@sjl.demo',
	name: 'Rosa Quispe',
	first: 'clave-inicial-2025',
	second: 'clave-nueva-2025'
};

let server: IntegraServer;
let session: Session;
let page: Page;

beforeAll(async () => {
	server = await startIntegraServer();
	session = await openSession();
	page = session.page;
	if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
	await session?.close();
	await server?.stop();
});

/** A request from the page itself: its cookies, and the Origin a browser sends. */
async function fromPage(method: string, path: string, body?: unknown) {
	return page.evaluate(
		async ([method, path, body]) => {
			const res = await fetch(path as string, {
				method: method as string,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
			const text = await res.text();
			return { status: res.status, json: text ? JSON.parse(text) : null };
		},
		[method, path, body] as const
	);
}

/** A request from Node with a session cookie (to prepare a validated round). */
async function asUser(email: string, password: string) {
	const res = await fetch(`${server.url}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: server.url },
		body: JSON.stringify({ email, password })
	});
	expect(res.status).toBe(200);
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
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
		return { status: r.status, json: await r.json().catch(() => null) };
	};
}

async function shoot(name: string, full = false) {
	if (!SHOTS) return;
	const size = page.viewportSize();
	for (const [w, h, tag] of [
		[1280, 800, 'laptop'],
		[375, 740, 'phone']
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.waitForTimeout(150);
		await page.screenshot({ path: `${SHOTS}/${name}-${tag}.png`, fullPage: full });
	}
	if (size) await page.setViewportSize(size);
}

async function signIn(email: string, password: string, next = '/') {
	await page.goto(`${server.url}/entrar?next=${encodeURIComponent(next)}`);
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Entrar' }).click();
	await page.waitForURL((u) => u.pathname === next);
}

async function openMenu() {
	const menu = page.getByTestId('account-menu');
	if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
	return menu;
}

async function signOut() {
	const menu = await openMenu();
	await menu.getByRole('button', { name: 'Salir' }).click();
	await page.waitForURL((u) => u.pathname === '/');
	await page.getByRole('link', { name: 'Iniciar sesión' }).waitFor();
	// the session ended on the server, not only in this tab
	expect((await fromPage('GET', '/api/session')).json).toEqual({ user: null, view: 'published' });
}

describe('accounts in the browser', () => {
	it('sends a visitor of /admin to sign in, refuses a wrong password, then signs the admin in', async () => {
		await page.goto(`${server.url}/admin`);
		await page.waitForURL((u) => u.pathname === '/entrar');
		expect(new URL(page.url()).searchParams.get('next')).toBe('/admin');
		await page.getByRole('button', { name: 'Entrar' }).waitFor();
		await shoot('entrar');

		await page.getByLabel('Correo electrónico').fill(DEMO.admin);
		await page.getByLabel('Contraseña').fill('not the password');
		await page.getByRole('button', { name: 'Entrar' }).click();
		const alert = page.getByRole('alert');
		await expect.poll(() => alert.textContent(), SLOW).toBe('Correo o contraseña incorrectos.');
		expect(new URL(page.url()).pathname).toBe('/entrar');
		// the wrong password is cleared; the e-mail stays
		expect(await page.getByLabel('Contraseña').inputValue()).toBe('');
		await shoot('entrar-wrong');
		expect(await axeViolations(page)).toEqual([]);

		await page.getByLabel('Contraseña').fill(DEMO.password);
		await page.getByRole('button', { name: 'Entrar' }).click();
		await page.waitForURL((u) => u.pathname === '/admin');
		await page.getByRole('heading', { level: 1, name: 'Administración' }).waitFor();
		const summary = page.getByTestId('account-menu').locator('summary');
		expect((await summary.textContent())!.replace(/\s+/g, ' ').trim()).toBe(
			'Administración (demo) Administración'
		);
		// the demo's four accounts
		expect(await page.getByTestId('accounts').locator('tbody tr').count()).toBe(4);
	});

	it('keeps ?next= to this site: another site’s address leads to the observatory', async () => {
		await fromPage('DELETE', '/api/session');
		await page.goto(`${server.url}/entrar?next=${encodeURIComponent('//evil.example/x')}`);
		await page.getByLabel('Correo electrónico').fill(DEMO.admin);
		await page.getByLabel('Contraseña').fill(DEMO.password);
		await page.getByRole('button', { name: 'Entrar' }).click();
		await page.waitForURL((u) => u.pathname === '/');
		expect(new URL(page.url()).host).toBe(new URL(server.url).host);
	});

	it('adds an official of 150132 in /admin, refusing an unknown district first', async () => {
		await page.goto(`${server.url}/admin`);
		const form = page.getByTestId('add-account');
		await form.getByLabel('Correo').fill(ROSA.email);
		await form.getByLabel('Nombre').fill(ROSA.name);
		await form.getByLabel('Rol').selectOption('official');
		await form.getByLabel(/^Distritos/).fill('159999');
		await form.getByText('159999: distrito desconocido').waitFor();
		await form.getByLabel(/^Contraseña inicial/).fill(ROSA.first);
		await form.getByRole('button', { name: 'Crear la cuenta' }).click();
		const status = form.getByRole('status');
		await expect
			.poll(() => status.textContent(), SLOW)
			.toContain('«159999» no es un distrito conocido');

		await form.getByLabel(/^Distritos/).fill('150132');
		await form.getByText('150132: San Juan de Lurigancho').waitFor();
		await form.getByRole('button', { name: 'Crear la cuenta' }).click();
		await expect
			.poll(() => status.textContent(), SLOW)
			.toContain('Cuenta creada: rosa@sjl.demo (Funcionario municipal).');
		const row = page.getByTestId('accounts').locator('tr', { hasText: ROSA.email });
		expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
			'Rosa Quispe Funcionario municipal 150132 San Juan de Lurigancho'
		);
		// the API's answer names the account, never its password
		const added = await fromPage('POST', '/api/users', {
			email: 'luis@sjl.demo',
			role: 'analyst',
			password: 'clave-de-luis-2025'
		});
		expect(added.status).toBe(201);
		expect(JSON.stringify(added.json)).not.toContain('clave-de-luis-2025');
		expect(added.json.user).toMatchObject({ email: 'luis@sjl.demo', role: 'analyst', ubigeos: [] });
		// the form is empty again, the password not kept on the page
		expect(await form.getByLabel(/^Contraseña inicial/).inputValue()).toBe('');
	});

	it('resets the new official’s password', async () => {
		const form = page.getByTestId('reset-password');
		await form.getByLabel('Cuenta').selectOption({ label: ROSA.email });
		await form.getByLabel(/^Nueva contraseña/).fill(ROSA.second);
		await form.getByRole('button', { name: 'Cambiar la contraseña' }).click();
		await expect
			.poll(() => form.getByRole('status').textContent(), SLOW)
			.toBe(`Nueva contraseña para ${ROSA.email}; sus sesiones abiertas se cerraron.`);
		await shoot('admin', true);
		// never in the server's log
		const logs = server.logs.join('\n');
		expect(logs).not.toContain(ROSA.first);
		expect(logs).not.toContain(ROSA.second);
		expect(logs).not.toContain('clave-de-luis-2025');
	});

	it('publishes a round the UIM validated', async () => {
		// the official of Lima sends 2024 again (same answers), the UIM validates it
		const official = await asUser(DEMO.official, DEMO.password);
		const round = await official('GET', '/api/rounds/150101/2024');
		expect(round.status).toBe(200);
		const sent = await official('POST', '/api/rounds/150101/2024/versions', {
			base_version: round.json.latest_version,
			answers: round.json.answers
		});
		expect(sent.status).toBe(201);
		const uim = await asUser(DEMO.uim, DEMO.password);
		expect((await uim('POST', '/api/rounds/150101/2024/validate')).status).toBe(200);

		await page.goto(`${server.url}/admin`);
		const table = page.getByTestId('validated');
		expect((await table.locator('tbody tr').innerText()).replace(/\s+/g, ' ')).toContain(
			'150101 Lima 2024 2'
		);
		await shoot('admin-validated', true);
		await table.getByRole('button', { name: 'Publicar 150101 2024' }).click();
		await expect
			.poll(() => page.getByTestId('publish-result').textContent(), SLOW)
			.toContain('Publicación n.º 2: 150101 Lima 2024 (v2).');
		await page.getByTestId('no-validated').waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('lets the admin download the audit log', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: /registro de auditoría/ }).click()
		]);
		expect(download.suggestedFilename()).toBe('integra-audit.csv');
	});

	it('signs out: the session ends on the server', async () => {
		await page.goto(`${server.url}/`);
		await openMenu();
		await shoot('header-admin');
		await signOut();
		await shoot('header-anonymous');
	});

	it('signs the official in with the new password; no view switch for an official', async () => {
		await page.goto(`${server.url}/entrar`);
		await page.getByLabel('Correo electrónico').fill(ROSA.email);
		await page.getByLabel('Contraseña').fill(ROSA.first);
		await page.getByRole('button', { name: 'Entrar' }).click();
		await expect
			.poll(() => page.getByRole('alert').textContent(), SLOW)
			.toBe('Correo o contraseña incorrectos.');

		await signIn(ROSA.email, ROSA.second);
		const menu = await openMenu();
		expect((await menu.locator('summary').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
			'Rosa Quispe Funcionario municipal'
		);
		expect(await menu.getByRole('checkbox').count()).toBe(0);
		expect(await menu.getByRole('link', { name: 'Revisión' }).count()).toBe(0);
		expect(await menu.getByRole('link', { name: 'Administración' }).count()).toBe(0);
		await shoot('header-official');
		const refused = await fromPage('POST', '/api/view', { view: 'in-progress' });
		expect(refused.status).toBe(403);
		// nor are the accounts: the server says no, whatever the page shows
		expect((await fromPage('GET', '/api/users')).status).toBe(403);
		const rosa = await fromPage('POST', '/api/users', {
			email: 'x@sjl.demo',
			role: 'admin',
			password: 'una clave larga'
		});
		expect(rosa.status).toBe(403);
		expect(
			(await fromPage('POST', '/api/users/1/password', { password: 'otra clave larga' })).status
		).toBe(403);
		// and /admin is not theirs
		const res = await page.goto(`${server.url}/admin`);
		expect(res!.status()).toBe(403);
		await page.goto(`${server.url}/`);
		await signOut();
	});

	it('lets a UIM assistant see work in progress, with a banner on every page, and go back', async () => {
		await signIn(DEMO.uim, DEMO.password);
		expect(await page.getByTestId('view-banner').count()).toBe(0);
		const menu = await openMenu();
		expect(await menu.getByRole('link', { name: 'Revisión' }).count()).toBe(1);
		expect(await menu.getByRole('link', { name: 'Administración' }).count()).toBe(0);
		// the switch reloads the page: its data, and the browser's, are the other view's
		await Promise.all([
			page.waitForEvent('load'),
			menu.getByRole('checkbox', { name: 'Incluir rondas validadas y enviadas' }).check()
		]);
		const banner = page.getByTestId('view-banner');
		await banner.waitFor();
		expect(await banner.textContent()).toContain(
			'Está viendo trabajo en curso: rondas enviadas y validadas, aún no publicadas'
		);
		await shoot('banner');
		// the banner and the open menu on a page of this work (/entrar, signed in)
		await page.goto(`${server.url}/entrar`);
		await banner.waitFor();
		await openMenu();
		expect(await axeViolations(page)).toEqual([]);
		await page.goto(`${server.url}/actividades`);
		await banner.waitFor();
		expect(
			await (await openMenu()).getByRole('checkbox', { name: /Incluir rondas/ }).isChecked()
		).toBe(true);
		await page.keyboard.press('Escape');

		await Promise.all([
			page.waitForEvent('load'),
			banner.getByRole('button', { name: 'Volver a los datos publicados' }).click()
		]);
		await page.getByRole('heading', { level: 1 }).first().waitFor();
		expect(await page.getByTestId('view-banner').count()).toBe(0);

		// an unknown view is refused; the endpoint decides, whatever the page shows
		expect((await fromPage('POST', '/api/view', { view: 'everything' })).status).toBe(400);
		await signOut();
		expect((await fromPage('POST', '/api/view', { view: 'in-progress' })).status).toBe(401);
		expect((await fromPage('GET', '/api/users')).status).toBe(401);
	});

	it('has no console errors', () => {
		// a 400, 401 and 403 asked on purpose show as failed loads in the console
		expect(session.errors.filter((e) => !/status of 40[013]/.test(e))).toEqual([]);
	});
});

describe('accounts on the static site', () => {
	it('has no account area, and /entrar and /admin say accounts need the Integra server', async () => {
		const base = inject('baseUrl');
		await page.goto(`${base}/`);
		await page.getByRole('heading', { level: 1 }).first().waitFor();
		expect(await page.getByRole('link', { name: 'Iniciar sesión' }).count()).toBe(0);
		expect(await page.getByTestId('account-menu').count()).toBe(0);
		await page.goto(`${base}/entrar`);
		expect(await page.getByTestId('static-notice').textContent()).toContain(
			'se necesita el servidor de Integra'
		);
		expect(await page.getByLabel('Contraseña').count()).toBe(0);
		await shoot('entrar-static');
		await page.goto(`${base}/admin`);
		expect(await page.locator('main').textContent()).toContain(
			'La administración de cuentas y publicaciones necesita el servidor de Integra'
		);
	});
});
