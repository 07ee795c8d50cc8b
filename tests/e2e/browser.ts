import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/**
 * The tests' Chromium: CHROMIUM_ARGS (the bench's too) with the engine's wasm kept at V8's
 * baseline tier (Liftoff). Every page load tiers DuckDB's hot functions up to TurboFan
 * again, ~1 s of CPU on two cores, about 40 % of what a test's page load costs
 * (measured with a Chromium trace of an observatory reload: 4.8–5.0 s of CPU by
 * default, 3.0 s with this flag). What the tests check does not depend on the tier:
 * the same wasm gives the same answers; only its speed differs, which the bench
 * measures with V8's defaults. Files that run DuckDB on a million rows keep the
 * default (`optimizedWasm`), since there the optimized code pays for itself, and so
 * does the file that checks Chromium's wasm code cache (written after tier-up).
 */
export function testChromiumArgs(optimizedWasm = false): string[] {
	return optimizedWasm ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, '--js-flags=--liftoff-only'];
}

export interface Session {
	context: BrowserContext;
	page: Page;
	/** console errors and page errors seen so far */
	errors: string[];
	/** every request to a host other than localhost */
	foreignRequests: string[];
	/** the fresh profile's directory */
	profile: string;
	close(): Promise<void>;
}

/**
 * Debian's Chromium with a fresh profile, watching console errors and foreign requests.
 * Service workers are blocked unless asked for: their precache (the 34 MB wasm among
 * it) would only slow the other tests down; tests/e2e/offline.test.ts asks for them.
 */
export async function openSession(
	opts: { locale?: string; serviceWorkers?: boolean; optimizedWasm?: boolean } = {}
): Promise<Session> {
	const profile = mkdtempSync(join(tmpdir(), 'integra-e2e-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: testChromiumArgs(opts.optimizedWasm),
		headless: true,
		locale: opts.locale ?? 'es-PE',
		timezoneId: 'America/Lima',
		viewport: { width: 1280, height: 900 },
		serviceWorkers: opts.serviceWorkers ? 'allow' : 'block'
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const errors: string[] = [];
	const foreignRequests: string[] = [];
	context.on('request', (request) => {
		const url = request.url();
		if (/^(data|blob):/.test(url)) return;
		if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)) {
			foreignRequests.push(url);
		}
	});
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return {
		context,
		page,
		errors,
		foreignRequests,
		profile,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** Open every "Ver tabla" toggle of the page (each click renames its button). */
export async function openAllTables(page: Page): Promise<number> {
	const closed = page.getByRole('button', { name: 'Ver tabla' });
	let opened = 0;
	while ((await closed.count()) > 0) {
		await closed.first().click();
		opened++;
	}
	return opened;
}
