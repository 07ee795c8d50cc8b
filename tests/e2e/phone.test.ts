/**
 * A phone is a first-class screen (issue 18 §3): at 390 × 844 no page is wider
 * than the screen once its data are rendered, the header is one line with a menu
 * button that opens and closes the navigation, a wide table scrolls in its own box
 * with its first column in view, the profile's domain table is stacked rows, and
 * the activity log's form is one full-width field a row with 44 px targets.
 * The routes are read from src/routes, so screens added later are covered too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';
import { pageRoutes } from './routes';

const base = () => inject('baseUrl');
const PHONE = { width: 390, height: 844 };
/** San Juan de Lurigancho: assessed 2022–2024, with activities and an action plan. */
const UBIGEO = '150132';
/** A real value for each dynamic segment of a route. */
const SEGMENT: Record<string, string> = { '[ubigeo]': UBIGEO, '[round]': '2024' };

/**
 * What shows that a route's data are on screen (besides every `data-source` being
 * "engine", which the check waits for on any route): the widest content of a screen
 * (tables, charts) comes with its data, so measuring before it would prove nothing.
 */
const READY: Record<string, string> = {
	'/': '[data-testid="heatmap-block"][data-source="engine"]',
	'/actividades':
		'[data-testid="activities"][data-source="engine"] [data-testid="act-table"] tr[data-id]',
	[`/autoevaluacion/${UBIGEO}`]: '[data-testid="rounds"] tbody tr',
	[`/distritos/${UBIGEO}`]: '[data-testid="profile"][data-source="engine"]',
	'/explorar': '[data-testid="exp-compare-result"][data-source="engine"]',
	'/indicadores': '[data-testid="matrix"][data-source="engine"] [data-testid="matrix-open"]'
};
/** Screens without loaded data on the static site: forms, the server's screens (which say they need it), the engine's diagnostics. */
const WITHOUT_DATA = new Set([
	'/admin',
	'/datos',
	'/diagnostico',
	'/entrar',
	'/revision',
	`/revision/${UBIGEO}/2024`
]);

async function open(page: Page, route: string) {
	await page.goto(base() + route);
	await page.waitForLoadState('networkidle');
	if (READY[route]) await page.waitForSelector(READY[route], { timeout: 90_000 });
	await page.waitForFunction(
		() =>
			[...document.querySelectorAll('[data-source]')].every(
				(el) => el.getAttribute('data-source') === 'engine'
			),
		null,
		{ timeout: 60_000 }
	);
	// Views below the fold render when scrolled to (ViewBox): scroll the whole page once,
	// so they are measured too.
	for (
		let y = 0;
		y < (await page.evaluate(() => document.documentElement.scrollHeight));
		y += 700
	) {
		await page.evaluate((top) => window.scrollTo(0, top), y);
		await page.waitForTimeout(100);
	}
	await page.evaluate(() => window.scrollTo(0, 0));
	// a moment for what the last answer changes (charts lay out, tables fill)
	await page.waitForTimeout(500);
}

/** The page's width, and what sticks out past the screen's right edge (for the failure message). */
function measure(page: Page) {
	return page.evaluate((width) => {
		const out: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.right <= width + 0.5 || r.width === 0) continue;
			// inside a box that scrolls or clips it, it widens nothing
			let up = el.parentElement;
			while (up && !/auto|scroll|hidden|clip/.test(getComputedStyle(up).overflowX))
				up = up.parentElement;
			if (up && up !== document.documentElement && up !== document.body) continue;
			if ([...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) continue;
			const id = el.getAttribute('data-testid') ?? el.getAttribute('class') ?? '';
			out.push(`${el.tagName.toLowerCase()}[${id}] to ${Math.round(r.right)} px`);
		}
		return { scrollWidth: document.documentElement.scrollWidth, overflowing: out.slice(0, 5) };
	}, PHONE.width);
}

