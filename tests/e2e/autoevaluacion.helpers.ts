/**
 * What the self-assessment's end-to-end files share (autoevaluacion-*.test.ts):
 * the framework and demo data read in Node to know what the page must show,
 * browsers with a profile folder the tests control (to kill and reopen it),
 * and page helpers.
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
import { expect, inject } from 'vitest';
import { testChromiumArgs } from './browser';

export const base = () => inject('baseUrl');
/** Each test starts DuckDB in one or more fresh browsers; the workshop answers every indicator. */
export const SLOW = 180_000;
/** Polls long enough for a fresh engine to start (the default is one second). */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
export const LIMA = '150101';
/** Noon in Lima: the same calendar day in every time zone the runner could have. */
export const NOW = new Date('2025-06-15T12:00:00-05:00');
export const FORM = (round: string, view = '') =>
	`${base()}/autoevaluacion/${LIMA}?ronda=${round}${view ? `&vista=${view}` : ''}`;

// ---------------------------------------------------------------------------
// The framework and demo data, read in Node to know what the page must show.

export type CsvRow = Record<string, string>;
export const readCsv = (file: string) =>
	Papa.parse<CsvRow>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

export const POLICY = readCsv('data/framework.csv').filter((r) => r.kind === 'policy');
const collator = new Intl.Collator('en', { numeric: true });
POLICY.sort(
	(a, b) => Number(a.domain) - Number(b.domain) || collator.compare(a.indicator_id, b.indicator_id)
);
export const DOMAINS = [...new Set(POLICY.map((r) => Number(r.domain)))];

/** Score of one domain by DESIGN.md §5, worked out here independently of the app's SQL. */
export function expectedScore(domain: number, answers: Record<string, string>): number | null {
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

export interface Browser {
	profile: string;
	context: BrowserContext;
	page: Page;
	errors: string[];
}

const open: Browser[] = [];

export async function launch(
	profile = mkdtempSync(join(tmpdir(), 'integra-assess-'))
): Promise<Browser> {
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: testChromiumArgs(),
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

export async function newTab(browser: Browser): Promise<Page> {
	const page = await browser.context.newPage();
	watch(browser, page);
	return page;
}

/** Closes the browsers a test opened and removes their profiles: each test file's afterEach. */
export async function closeBrowsers() {
	for (const b of open.splice(0)) {
		await b.context.close().catch(() => {});
		rmSync(b.profile, { recursive: true, force: true });
	}
}

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
export async function kill(browser: Browser): Promise<void> {
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

export const question = (page: Page, id: string) => page.locator(`article[data-indicator="${id}"]`);
export const radio = (page: Page, id: string, label: string) =>
	question(page, id).getByRole('radio', { name: label, exact: true });
export const evidence = (page: Page, id: string) => question(page, id).getByLabel(/^Evidencia/);

export async function waitForm(page: Page) {
	await page.waitForSelector('[data-testid="live-scores"] tbody tr', { timeout: 90_000 });
}

/** Starts a new round from the district's rounds page and waits for its form. */
export async function startRound(page: Page, round: string, prefill: 'Vacía' | 'latest' = 'Vacía') {
	await page.goto(`${base()}/autoevaluacion/${LIMA}`);
	await page.waitForSelector('[data-testid="rounds"]', { timeout: 90_000 });
	await page.getByLabel('Nombre de la ronda').fill(round);
	if (prefill === 'Vacía') await page.getByLabel('Vacía').check();
	await page.getByRole('button', { name: 'Empezar la ronda' }).click();
	await page.waitForURL((url) => url.searchParams.get('ronda') === round);
	await waitForm(page);
}

export async function waitSaved(page: Page) {
	await page.locator('[data-testid="save-status"]', { hasText: /^Guardado$/ }).waitFor();
}

export async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
	const [file] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFileSync((await file.path())!);
}

export const parseExport = (bytes: Buffer) => {
	const text = bytes.toString('utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	return Papa.parse<CsvRow>(text.slice(1), { header: true, skipEmptyLines: true }).data;
};

/** The live score cell of each domain, as the page holds it (unrounded). */
export async function liveScores(root: Locator): Promise<Record<number, number | null>> {
	const rows = await root
		.locator('tbody tr[data-domain]')
		.evaluateAll((trs) =>
			trs.map((tr) => [Number(tr.getAttribute('data-domain')), tr.getAttribute('data-score')])
		);
	return Object.fromEntries(rows.map(([d, s]) => [d, s === '' ? null : Number(s)]));
}
