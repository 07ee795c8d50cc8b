/**
 * The self-assessment in real Chromium: autosave that survives reloads and a
 * killed browser, a second tab that cannot overwrite newer answers, storage
 * failures that are shown, the CSV round trip, the keyboard-only workshop,
 * completion reaching the dashboards, the action plan, print and axe.
 *
 * The browser's clock is fixed (Playwright's clock) and its time zone is
 * America/Lima (browser.ts), so "today", round suggestions and overdue
 * actions never depend on when the tests run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { CHROMIUM_ARGS } from './browser';

const base = () => inject('baseUrl');
/** Each test starts DuckDB in one or more fresh browsers; the workshop answers every indicator. */
const SLOW = 180_000;
/** Polls long enough for a fresh engine to start (the default is one second). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
const LIMA = '150101';
/** Noon in Lima: the same calendar day in every time zone the runner could have. */
const NOW = new Date('2025-06-15T12:00:00-05:00');
const FORM = (round: string, view = '') =>
	`${base()}/autoevaluacion/${LIMA}?ronda=${round}${view ? `&vista=${view}` : ''}`;

// ---------------------------------------------------------------------------
// The framework and demo data, read in Node to know what the page must show.

type CsvRow = Record<string, string>;
const readCsv = (file: string) =>
	Papa.parse<CsvRow>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

const POLICY = readCsv('data/framework.csv').filter((r) => r.kind === 'policy');
const collator = new Intl.Collator('en', { numeric: true });
POLICY.sort(
	(a, b) => Number(a.domain) - Number(b.domain) || collator.compare(a.indicator_id, b.indicator_id)
);
const DOMAINS = [...new Set(POLICY.map((r) => Number(r.domain)))];

/** Score of one domain by DESIGN.md §5, worked out here independently of the app's SQL. */
function expectedScore(domain: number, answers: Record<string, string>): number | null {
	const value: Record<string, number> = { cumple: 1, parcial: 0.5, no_cumple: 0 };
	let weighted = 0;
	let weights = 0;
	for (const r of POLICY.filter((p) => Number(p.domain) === domain)) {
		const v = value[answers[r.indicator_id]];
		if (v === undefined) continue;
		weighted += Number(r.weight || 1) * v;
		weights += Number(r.weight || 1);
	}
	return weights ? (100 * weighted) / weights : null;
}

// ---------------------------------------------------------------------------
// Browsers with a profile directory we control (to kill and reopen it).

interface Browser {
	profile: string;
	context: BrowserContext;
	page: Page;
	errors: string[];
}

const open: Browser[] = [];

async function launch(profile = mkdtempSync(join(tmpdir(), 'integra-assess-'))): Promise<Browser> {
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		headless: true,
		locale: 'es-PE',
		timezoneId: 'America/Lima',
		viewport: { width: 1280, height: 900 },
		acceptDownloads: true
	});
	await context.clock.setFixedTime(NOW);
	const page = context.pages()[0] ?? (await context.newPage());
	const browser: Browser = { profile, context, page, errors: [] };
	watch(browser, page);
	open.push(browser);
	return browser;
}

function watch(browser: Browser, page: Page) {
	page.on('console', (msg) => {
		if (msg.type() === 'error') browser.errors.push(msg.text());
	});
	page.on('pageerror', (error) => browser.errors.push(error.message));
}

async function newTab(browser: Browser): Promise<Page> {
	const page = await browser.context.newPage();
	watch(browser, page);
	return page;
}

afterEach(async () => {
	for (const b of open.splice(0)) {
		await b.context.close().catch(() => {});
		rmSync(b.profile, { recursive: true, force: true });
	}
});

/** Every process of the Chromium that runs with this profile (the browser and its children). */
function chromiumPids(profile: string): number[] {
	return readdirSync('/proc')
		.filter((d) => /^\d+$/.test(d))
		.filter((pid) => {
			try {
				return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile);
			} catch {
				return false;
			}
		})
		.map(Number);
}

/** SIGKILL, as a crash or a power cut: no unload, no pagehide. The profile stays. */
async function kill(browser: Browser): Promise<void> {
	const closed = new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
	const pids = chromiumPids(browser.profile);
	expect(pids.length).toBeGreaterThan(0);
	for (const pid of pids) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone with its parent
		}
	}
	await closed;
	open.splice(open.indexOf(browser), 1);
}

// ---------------------------------------------------------------------------
// Page helpers

const question = (page: Page, id: string) => page.locator(`article[data-indicator="${id}"]`);
const radio = (page: Page, id: string, label: string) =>
	question(page, id).getByRole('radio', { name: label, exact: true });
const evidence = (page: Page, id: string) => question(page, id).getByLabel(/^Evidencia/);

async function waitForm(page: Page) {
	await page.waitForSelector('[data-testid="live-scores"] tbody tr', { timeout: 90_000 });
}

/** Starts a new round from the district's rounds page and waits for its form. */
async function startRound(page: Page, round: string, prefill: 'Vacía' | 'latest' = 'Vacía') {
	await page.goto(`${base()}/autoevaluacion/${LIMA}`);
	await page.waitForSelector('[data-testid="rounds"]', { timeout: 90_000 });
	await page.getByLabel('Nombre de la ronda').fill(round);
	if (prefill === 'Vacía') await page.getByLabel('Vacía').check();
	await page.getByRole('button', { name: 'Empezar la ronda' }).click();
	await page.waitForURL((url) => url.searchParams.get('ronda') === round);
	await waitForm(page);
}

async function waitSaved(page: Page) {
	await page.locator('[data-testid="save-status"]', { hasText: /^Guardado$/ }).waitFor();
}

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
	const [file] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFileSync((await file.path())!);
}