describe('a phone (390 × 844) is a first-class screen', () => {
	let session: Session;

	beforeAll(async () => {
		session = await openSession();
		await session.page.setViewportSize(PHONE);
	});

	afterAll(async () => {
		await session?.close();
	});

	const checked = pageRoutes((s) => SEGMENT[s] ?? s);

	it('knows every route, and what shows each one is rendered', () => {
		expect(checked).toEqual(expect.arrayContaining(['/', '/actividades', `/distritos/${UBIGEO}`]));
		// a new route must say here what shows its data (or that it has none)
		expect(checked.filter((r) => !READY[r] && !WITHOUT_DATA.has(r))).toEqual([]);
	});

	for (const route of checked) {
		it(`${route} is no wider than the screen`, async () => {
			await open(session.page, route);
			const { scrollWidth, overflowing } = await measure(session.page);
			expect(scrollWidth, overflowing.join('; ')).toBeLessThanOrEqual(PHONE.width);
		}, 120_000);
	}

	it('shows the header as one line and a menu button that opens and closes the navigation', async () => {
		const { page } = session;
		await open(page, `/distritos/${UBIGEO}`);
		const header = page.locator('header.site-header');
		const button = page.getByRole('button', { name: 'Menú' });
		const nav = page.getByRole('navigation', { name: 'Navegación principal' });
		const links = nav.getByRole('link');
		expect(await button.count()).toBe(1);
		// one line: the name and the button, nothing below them
		const name = await header.locator('.name').boundingBox();
		const box = await button.boundingBox();
		const head = await header.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);
		expect(head!.height).toBeLessThanOrEqual(box!.height + 24);
		expect(Math.abs(name!.y + name!.height / 2 - (box!.y + box!.height / 2))).toBeLessThan(8);
		await expect.poll(() => nav.isVisible()).toBe(false);
		expect(await button.getAttribute('aria-expanded')).toBe('false');

		// the keyboard opens it, each link is a thumb's target, Escape closes it and gives the focus back
		await button.focus();
		await page.keyboard.press('Enter');
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		await expect.poll(() => links.first().isVisible()).toBe(true);
		for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox())))
			expect(box!.height).toBeGreaterThanOrEqual(44);
		expect((await measure(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Escape');
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
		await expect.poll(() => nav.isVisible()).toBe(false);

		// a tap opens it, and following a link closes it on the next page
		await button.click();
		await links.filter({ hasText: 'Actividades' }).click();
		await page.waitForURL(/\/actividades/);
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		await expect.poll(() => nav.isVisible()).toBe(false);
	}, 120_000);

	it('shows the whole navigation in the header of a laptop, with no menu button', async () => {
		const { page } = session;
		await page.setViewportSize({ width: 1366, height: 900 });
		try {
			await page.goto(base() + '/datos');
			const nav = page.getByRole('navigation', { name: 'Navegación principal' });
			await expect.poll(() => nav.getByRole('link').first().isVisible()).toBe(true);
			expect(await page.getByRole('button', { name: 'Menú' }).isVisible()).toBe(false);
			const head = await page.locator('header.site-header').boundingBox();
			expect(head!.height).toBeLessThan(80);
		} finally {
			await page.setViewportSize(PHONE);
		}
	}, 60_000);

	it('scrolls the activity table in its own box, its first column kept in view', async () => {
		const { page } = session;
		await open(page, '/actividades');
		const box = page.locator('[data-testid="act-table"] [role="region"]');
		const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
		expect(sizes.scroll).toBeGreaterThan(sizes.client); // it is wider than the phone
		await box.evaluate((el) => el.scrollTo({ left: 300 }));
		await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(250);
		const seen = await box.evaluate((el) => {
			el.scrollIntoView({ block: 'center' }); // elementFromPoint sees only the viewport
			const outer = el.getBoundingClientRect();
			const cell = el.querySelector('tbody tr td')!;
			const r = cell.getBoundingClientRect();
			const atPoint = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
			return { left: r.left - outer.left, covers: cell.contains(atPoint) };
		});
		expect(seen.left).toBeLessThan(2);
		expect(seen.covers).toBe(true);
		expect((await measure(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
	}, 120_000);

	it("stacks the profile's domain table: one block a domain, each value named", async () => {
		const { page } = session;
		await open(page, `/distritos/${UBIGEO}`);
		const table = page.getByTestId('domain-table');
		const layout = await table.evaluate((t) => ({
			fits: t.getBoundingClientRect().right <= window.innerWidth,
			rows: [...t.querySelectorAll('tbody tr')].map((tr) => getComputedStyle(tr).display),
			label: getComputedStyle(t.querySelector('tbody td')!, '::before').content
		}));
		expect(layout.fits).toBe(true);
		expect(layout.rows).toEqual(Array(6).fill('block'));
		expect(layout.label).toBe('"Puntaje: "');
	}, 120_000);

	it('fits the activity log form to one thumb: full-width fields and 44 px targets', async () => {
		const { page } = session;
		await open(page, '/actividades');
		const toggle = page.getByTestId('act-log-toggle');
		expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		await toggle.click();
		const form = page.locator('#act-log-form');
		await form.waitFor();
		const fields = await form.evaluate((f) => {
			const width = f.getBoundingClientRect().width;
			return [...f.querySelectorAll('input, select, button[type="submit"]')].map((el) => {
				const r = el.getBoundingClientRect();
				return { id: el.id || el.tagName, height: r.height >= 44, full: r.width >= width - 2 };
			});
		});
		expect(fields.length).toBeGreaterThan(5);
		for (const f of fields) expect(f).toEqual({ id: f.id, height: true, full: true });
		expect((await measure(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
	}, 120_000);
});
