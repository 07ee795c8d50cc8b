import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { testChromiumArgs } from './browser';

/** A committed import fixture (tests/fixtures/files), by name. */
export const fixture = (name: string) => join('tests/fixtures/files', name);

/** The six datasets of the contract, as /datos lists them. */
export const DATASETS = [
	'districts',
	'framework',
	'assessments',
	'statistics',
	'activities',
	'actions'
];

/** Data rows of a demo CSV, counted by a CSV parser (not by line breaks). */
export function demoRows(name: string): number {
	return Papa.parse(readFileSync(join('data', `${name}.csv`), 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data.length;
}

/** Row values as the engine returns them. */
export type Row = Record<string, string | number | boolean | null>;

/** Waits until /datos shows the row counts of every dataset (the engine is ready). */
export async function waitForData(page: Page, timeout = 90_000): Promise<void> {
	await page.waitForSelector(
		'[data-testid="datasets"] tr[data-dataset="actions"]:not([data-rows=""])',
		{ timeout }
	);
}

export async function openDatos(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/datos`);
	await waitForData(page);
}

/** The card of a staged file. */
export function card(page: Page, fileName: string): Locator {
	return page.locator(`[data-testid="file-card"][data-file="${fileName}"]`);
}

/** Chooses files and waits until each has been analysed (ready, or failed). */
export async function stage(page: Page, files: string[], timeout = 60_000): Promise<void> {
	await page.setInputFiles('[data-testid="file-input"]', files);
	await page.waitForFunction(
		(count) => {
			const cards = [...document.querySelectorAll('[data-testid="file-card"]')];
			return (
				cards.length >= count &&
				cards.every((c) => ['ready', 'failed', 'loaded'].includes(c.getAttribute('data-phase')!))
			);
		},
		files.length,
		{ timeout }
	);
}

/**
 * Clicks the load button of a staged file and waits for the result. With
 * `removeOrphans`, a replace of districts or framework that asks first (other
 * rows would stop matching) is confirmed, as often as it asks (the counts
 * change when files staged together are loaded one after the other).
 */
export async function load(
	page: Page,
	fileName: string,
	timeout = 60_000,
	opts: { removeOrphans?: boolean } = {}
): Promise<void> {
	const c = card(page, fileName);
	const done = `[data-testid="file-card"][data-file="${fileName}"][data-phase="loaded"], [data-testid="file-card"][data-file="${fileName}"][data-phase="failed"]`;
	if (!opts.removeOrphans) {
		await c.getByTestId('load').click();
		await page.waitForSelector(done, { timeout });
		return;
	}
	for (let attempt = 0; attempt < 3; attempt++) {
		await c.getByTestId('load').or(c.getByTestId('orphans-confirm')).first().click();
		// Loaded or failed; or asked again (the card is ready again, with the question).
		await page.waitForSelector(
			`${done}, [data-testid="file-card"][data-file="${fileName}"][data-phase="ready"] [data-testid="orphans-confirm"]:not([disabled])`,
			{ timeout }
		);
		if (await page.$(done)) return;
	}
	await page.waitForSelector(done, { timeout });
}

/** Removes every staged card (so the next test starts with an empty list). */
export async function clearCards(page: Page): Promise<void> {
	for (;;) {
		const buttons = page.locator('[data-testid="file-card"] header button');
		if ((await buttons.count()) === 0) return;
		await buttons.first().click();
	}
}

/** Runs SQL on the page's engine (through the data page's support hook). */
export async function query(page: Page, sql: string): Promise<Row[]> {
	return page.evaluate(async (text) => {
		const hook = (
			window as unknown as { __integra: { engine: () => { query(s: string): Promise<unknown> } } }
		).__integra;
		return (await hook.engine().query(text)) as Row[];
	}, sql);
}

/** The rows shown for a dataset in the "loaded" table. */
export async function shownRows(page: Page, dataset: string): Promise<number> {
	const value = await page
		.locator(`[data-testid="datasets"] tr[data-dataset="${dataset}"]`)
		.getAttribute('data-rows');
	return Number(value);
}

/**
 * A Chromium whose profile survives `close()` (for "the browser was
 * restarted" tests); `dispose()` removes it.
 */
export async function persistentBrowser(): Promise<{
	launch(): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
	dispose(): void;
}> {
	const profile = mkdtempSync(join(tmpdir(), 'integra-profile-'));
	return {
		async launch() {
			const context = await chromium.launchPersistentContext(profile, {
				executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
				args: testChromiumArgs(),
				headless: true,
				locale: 'es-PE',
				timezoneId: 'America/Lima',
				viewport: { width: 1280, height: 900 }
			});
			const page = context.pages()[0] ?? (await context.newPage());
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (m) => {
				if (m.type() === 'error') errors.push(m.text());
			});
			return { context, page, errors };
		},
		dispose() {
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

// ---------------------------------------------------------------------------
// Waiting assertions (playwright-core has no `expect`; vitest's does not wait)

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Polls `read` until `ok` holds or `timeout` ms pass; returns the last value read. */
export async function poll<T>(
	read: () => Promise<T>,
	ok: (v: T) => boolean,
	timeout = 15_000
): Promise<T> {
	const end = Date.now() + timeout;
	let value = await read();
	while (!ok(value) && Date.now() < end) {
		await new Promise((r) => setTimeout(r, 100));
		value = await read().catch(() => value);
	}
	return value;
}

const textOf = (l: Locator) => async () =>
	squash(
		await l
			.first()
			.textContent({ timeout: 1000 })
			.catch(() => null)
	);

/** The text of `l` becomes exactly `expected` (whitespace collapsed). */
export async function expectText(l: Locator, expected: string, timeout?: number): Promise<void> {
	const { expect } = await import('vitest');
	expect(await poll(textOf(l), (v) => v === squash(expected), timeout)).toBe(squash(expected));
}

/** The text of `l` comes to contain `part`. */
export async function expectContains(l: Locator, part: string, timeout?: number): Promise<void> {
	const { expect } = await import('vitest');
	expect(await poll(textOf(l), (v) => v.includes(squash(part)), timeout)).toContain(squash(part));
}

export async function expectAttr(
	l: Locator,
	name: string,
	value: string,
	timeout?: number
): Promise<void> {
	const { expect } = await import('vitest');
	const read = async () =>
		l
			.first()
			.getAttribute(name, { timeout: 1000 })
			.catch(() => null);
	expect(await poll(read, (v) => v === value, timeout)).toBe(value);
}

export async function expectValue(l: Locator, value: string, timeout?: number): Promise<void> {
	const { expect } = await import('vitest');
	const read = async () =>
		l
			.first()
			.inputValue({ timeout: 1000 })
			.catch(() => null);
	expect(await poll(read, (v) => v === value, timeout)).toBe(value);
}

export async function expectEnabled(l: Locator, enabled: boolean, timeout?: number): Promise<void> {
	const { expect } = await import('vitest');
	const read = async () =>
		l
			.first()
			.isEnabled({ timeout: 1000 })
			.catch(() => null);
	expect(await poll(read, (v) => v === enabled, timeout)).toBe(enabled);
}

export async function expectCount(l: Locator, count: number, timeout?: number): Promise<void> {
	const { expect } = await import('vitest');
	expect(
		await poll(
			() => l.count(),
			(v) => v === count,
			timeout
		)
	).toBe(count);
}