const parseExport = (bytes: Buffer) => {
	const text = bytes.toString('utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	return Papa.parse<CsvRow>(text.slice(1), { header: true, skipEmptyLines: true }).data;
};

/** The live score cell of each domain, as the page holds it (unrounded). */
async function liveScores(root: Locator): Promise<Record<number, number | null>> {
	const rows = await root
		.locator('tbody tr[data-domain]')
		.evaluateAll((trs) =>
			trs.map((tr) => [Number(tr.getAttribute('data-domain')), tr.getAttribute('data-score')])
		);
	return Object.fromEntries(rows.map(([d, s]) => [d, s === '' ? null : Number(s)]));
}

// ---------------------------------------------------------------------------

describe('self-assessment (/autoevaluacion/[ubigeo]) in Chromium', () => {
	it('opens the new-round form once the district\u2019s rounds are known, with defaults that hold', async () => {
		const { page } = await launch();
		await page.goto(`${base()}/autoevaluacion/${LIMA}`);
		const submit = page.getByRole('button', { name: 'Empezar la ronda' });
		await submit.waitFor();
		await expect.poll(() => submit.isEnabled(), { timeout: 60_000 }).toBe(true);
		// enabled means known: the default is already the latest round's answers (2024 in the
		// demo data), so a choice of "Vacía" made now is not undone by a late answer
		const latest = page.locator('input[name="prefill"][value="latest"]');
		expect(await latest.isChecked()).toBe(true);
		expect(await page.getByText('Con las respuestas y evidencias de la ronda 2024').count()).toBe(
			1
		);
		expect(await page.getByLabel('Vacía').isEnabled()).toBe(true);
	});

	it(
		'builds the form from the loaded framework, with keyboard radio groups, evidence, http(s)-only links and guidance',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');

			// every policy indicator, in framework order, grouped by domain and subarea
			const ids = await page
				.locator('article.indicator')
				.evaluateAll((as) => as.map((a) => a.getAttribute('data-indicator')));
			expect(ids).toEqual(POLICY.map((r) => r.indicator_id));
			for (const d of DOMAINS) {
				const section = page.locator(`#domain-${d}`);
				const subareas = [
					...new Set(POLICY.filter((r) => Number(r.domain) === d).map((r) => r.subarea))
				];
				expect(await section.locator('h4.subarea').allTextContents()).toEqual(subareas);
				const count = POLICY.filter((r) => Number(r.domain) === d).length;
				expect(await page.getByTestId(`domain-progress-${d}`).textContent()).toBe(
					`0 de ${count} respondidos`
				);
			}

			// a real radio group of five answers, named by the question, used from the keyboard
			const first = POLICY[0];
			const group = page.getByRole('group', { name: new RegExp(`^${first.indicator_id} `) });
			expect(await group.getByRole('radio').count()).toBe(5);
			await radio(page, first.indicator_id, 'Cumple').focus();
			await page.keyboard.press('Space');
			expect(await radio(page, first.indicator_id, 'Cumple').isChecked()).toBe(true);
			await page.keyboard.press('ArrowRight');
			expect(await radio(page, first.indicator_id, 'Parcial').isChecked()).toBe(true);
			await poll(() => page.getByTestId(`domain-progress-${first.domain}`).textContent()).toMatch(
				/^1 de /
			);

			// the source link accepts http(s) only
			const url = question(page, first.indicator_id).getByLabel('Enlace a la fuente');
			await url.fill('javascript:alert(1)');
			await url.blur();
			expect(await url.getAttribute('aria-invalid')).toBe('true');
			await question(page, first.indicator_id)
				.getByText('Use un enlace que empiece por http:// o https://.')
				.waitFor();
			await url.fill('https://www.gob.pe/munilima');
			expect(await url.getAttribute('aria-invalid')).toBe('false');
			expect(
				await question(page, first.indicator_id)
					.getByRole('link', { name: 'Abrir el enlace' })
					.getAttribute('href')
			).toBe('https://www.gob.pe/munilima');

			// the guidance is behind a disclosure
			const guidance = question(page, first.indicator_id).locator('details.guidance');
			expect(await guidance.locator('p').isVisible()).toBe(false);
			await guidance.locator('summary').click();
			expect(await guidance.locator('p').textContent()).toBe(first.guidance_es);

			expect(await axeViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'computes the live scores with the dashboards’ SQL as the official answers',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			const domain1 = POLICY.filter((r) => r.domain === '1');
			const answers: Record<string, string> = {};
			const labels: Record<string, string> = {
				cumple: 'Cumple',
				parcial: 'Parcial',
				no_cumple: 'No cumple',
				no_aplica: 'No aplica'
			};
			domain1.forEach((r, i) => {
				answers[r.indicator_id] = (['cumple', 'parcial', 'no_cumple', 'no_aplica'] as const)[i % 4];
			});
			for (const [id, answer] of Object.entries(answers))
				await radio(page, id, labels[answer]).check();
			const panel = page.getByTestId('live-scores');
			const expected = expectedScore(1, answers)!;
			// answered of applicable first: a last "no aplica" changes it, not the score
			const applicable =
				domain1.length - Object.values(answers).filter((a) => a === 'no_aplica').length;
			await poll(() => panel.locator('tr[data-domain="1"] td').nth(1).textContent()).toBe(
				`${applicable}/${applicable}`
			);
			expect((await liveScores(panel))[1]).toBeCloseTo(expected, 9);
			expect(await panel.locator('tr[data-domain="1"] td').first().textContent()).toContain(
				String(Math.round(expected))
			);
			// one answer changes: the score follows
			answers[domain1[0].indicator_id] = 'no_cumple';
			await radio(page, domain1[0].indicator_id, 'No cumple').check();
			await poll(async () => (await liveScores(panel))[1]).toBeCloseTo(
				expectedScore(1, answers)!,
				9
			);
			// no overall score until every domain has one
			expect(await panel.getByTestId('overall').getAttribute('data-score')).toBe('');
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'keeps answers across a reload, and a change made just before leaving (pagehide)',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			const [a, b] = POLICY;
			await radio(page, a.indicator_id, 'Parcial').check();
			await evidence(page, a.indicator_id).fill('Acta de sesión de concejo N.° 12');
			await waitSaved(page);
			expect(await page.locator('[data-testid="save-bar"] .when').textContent()).toContain('ahora');
			await page.reload();
			await waitForm(page);
			expect(await radio(page, a.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await evidence(page, a.indicator_id).inputValue()).toBe(
				'Acta de sesión de concejo N.° 12'
			);

			// typed and gone at once, before the autosave delay
			await radio(page, b.indicator_id, 'No aplica').check();
			await evidence(page, b.indicator_id).fill('No hay CIAM en el distrito');
			await page.reload();
			await waitForm(page);
			expect(await radio(page, b.indicator_id, 'No aplica').isChecked()).toBe(true);
			expect(await evidence(page, b.indicator_id).inputValue()).toBe('No hay CIAM en el distrito');
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'keeps answers when the browser is killed, and finds them in the same profile',
		async () => {
			const first = await launch();
			await startRound(first.page, '2025');
			const [a] = POLICY;
			await radio(first.page, a.indicator_id, 'Cumple').check();
			await evidence(first.page, a.indicator_id).fill('Ordenanza N.° 245-2023-MDL');
			await waitSaved(first.page);
			expect(first.errors).toEqual([]);

			await kill(first);

			const again = await launch(first.profile);
			await again.page.goto(FORM('2025'));
			await waitForm(again.page);
			expect(await radio(again.page, a.indicator_id, 'Cumple').isChecked()).toBe(true);
			expect(await evidence(again.page, a.indicator_id).inputValue()).toBe(
				'Ordenanza N.° 245-2023-MDL'
			);
			expect(again.errors).toEqual([]);
		},
		SLOW
	);

	it(
		'saves while the official keeps typing: a browser killed mid-typing keeps all but the last second',
		async () => {
			const first = await launch();
			await startRound(first.page, '2025');
			const [a] = POLICY;
			await radio(first.page, a.indicator_id, 'Cumple').check();
			await waitSaved(first.page);

			// 30 keys at 150 ms each (4.5 s), never pausing long enough for a "quiet" save;
			// the browser is killed the moment the last one is on screen
			const text = 'Ordenanza municipal 245-2023-M';
			const field = evidence(first.page, a.indicator_id);
			const typing = field.pressSequentially(text, { delay: 150 }).catch(() => {});
			await expect
				.poll(() => field.inputValue(), { timeout: 30_000, interval: 20 })
				.toHaveLength(text.length);
			await kill(first);
			await typing;

			const again = await launch(first.profile);
			await again.page.goto(FORM('2025'));
			await waitForm(again.page);
			const kept = await evidence(again.page, a.indicator_id).inputValue();
			console.info(`kept ${kept.length} of ${text.length} characters typed at 150 ms a key`);
			expect(text.startsWith(kept)).toBe(true);
			// at most about a second of typing lost (7 keys), with room for a busy machine
			expect(text.length - kept.length).toBeLessThanOrEqual(10);
			expect(again.errors).toEqual([]);
		},
		SLOW
	);

	it(
		'the database deleted while the page is open: the store is made again and saving goes on',
		async () => {
			const browser = await launch();
			const { page } = browser;
			await startRound(page, '2025');
			const [a, b] = POLICY;
			await radio(page, a.indicator_id, 'Cumple').check();
			await waitSaved(page);

			// the database is deleted under the page (as devtools or another tab would): the page is
			// asked to close its connection. (Not from another page of the site: the static server
			// sandboxes plain files, whose opaque origin has no IndexedDB.)
			await page.evaluate(
				() =>
					new Promise<void>((resolve, reject) => {
						const req = indexedDB.deleteDatabase('integra-forms');
						req.onsuccess = () => resolve();
						req.onerror = () => reject(req.error);
					})
			);
			const first = 'a'.repeat(200);
			await evidence(page, a.indicator_id).fill(first);
			await waitSaved(page);

			// the browser drops the site's IndexedDB ("clear site data"): the connection is closed under it
			const cdp = await browser.context.newCDPSession(page);
			await cdp.send('Storage.clearDataForOrigin', {
				origin: new URL(base()).origin,
				storageTypes: 'indexeddb'
			});
			const second = 'b'.repeat(200);
			await radio(page, b.indicator_id, 'Parcial').check();
			await evidence(page, b.indicator_id).fill(second);
			await waitSaved(page);
			expect(await page.getByTestId('conflict').count()).toBe(0);
			expect(await page.getByTestId('storage-error').count()).toBe(0);

			await page.reload();
			await waitForm(page);
			expect(await evidence(page, a.indicator_id).inputValue()).toBe(first);
			expect(await radio(page, b.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await evidence(page, b.indicator_id).inputValue()).toBe(second);
			expect(browser.errors).toEqual([]);
		},
		SLOW
	);

	it(
		'a second tab with the same draft: the older tab says so, steps back, and newer answers stay',
		async () => {
			const browser = await launch();
			const older = browser.page;
			await startRound(older, '2025');
			const [a, b, c] = POLICY;
			await radio(older, a.indicator_id, 'Cumple').check();
			await waitSaved(older);

			const newer = await newTab(browser);
			await newer.goto(FORM('2025'));
			await waitForm(newer);
			expect(await radio(newer, a.indicator_id, 'Cumple').isChecked()).toBe(true);
			await older.getByTestId('superseded').waitFor();
			expect(await older.getByTestId('superseded').textContent()).toContain(
				'abierta en otra pestaña'
			);
			expect(await radio(older, c.indicator_id, 'No cumple').isDisabled()).toBe(true);

			await radio(newer, b.indicator_id, 'Parcial').check();
			await waitSaved(newer);
			// the older tab shows the newer answers, and cannot change them
			await poll(() => radio(older, b.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await radio(older, b.indicator_id, 'No cumple').isDisabled()).toBe(true);
			expect(await axeViolations(older)).toEqual([]);

			await newer.reload();
			await waitForm(newer);
			expect(await radio(newer, a.indicator_id, 'Cumple').isChecked()).toBe(true);
			expect(await radio(newer, b.indicator_id, 'Parcial').isChecked()).toBe(true);

			// taking the draft back: the older tab becomes the active one, the other steps back
			await older.getByRole('button', { name: 'Continuar en esta pestaña' }).click();
			await newer.getByTestId('superseded').waitFor();
			expect(await radio(older, c.indicator_id, 'No cumple').isDisabled()).toBe(false);
			expect(browser.errors).toEqual([]);
		},
		SLOW
	);

	it(
		'an older tab that cannot hear the others (no BroadcastChannel) gets a conflict instead of overwriting',
		async () => {
			const browser = await launch();
			const older = browser.page;
			await older.addInitScript(() => {
				delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
			});
			await startRound(older, '2025');
			const [a, b] = POLICY;
			await radio(older, a.indicator_id, 'Cumple').check();
			await waitSaved(older);

			const newer = await newTab(browser);
			await newer.goto(FORM('2025'));
			await waitForm(newer);
			await radio(newer, b.indicator_id, 'Parcial').check();
			await evidence(newer, b.indicator_id).fill('del otro equipo');
			await waitSaved(newer);

			await radio(older, b.indicator_id, 'No cumple').check();
			await older.getByTestId('conflict').waitFor();
			expect(await older.getByTestId('save-status').textContent()).toContain('Sin guardar');

			const third = await newTab(browser);
			await third.goto(FORM('2025'));
			await waitForm(third);
			expect(await radio(third, b.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await evidence(third, b.indicator_id).inputValue()).toBe('del otro equipo');

			// nothing typed in the older tab is lost: it can still be exported
			const rows = parseExport(
				await download(older, () =>
					older
						.getByTestId('conflict')
						.getByRole('button', { name: 'Exportar lo de esta pestaña' })
						.click()
				)
			);
			expect(rows.find((r) => r.indicator_id === b.indicator_id)?.answer).toBe('no_cumple');
			expect(browser.errors).toEqual([]);
		},
		SLOW
	);

	it(
		'says at once when storage fails, and offers the export',
		async () => {
			const { page } = await launch();
			await startRound(page, '2025');
			await waitSaved(page);
			// from now on every IndexedDB write fails, as with a full disk
			await page.evaluate(() => {
				IDBObjectStore.prototype.put = function () {
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				};
			});
			const [a] = POLICY;
			const started = Date.now();
			await radio(page, a.indicator_id, 'Cumple').check();
			const alert = page.getByTestId('storage-error');
			await alert.waitFor();
			expect(Date.now() - started).toBeLessThan(1500);
			expect(await alert.getAttribute('role')).toBe('alert');
			expect(await alert.textContent()).toContain('almacenamiento del navegador está lleno');
			expect(await page.getByTestId('save-status').textContent()).toBe('No se pudo guardar');
			const rows = parseExport(
				await download(page, () => alert.getByRole('button', { name: 'Exportar borrador' }).click())
			);
			expect(rows.map((r) => [r.indicator_id, r.answer])).toEqual([[a.indicator_id, 'cumple']]);
			expect(await axeViolations(page)).toEqual([]);
		},
		SLOW
	);

	it(
		'asks before leaving when nothing could be saved, keeps the alert until a save succeeds, and a backup copy is enough',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			await waitSaved(page);
			// IndexedDB and localStorage both refuse every write
			await page.evaluate(() => {
				const w = window as unknown as Record<string, unknown>;
				w.realPut = IDBObjectStore.prototype.put;
				w.realSetItem = Storage.prototype.setItem;
				w.puts = 0;
				const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				IDBObjectStore.prototype.put = function () {
					(w.puts as number)++;
					throw full();
				};
				Storage.prototype.setItem = function () {
					throw full();
				};
			});
			const [a] = POLICY;
			await radio(page, a.indicator_id, 'Cumple').check();
			const alert = page.getByTestId('storage-error');
			await alert.waitFor();
			expect(await alert.textContent()).toContain('se perderá al cerrarla o recargarla');
			// each retry fails: the alert never leaves the page meanwhile
			await page.evaluate(() => {
				const w = window as unknown as Record<string, number>;
				w.alertGone = 0;
				new MutationObserver(() => {
					if (!document.querySelector('[data-testid="storage-error"]')) w.alertGone++;
				}).observe(document.body, { childList: true, subtree: true });
				w.puts = 0;
			});
			await evidence(page, a.indicator_id).pressSequentially('sin guardar', { delay: 100 });
			await poll(() =>
				page.evaluate(() => (window as unknown as Record<string, number>).puts)
			).toBeGreaterThanOrEqual(2);
			expect(
				await page.evaluate(() => (window as unknown as Record<string, number>).alertGone)
			).toBe(0);
			expect(await page.getByTestId('save-status').textContent()).toBe('No se pudo guardar');

			// reloading asks first; staying keeps what was typed
			const asked = page.waitForEvent('dialog');
			await page.evaluate(() => setTimeout(() => location.reload()));
			const dialog = await asked;
			expect(dialog.type()).toBe('beforeunload');
			await dialog.dismiss();
			expect(await evidence(page, a.indicator_id).inputValue()).toBe('sin guardar');

			// localStorage works again (IndexedDB still does not): the backup copy is kept,
			// the page says so, and a reload asks nothing and loses nothing
			await page.evaluate(() => {
				const w = window as unknown as Record<string, typeof Storage.prototype.setItem>;
				Storage.prototype.setItem = w.realSetItem;
			});
			await evidence(page, a.indicator_id).pressSequentially('!');
			await poll(() => alert.textContent()).toContain('Hay una copia de lo que escribió');
			const dialogs: string[] = [];
			page.on('dialog', (d) => {
				dialogs.push(d.type());
				void d.dismiss();
			});
			await page.reload();
			await waitForm(page);
			expect(dialogs).toEqual([]);
			expect(await radio(page, a.indicator_id, 'Cumple').isChecked()).toBe(true);
			expect(await evidence(page, a.indicator_id).inputValue()).toBe('sin guardar!');
			// storage works after the reload: saved, and the alert is gone
			await waitSaved(page);
			expect(await alert.count()).toBe(0);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'says so on opening when the browser cannot store anything (write stubbed from the start)',
		async () => {
			const { page } = await launch();
			await page.addInitScript(() => {
				IDBObjectStore.prototype.put = function () {
					throw new DOMException('The operation failed.', 'UnknownError');
				};
			});
			await startRound(page, '2025');
			await page.getByTestId('storage-error').waitFor();
			// the work goes on, on the page
			const [a] = POLICY;
			await radio(page, a.indicator_id, 'No cumple').check();
			await page
				.locator('[data-testid="save-status"]', { hasText: 'No se pudo guardar' })
				.waitFor();
			expect(await radio(page, a.indicator_id, 'No cumple').isChecked()).toBe(true);
			expect(await page.getByTestId('export-draft').isVisible()).toBe(true);
		},
		SLOW
	);

	it(
		'exports assessments.csv rows and imports them back exactly; a colleague’s file shows its changes first',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			const texts = [
				'Ordenanza N.° 245-2023-MDL "Lima, ciudad de acogida"',
				'Acta 1; acta 2; acta 3;',
				'Primera línea\nsegunda línea\n\nfin',
				'=HYPERLINK("http://evil.example","clic")',
				'+51 999 888 777 y -guion y @arroba',
				'Señalización en quechua, “comillas” – ñandú € …'
			];
			const answers = ['Cumple', 'Parcial', 'No cumple', 'No aplica', 'No sabe', 'Cumple'];
			const picked = POLICY.slice(0, texts.length);
			for (const [i, r] of picked.entries()) {
				await radio(page, r.indicator_id, answers[i]).check();
				await evidence(page, r.indicator_id).fill(texts[i]);
				if (i % 2 === 0) {
					await question(page, r.indicator_id)
						.getByLabel('Enlace a la fuente')
						.fill(`https://example.org/doc?id=${i}&q=a,b`);
				}
			}
			await question(page, picked[0].indicator_id)
				.getByRole('button', { name: 'Añadir notas' })
				.click();
			await question(page, picked[0].indicator_id)
				.getByLabel('Notas')
				.fill('-nota del taller; "revisar"');
			await waitSaved(page);

			const bytes = await download(page, () => page.getByTestId('export-draft').click());
			const raw = bytes.toString('utf8');
			expect(raw).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`); // neutralised
			expect(raw).toContain(`"'+51 999 888 777 y -guion y @arroba"`);
			const exported = parseExport(bytes);
			expect(exported.map((r) => r.indicator_id)).toEqual(picked.map((r) => r.indicator_id));

			// into another, empty round
			await startRound(page, '2025-S2');
			await page.getByTestId('import').locator('summary').click();
			await page.getByLabel('Archivo CSV').setInputFiles({
				name: `assessments-${LIMA}-2025.csv`,
				mimeType: 'text/csv',
				buffer: bytes
			});
			const diff = page.getByTestId('import-diff');
			await diff.waitFor();
			expect(await diff.locator('tbody th[scope="rowgroup"]').count()).toBe(picked.length);
			expect(await axeViolations(page)).toEqual([]);
			await page.getByTestId('import-apply').click();
			for (const [i, r] of picked.entries()) {
				expect(await radio(page, r.indicator_id, answers[i]).isChecked(), r.indicator_id).toBe(
					true
				);
				expect(await evidence(page, r.indicator_id).inputValue(), r.indicator_id).toBe(texts[i]);
				expect(
					await question(page, r.indicator_id).getByLabel('Enlace a la fuente').inputValue()
				).toBe(i % 2 === 0 ? `https://example.org/doc?id=${i}&q=a,b` : '');
			}
			expect(await question(page, picked[0].indicator_id).getByLabel('Notas').inputValue()).toBe(
				'-nota del taller; "revisar"'
			);
			await waitSaved(page);
			const again = parseExport(
				await download(page, () => page.getByTestId('export-draft').click())
			);
			const withoutRound = (rows: CsvRow[]) =>
				rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'round')));
			expect(withoutRound(again)).toEqual(withoutRound(exported));
			expect(again.every((r) => r.round === '2025-S2')).toBe(true);

			// a colleague's Excel file: semicolons, Windows-1252, Spanish headers and words
			const [x, y] = picked;
			const colleague = [
				'Código ubigeo;Ronda;Indicador;Respuesta;Evidencia',
				`150101;2025-S2;${x.indicator_id};Parcialmente;Resolución de Alcaldía N.° 12`,
				`150101;2025-S2;${y.indicator_id};Parcial;${texts[1].replaceAll(';', ',')}`,
				`150101;2025-S2;NO-EXISTE;Sí;`
			].join('\r\n');
			const cp1252 = Buffer.from(
				[...colleague].map((ch) => ({ '°': 0xb0, ó: 0xf3, í: 0xed })[ch] ?? ch.charCodeAt(0))
			);
			await page
				.getByLabel('Archivo CSV')
				.setInputFiles({ name: 'respuestas colega.csv', mimeType: 'text/csv', buffer: cp1252 });
			await diff.waitFor();
			const changes = await diff
				.locator('tbody tr')
				.evaluateAll((trs) =>
					trs.map((tr) => [
						tr.getAttribute('data-indicator'),
						tr.getAttribute('data-field'),
						tr.querySelectorAll('td')[2]?.textContent
					])
				);
			expect(changes).toEqual([
				[x.indicator_id, 'answer', 'Parcial'],
				[x.indicator_id, 'evidence', 'Resolución de Alcaldía N.° 12'],
				[y.indicator_id, 'evidence', texts[1].replaceAll(';', ',')]
			]);
			expect(await page.getByTestId('import-result').textContent()).toContain('NO-EXISTE');
			// nothing changes until applied
			expect(await radio(page, x.indicator_id, 'Cumple').isChecked()).toBe(true);
			await page.getByRole('button', { name: 'Descartar' }).click();
			expect(await evidence(page, x.indicator_id).inputValue()).toBe(texts[0]);
			await page
				.getByLabel('Archivo CSV')
				.setInputFiles({ name: 'respuestas colega.csv', mimeType: 'text/csv', buffer: cp1252 });
			await page.getByTestId('import-apply').click();
			expect(await radio(page, x.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await evidence(page, x.indicator_id).inputValue()).toBe(
				'Resolución de Alcaldía N.° 12'
			);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'runs a workshop from the keyboard alone, in large type, and the completed round reaches every dashboard',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');

			// every indicator gets an answer (each of the four, evidence with cumple/parcial); all
			// but the last KEYED come in through the CSV import, the rest from the keyboard below
			const KEYED = 6;
			const firstKeyed = POLICY.length - KEYED;
			const keyedAnswers = ['parcial', 'cumple', 'no_cumple', 'no_aplica', 'cumple', 'no_cumple'];
			const answerOf = (i: number) =>
				i >= firstKeyed
					? keyedAnswers[i - firstKeyed]
					: i === 5
						? 'no_aplica'
						: (['cumple', 'parcial', 'no_cumple'] as const)[i % 3];
			const answers: Record<string, string> = {};
			for (const [i, r] of POLICY.entries()) answers[r.indicator_id] = answerOf(i);
			const imported = Papa.unparse(
				POLICY.slice(0, firstKeyed).map((r) => ({
					ubigeo: LIMA,
					round: '2025',
					indicator_id: r.indicator_id,
					answer: answers[r.indicator_id],
					evidence: ['cumple', 'parcial'].includes(answers[r.indicator_id])
						? `Evidencia ${r.indicator_id}`
						: ''
				}))
			);
			await page.getByTestId('import').locator('summary').click();
			await page.getByLabel('Archivo CSV').setInputFiles({
				name: `assessments-${LIMA}-2025.csv`,
				mimeType: 'text/csv',
				buffer: Buffer.from(imported)
			});
			await page.getByTestId('import-diff').waitFor();
			await page.getByTestId('import-apply').click();
			const label = { cumple: 'Cumple', parcial: 'Parcial', no_cumple: 'No cumple' } as const;
			for (const r of [POLICY[0], POLICY[firstKeyed - 1]]) {
				const answer = answers[r.indicator_id] as keyof typeof label;
				expect(await radio(page, r.indicator_id, label[answer]).isChecked(), r.indicator_id).toBe(
					true
				);
			}
			await waitSaved(page);

			// the workshop opens at the first question not answered yet
			await page.goto(FORM('2025', 'taller'));
			const dialog = page.getByTestId('workshop');
			await dialog.waitFor();
			await page.waitForSelector('[data-testid="workshop"] .bars progress');

			// projector sizes: every visible text in the workshop is at least 24 px
			const smallest = () =>
				page.evaluate(() => {
					const root = document.querySelector('[data-testid="workshop"]')!;
					const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
					let min = Infinity;
					for (let n = walker.nextNode(); n; n = walker.nextNode()) {
						const el = n.parentElement!;
						if (!n.textContent!.trim() || el.closest('.visually-hidden')) continue;
						if (!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) continue;
						min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
					}
					return min;
				});
			expect(await smallest()).toBeGreaterThanOrEqual(24);
			expect(await axeViolations(page)).toEqual([]);

			// answer the last KEYED indicators with keys 1–5, evidence through N, move with →
			const keys: Record<string, string> = {
				cumple: '1',
				parcial: '2',
				no_cumple: '3',
				no_aplica: '4'
			};
			for (const [i, r] of POLICY.entries()) {
				if (i < firstKeyed) continue;
				const answer = answers[r.indicator_id];
				await page
					.locator(`[data-testid="workshop"] h2[data-indicator="${r.indicator_id}"]`)
					.waitFor();
				if (i === firstKeyed) {
					await page.keyboard.press('5'); // first "no sabe", then changed: the last key wins
					await page
						.locator('[data-testid="workshop"] label[data-answer="no_sabe"] input:checked')
						.waitFor();
				}
				await page.keyboard.press(keys[answer]);
				if (answer === 'cumple' || answer === 'parcial') {
					await page.keyboard.press('n');
					await page.waitForFunction(() => document.activeElement?.id === 'ws-evidence');
					await page.keyboard.type(`Evidencia ${r.indicator_id}`);
					if (i === firstKeyed) {
						expect(await page.locator('#ws-evidence').inputValue()).toBe(
							`Evidencia ${r.indicator_id}`
						);
						expect(await axeViolations(page)).toEqual([]); // with the notes open
					}
					await page.keyboard.press('Escape');
				}
				await page.keyboard.press('ArrowRight');
			}
			const summary = dialog.getByTestId('summary');
			await summary.waitFor();
			expect(await smallest()).toBeGreaterThanOrEqual(24);

			// the summary: the domain scores of the answers above, worked out here
			const panel = summary.getByTestId('live-scores');
			for (const d of DOMAINS) {
				await poll(async () => (await liveScores(panel))[d]).toBeCloseTo(
					expectedScore(d, answers)!,
					9
				);
			}
			const unmet = POLICY.filter((r) =>
				['no_cumple', 'parcial'].includes(answers[r.indicator_id])
			);
			expect(
				await summary
					.locator('[data-testid="unmet"] li')
					.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-indicator')))
			).toEqual(unmet.map((r) => r.indicator_id));
			expect(await axeViolations(page)).toEqual([]);

			/** Tab until the focused element's text matches. */
			async function tabTo(text: RegExp) {
				for (let i = 0; i < 400; i++) {
					await page.keyboard.press('Tab');
					const focused = await page.evaluate(
						() => document.activeElement?.textContent?.trim() ?? ''
					);
					if (text.test(focused)) return;
				}
				throw new Error(`no focusable element matching ${text}`);
			}
			// one key press turns the first unmet indicator into an action
			await tabTo(/^Convertir en acción/);
			await page.keyboard.press('Enter');
			await summary
				.locator(`li[data-indicator="${unmet[0].indicator_id}"] [data-testid="has-action"]`)
				.waitFor();
			// and the round is completed from the keyboard
			await tabTo(/^Marcar la ronda como completa$/);
			await page.keyboard.press('Enter');
			await dialog.getByTestId('completed').waitFor();
			const overall = Number(await panel.getByTestId('overall').getAttribute('data-score'));
			const mean = DOMAINS.reduce((s, d) => s + expectedScore(d, answers)!, 0) / DOMAINS.length;
			expect(overall).toBeCloseTo(mean, 9);
			await page.keyboard.press('Escape');
			await page.waitForURL((url) => url.searchParams.get('vista') === null);

			// without a reload: the district profile shows round 2025 with these scores and the new action
			await page.getByTestId('profile-link').click();
			await page.waitForURL(/\/distritos\/150101/);
			await page.waitForFunction(
				() =>
					document.querySelector('[data-testid="profile"]')?.getAttribute('data-source') ===
					'engine'
			);
			await poll(() => page.locator('#round-select').inputValue()).toBe('2025');
			const profileScores = await page.$$eval('[data-testid="domain-table"] tbody tr', (trs) =>
				trs.map((tr) => [
					Number(tr.getAttribute('data-domain')),
					Number(tr.getAttribute('data-score'))
				])
			);
			for (const [d, score] of profileScores)
				expect(score, `domain ${d}`).toBeCloseTo(expectedScore(d, answers)!, 9);
			expect(await page.getByTestId('overall').textContent()).toContain(String(Math.round(mean)));
			expect(await page.getByTestId('action-plan').textContent()).toContain(unmet[0].indicator_id);

			// the observatory's heatmap: 2025 is now the latest round, with Lima's scores
			await page.getByRole('link', { name: 'Observatorio' }).click();
			await page.waitForSelector('[data-testid="heatmap"] .cell', { timeout: 60_000 });
			await poll(() => page.locator('#heatmap-title').textContent()).toContain('2025');
			const cells = await page.$$eval(
				`[data-testid="heatmap"] .cell[data-ubigeo="${LIMA}"]`,
				(gs) =>
					gs.map((g) => [
						Number(g.getAttribute('data-domain')),
						Number(g.getAttribute('data-score'))
					])
			);
			expect(cells).toHaveLength(6);
			for (const [d, score] of cells) expect(score).toBeCloseTo(expectedScore(d, answers)!, 9);

			// and after a reload, from IndexedDB into a fresh engine
			await page.reload();
			await page.waitForSelector('[data-testid="heatmap"] .cell', { timeout: 60_000 });
			await poll(() => page.locator('#heatmap-title').textContent()).toContain('2025');
			await page.goto(`${base()}/autoevaluacion/${LIMA}`);
			await page
				.locator('[data-testid="rounds"] tr[data-round="2025"][data-kind="local"]')
				.waitFor();
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'lists what is missing before completing, each item a link to its question',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			const [a, b, c] = POLICY;
			await radio(page, a.indicator_id, 'Cumple').check(); // no evidence
			await radio(page, b.indicator_id, 'No sabe').check();
			await question(page, c.indicator_id).getByLabel('Enlace a la fuente').fill('ftp://archivo');
			await page.getByRole('button', { name: 'Marcar la ronda como completa' }).click();
			const missing = page.getByTestId('missing');
			await missing.waitFor();
			const items = await missing.locator('li a').allTextContents();
			expect(items.slice(0, 4)).toEqual([
				`${a.indicator_id} · Falta la evidencia`,
				`${b.indicator_id} · Responder en lugar de «No sabe»`,
				`${c.indicator_id} · Falta responder`,
				`${c.indicator_id} · El enlace no es http ni https`
			]);
			expect(items).toHaveLength(POLICY.length + 1); // c twice, everything else once
			expect(await axeViolations(page)).toEqual([]);
			await missing.getByRole('link', { name: `${a.indicator_id} · Falta la evidencia` }).click();
			expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
			expect(
				await page.evaluate(() =>
					document.activeElement?.closest('article')?.getAttribute('data-indicator')
				)
			).toBe(a.indicator_id);
			expect(await page.getByTestId('round-status').textContent()).toBe('Borrador');
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'keeps an action plan: create, flag overdue against the injected date, close, reload, export and import',
		async () => {
			const { page, errors } = await launch();
			await page.goto(`${base()}/autoevaluacion/${LIMA}`);
			const plan = page.getByTestId('action-plan');
			await plan.locator('[data-testid="actions"] tbody tr').first().waitFor({ timeout: 90_000 });
			const existing = readCsv('data/actions.csv').filter((r) => r.ubigeo === LIMA);
			const next = `PA-${LIMA}-${String(Math.max(...existing.map((r) => Number(r.action_id.split('-')[2]))) + 1).padStart(2, '0')}`;

			await plan.getByRole('button', { name: 'Nueva acción' }).click();
			const form = page.getByTestId('action-form');
			await form.getByRole('button', { name: 'Guardar la acción' }).click();
			await form.getByText('Describa la acción.').waitFor(); // a description is required
			const description = 'Aprobar la directiva de atención "sin DNI"; difundirla';
			await form.getByLabel('Descripción').fill(description);
			await form.getByLabel('Indicador').selectOption(POLICY[0].indicator_id);
			await form.getByLabel('Responsable').fill('DEMUNA');
			await form.getByLabel('Plazo').fill('2025-06-01');
			expect(await axeViolations(page)).toEqual([]);
			await form.getByRole('button', { name: 'Guardar la acción' }).click();
			const row = plan.locator(`tr[data-action="${next}"]`);
			await row.waitFor();
			expect(await row.getAttribute('data-overdue')).toBe('true');
			expect(await row.getByTestId('overdue').textContent()).toBe('Vencida hace 14 días'); // 1 → 15 June
			expect(await row.textContent()).toContain(description);

			await row.getByRole('button', { name: `Marcar completada ${next}` }).click();
			await poll(() => row.getAttribute('data-status')).toBe('completada');
			expect(await row.getAttribute('data-overdue')).toBe('false');
			expect(await row.textContent()).toMatch(/Completada\s*15 jun\.? 2025/);

			await page.reload();
			await plan
				.locator(`tr[data-action="${next}"][data-status="completada"]`)
				.waitFor({ timeout: 90_000 });

			const exported = parseExport(
				await download(page, () => page.getByTestId('export-actions').click())
			);
			expect(exported.find((r) => r.action_id === next)).toEqual({
				action_id: next,
				ubigeo: LIMA,
				indicator_id: POLICY[0].indicator_id,
				description,
				responsible: 'DEMUNA',
				due_date: '2025-06-01',
				status: 'completada',
				completed_on: '2025-06-15'
			});
			expect(exported).toHaveLength(existing.length + 1);

			// import a changed plan: the change is shown, then applied
			const changed = exported.map((r) =>
				r.action_id === next ? { ...r, responsible: 'Gerencia de Desarrollo Social' } : r
			);
			await plan.locator('summary', { hasText: 'Importar un plan' }).click();
			await plan.getByLabel('Archivo CSV').setInputFiles({
				name: `actions-${LIMA}.csv`,
				mimeType: 'text/csv',
				buffer: Buffer.from(Papa.unparse(changed))
			});
			await plan.getByText('Responsable: DEMUNA → Gerencia de Desarrollo Social').waitFor();
			await plan.getByText('Acciones que cambiarían (1)').waitFor();
			await plan.getByRole('button', { name: 'Aplicar los cambios (1)' }).click();
			await poll(() => row.locator('td').first().textContent()).toBe(
				'Gerencia de Desarrollo Social'
			);

			// the district profile reads it from the engine's actions table
			await page.goto(`${base()}/distritos/${LIMA}`);
			await page.waitForFunction(
				() =>
					document.querySelector('[data-testid="profile"]')?.getAttribute('data-source') ===
					'engine',
				null,
				{ timeout: 90_000 }
			);
			await poll(() => page.getByTestId('action-plan').textContent()).toContain(description);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'prints a blank form and a filled one',
		async () => {
			const { page, errors } = await launch();
			await page.goto(`${base()}/autoevaluacion/${LIMA}?vista=imprimir`);
			const sheet = page.getByTestId('print-form');
			await sheet.waitFor({ timeout: 90_000 });
			expect(await sheet.getAttribute('data-blank')).toBe('true');
			expect(await sheet.locator('.item').count()).toBe(POLICY.length);
			expect(await sheet.locator('.boxes li.on').count()).toBe(0);
			expect(await axeViolations(page)).toEqual([]);
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('.site-header').isVisible()).toBe(false);
			expect(await sheet.getByRole('button', { name: 'Imprimir' }).isVisible()).toBe(false);
			const blank = await page.pdf({ format: 'A4' });
			expect(blank.subarray(0, 4).toString()).toBe('%PDF');

			await page.emulateMedia({ media: 'screen' });
			await page.goto(FORM('2024', 'imprimir'));
			await sheet.waitFor({ timeout: 90_000 });
			const rows = readCsv('data/assessments.csv').filter(
				(r) => r.ubigeo === LIMA && r.round === '2024'
			);
			expect(await sheet.getAttribute('data-blank')).toBe('false');
			expect(await sheet.locator('.boxes li.on').count()).toBe(rows.length);
			const first = rows[0];
			expect(
				await sheet
					.locator(`.item[data-indicator="${first.indicator_id}"] .value`)
					.first()
					.textContent()
			).toBe(first.evidence || '—');
			const filled = await page.pdf({ format: 'A4' });
			expect(filled.length).toBeGreaterThan(10_000);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'has no axe violations on the rounds page, the form with a missing list, and the summary',
		async () => {
			const { page, errors } = await launch();
			await page.goto(`${base()}/autoevaluacion/${LIMA}`);
			await page.waitForSelector('[data-testid="rounds"]', { timeout: 90_000 });
			expect(await axeViolations(page)).toEqual([]);
			await startRound(page, '2025', 'latest');
			expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('link', { name: 'Resumen', exact: true }).click();
			await page.getByTestId('summary').waitFor();
			await page
				.getByTestId('summary')
				.getByRole('button', { name: 'Marcar la ronda como completa' })
				.click();
			await page.getByTestId('missing').waitFor();
			expect(await axeViolations(page)).toEqual([]);
			// English too
			await page.getByRole('button', { name: 'English' }).click();
			await page.getByText('Indicators to work on', { exact: false }).waitFor();
			expect(await axeViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
		},
		SLOW
	);
});
