import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/browser';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A municipal office screen: the heatmap's first rows are in view. */
export const VIEWPORT = { width: 1366, height: 900 };

/**
 * Installed in every page before its own scripts. Records, in the page's
 * clock (ms from navigation start):
 * - `fcp`: first contentful paint;
 * - `chart`: the first frame painted after the observatory heatmap's cells
 *   (or a district profile's scored wheel segments) exist (a requestAnimationFrame, then a task after it: the frame is out);
 *   the first chart is on screen at max(fcp, chart);
 * - `cls`: the layout shifts' sum (nothing may jump when the engine takes over);
 * - `gap`: the longest the main thread went without answering (a 10 ms heartbeat);
 * - `clicks`: for /actividades, each click → every chart settled → painted;
 * - `inflight` and `queries`: DuckDB requests in flight, and when each query
 *   was asked and answered, read off the duckdb-wasm worker protocol
 *   ({messageId, type, data} out, {requestId, type, data} back).
 */
export const MEASURE = `(() => {
	const b = (window.__bench = { cls: 0, gap: 0, clicks: [], inflight: 0, queries: [] });
	const W = window.Worker;
	if (W) {
		window.Worker = class extends W {
			constructor(...args) {
				super(...args);
				const sent = new Map();
				const statements = new Map();
				this.addEventListener('message', (e) => {
					const d = e.data;
					if (!d || d.requestId === undefined || /^(LOG|PROGRESS_UPDATE|INSTANTIATE_PROGRESS)$/.test(d.type)) return;
					const s = sent.get(d.requestId);
					if (!s) return;
					sent.delete(d.requestId);
					b.inflight--;
					if (s.type === 'CREATE_PREPARED' && d.type === 'PREPARED_STATEMENT_ID') statements.set(d.data, s.sql);
					if ((s.type === 'RUN_PREPARED' || s.type === 'RUN_QUERY') && b.queries.length < 20000)
						b.queries.push({ sql: s.sql, type: s.type, start: s.t, end: performance.now() });
				});
				this.post = (m) => {
					const sql = m.type === 'RUN_QUERY' || m.type === 'CREATE_PREPARED' ? String(m.data[1]).slice(0, 120)
						: m.type === 'RUN_PREPARED' ? statements.get(m.data[1]) : undefined;
					sent.set(m.messageId, { type: m.type, t: performance.now(), sql });
					b.inflight++;
				};
			}
			postMessage(m, transfer) {
				if (m && m.messageId !== undefined && m.type) this.post(m);
				return super.postMessage(m, transfer);
			}
		};
	}
	const painted = (done) => requestAnimationFrame(() => {
		const ch = new MessageChannel();
		ch.port1.onmessage = () => done(performance.now());
		ch.port2.postMessage(0);
	});
	try {
		new PerformanceObserver((l) => {
			for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
		}).observe({ type: 'paint', buffered: true });
		new PerformanceObserver((l) => {
			for (const e of l.getEntries()) if (!e.hadRecentInput) b.cls += e.value;
		}).observe({ type: 'layout-shift', buffered: true });
	} catch {}
	let beat = performance.now();
	setInterval(() => {
		const now = performance.now();
		b.gap = Math.max(b.gap, now - beat - 10);
		beat = now;
	}, 10);
	// the observatory's heatmap cells, or a district profile's wheel with a score
	const CELLS = '[data-testid="heatmap-block"] [data-testid="heatmap"] .cell, [data-testid="domain-wheel"] .segment:not([data-score=""])';
	let pending = null;
	const check = () => {
		if (b.appear === undefined && document.querySelector(CELLS)) {
			b.appear = performance.now();
			painted((t) => (b.chart = t));
		}
		const act = document.querySelector('[data-testid="activities"]');
		if (pending && act && act.getAttribute('data-settled') === 'true' &&
				act.getAttribute('data-state') === location.search &&
				act.getAttribute('data-state') !== pending.state) {
			const p = pending;
			pending = null;
			painted((t) => b.clicks.push(t - p.t0));
		}
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true,
		attributeFilter: ['data-settled', 'data-state'] });
	document.addEventListener('click', (e) => {
		const act = document.querySelector('[data-testid="activities"]');
		if (!act || !(e.target instanceof HTMLInputElement)) return;
		pending = { t0: performance.now(), state: act.getAttribute('data-state') };
	}, true);
})();`;

export interface Session {
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
	/** Highest main-thread JS heap sampled since launch or the last `resetPeak` (bytes). */
	peakHeap: () => number;
	resetPeak: () => void;
	close(): Promise<void>;
}

/** A profile directory: fresh for cold runs, kept for the repeat visit. */
export function freshProfile(): { dir: string; remove(): void } {
	const dir = mkdtempSync(join(tmpdir(), 'integra-bench-'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launch(
	profile: string,
	opts: { bypassCSP?: boolean; heapEveryMs?: number; settleMs?: number } = {}
): Promise<Session> {
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		headless: true,
		locale: 'es-PE',
		timezoneId: 'America/Lima',
		viewport: VIEWPORT,
		bypassCSP: opts.bypassCSP ?? false
	});
	await context.addInitScript(MEASURE);
	const page = context.pages()[0] ?? (await context.newPage());
	const cdp = await context.newCDPSession(page);
	// Chromium 156 starts a "WebUI Top Renderer" (its omnibox) at launch: ~0.5 s of CPU
	// in the first second, on a 2-core machine. A user's browser is already running when
	// they open Integra, so page timings start after that.
	if (opts.settleMs) await new Promise((r) => setTimeout(r, opts.settleMs));
	let peak = 0;
	let timer: ReturnType<typeof setInterval> | null = null;
	if (opts.heapEveryMs) {
		await cdp.send('Performance.enable');
		timer = setInterval(() => {
			cdp
				.send('Runtime.getHeapUsage')
				.then((h) => (peak = Math.max(peak, h.usedSize)))
				.catch(() => {});
		}, opts.heapEveryMs);
	}
	return {
		context,
		page,
		cdp,
		peakHeap: () => peak,
		resetPeak: () => {
			peak = 0;
		},
		async close() {
			if (timer) clearInterval(timer);
			await context.close();
		}
	};
}

/** What the page measured (see MEASURE), plus the app's engine marks. */
export interface PageFigures {
	timeOrigin: number;
	fcp?: number;
	appear?: number;
	chart?: number;
	cls: number;
	gap: number;
	clicks: number[];
	inflight: number;
	queries: { sql?: string; start: number; end: number }[];
	hydrated?: number;
	engineStart?: number;
	engineInstantiated?: number;
	engineOpen?: number;
	engineReady?: number;
	controlled: boolean;
}

export function figures(page: Page): Promise<PageFigures> {
	return page.evaluate(() => {
		// No named helper functions in here: tsx would wrap them in a `__name` the page lacks.
		const w = window as unknown as { __bench: Omit<PageFigures, 'timeOrigin'> };
		return {
			...w.__bench,
			timeOrigin: performance.timeOrigin,
			hydrated: performance.getEntriesByName('integra:hydrated')[0]?.startTime,
			engineStart: performance.getEntriesByName('integra:engine-start')[0]?.startTime,
			engineInstantiated: performance.getEntriesByName('integra:engine-instantiated')[0]?.startTime,
			engineOpen: performance.getEntriesByName('integra:engine-open')[0]?.startTime,
			engineReady: performance.getEntriesByName('integra:engine-ready')[0]?.startTime,
			controlled: !!navigator.serviceWorker?.controller
		};
	});
}
