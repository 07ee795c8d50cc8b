/**
 * `npm run bench` (issue 7): builds Integra and its baseline, serves both
 * with the project's plain static server, drives headless Chromium, prints a
 * table and writes bench/results.json. Every figure is a median over RUNS
 * runs (default 5), with its baseline and the ratio, all measured in this run.
 *
 *   npm run bench                    # everything (~6–8 min on 2 cores)
 *   npm run bench -- --no-build      # reuse bench/.out builds
 *   BENCH_RUNS=3 npm run bench       # fewer runs while iterating
 *   npm run bench -- --no-build --only=import   # one part (pages, server, import, activities)
 *   npm run bench -- --only=import   # builds the import page only (seconds), not the app
 *
 * See bench/README.md for what each figure means and how it is taken.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as prettier from 'prettier';
import { extname, join } from 'node:path';
import { aggregateSql } from './lib/aggregate';
import {
	APP,
	BASELINE,
	buildAll,
	buildHarness,
	built,
	DATA,
	HARNESS,
	linkData,
	SERVER
} from './lib/build';
import { startServer } from './lib/server';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/browser';
import { CHROMIUM, figures, freshProfile, launch, type PageFigures } from './lib/chromium';
import { activitiesFile } from './lib/generate';
import { nativeRun } from './lib/native';
import { serve, type Sent, type Served } from './lib/serve';
import { writeDemoSnapshot } from './lib/snapshot';
import { median, percentile, round } from './lib/stats';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const CLICKS = 30;
const args = new Set(process.argv.slice(2));
/** `--only=pages,import,activities` while iterating (activities needs import). */
const only = [...args]
	.find((a) => a.startsWith('--only='))
	?.slice(7)
	.split(',');
const part = (name: string) => !only || only.includes(name);
const started = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`);

// ---------------------------------------------------------------------------
// Results

interface Figure {
	id: string;
	label: string;
	unit: string;
	value: number | null;
	runs?: number[];
	baseline?: { label: string; value: number | null; runs?: number[] };
	/** baseline / value for times (how many times faster), value / baseline for "≤ k× baseline" targets. */
	ratio?: number | null;
	ratioKind?: 'faster' | 'of-baseline';
	target?: string;
	met?: boolean | null;
	note?: string;
}

const results: Figure[] = [];
const extra: Record<string, unknown> = {};

function add(f: Figure) {
	results.push(f);
}

function ratioFaster(value: number | null, base: number | null) {
	return value && base ? round(base / value, 1) : null;
}

// ---------------------------------------------------------------------------
// Weights: what the server sent, with the gzip/brotli sizes of each file on disk

function fileOf(root: string, path: string): string | null {
	const base = join(root, path);
	for (const c of [base, `${base}.html`, join(base, 'index.html')]) {
		if (existsSync(c) && statSync(c).isFile()) return c;
	}
	return null;
}

function sizes(root: string, path: string) {
	const file = fileOf(root, path);
	if (!file) return { raw: 0, gz: 0, br: 0 };
	const raw = statSync(file).size;
	const gz = existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : raw;
	const br = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : raw;
	return { raw, gz, br };
}

const kind = (path: string) => {
	const ext = extname(path);
	if (ext === '.js') return 'js';
	if (ext === '.css') return 'css';
	if (ext === '.wasm') return 'wasm';
	if (ext === '.csv') return 'csv';
	if (ext === '.json') return 'json';
	return 'html';
};

function weigh(root: string, sent: Sent[], cutoff: number) {
	const before = sent.filter((s) => s.start <= cutoff);
	const sum = (list: Sent[], k: string, f: 'raw' | 'gz' | 'br') =>
		list.filter((s) => kind(s.path) === k).reduce((n, s) => n + sizes(root, s.path)[f], 0);
	return {
		jsBeforeChart: {
			raw: sum(before, 'js', 'raw'),
			gz: sum(before, 'js', 'gz'),
			br: sum(before, 'js', 'br'),
			files: before.filter((s) => kind(s.path) === 'js').length
		},
		cssBeforeChart: {
			raw: sum(before, 'css', 'raw'),
			gz: sum(before, 'css', 'gz'),
			br: sum(before, 'css', 'br')
		},
		htmlBeforeChart: before.filter((s) => kind(s.path) === 'html').reduce((n, s) => n + s.bytes, 0),
		sentBeforeChart: before.reduce((n, s) => n + s.bytes, 0),
		wasmSent: sent.filter((s) => kind(s.path) === 'wasm').reduce((n, s) => n + s.bytes, 0),
		wasmRequests: sent.filter((s) => kind(s.path) === 'wasm').length,
		wasmEncoding: sent.find((s) => kind(s.path) === 'wasm')?.encoding ?? null,
		total: sent.reduce((n, s) => n + s.bytes, 0),
		requests: sent.length
	};
}

// ---------------------------------------------------------------------------
// 1, 2, 5: first chart, engine ready, weights; cold (fresh profile) and warm (repeat visit)

async function quiet(server: Served, ms = 400) {
	for (;;) {
		const n = server.log.length;
		await new Promise((r) => setTimeout(r, ms));
		if (server.log.length === n) return;
	}
}

interface Visit {
	f: PageFigures;
	firstChart: number | null;
	ready: number | null;
	takeover: number | null;
	weights: ReturnType<typeof weigh>;
	heatmapMoved: number;
}

async function visit(
	server: Served,
	root: string,
	profile: string,
	isApp: boolean
): Promise<Visit> {
	const from = server.log.length;
	const s = await launch(profile, { settleMs: 1000 });
	try {
		const { page } = s;
		await page.goto(`${server.url}/`, { waitUntil: 'commit' });
		await page.waitForFunction(
			() => {
				const b = (window as unknown as { __bench: { chart?: number } }).__bench;
				return (
					b.chart !== undefined && performance.getEntriesByName('integra:engine-ready').length > 0
				);
			},
			null,
			{ timeout: 120_000, polling: 50 }
		);
		const box = () =>
			page.evaluate(() => {
				const r = document.querySelector('[data-testid="heatmap-block"]')!.getBoundingClientRect();
				return [r.x, r.y, r.width, r.height];
			});
		const firstBox = await box();
		// The engine takes over: both charts now drawn from DuckDB in this browser.
		await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]', {
			timeout: 60_000
		});
		await page.waitForSelector('[data-testid="map-block"][data-source="engine"]', {
			timeout: 60_000
		});
		const takeover = await page.evaluate(() => performance.now());
		if (isApp) {
			// The service worker has installed (precached) and controls the page.
			await page.waitForFunction(
				() => navigator.serviceWorker.controller?.state === 'activated',
				null,
				{ timeout: 120_000, polling: 200 }
			);
		}
		await quiet(server);
		const lastBox = await box();
		const f = await figures(page);
		const firstChart = f.chart === undefined ? null : Math.max(f.fcp ?? 0, f.chart);
		const sent = server.since(from);
		return {
			f,
			firstChart,
			ready: f.engineReady ?? null,
			takeover,
			weights: weigh(root, sent, f.timeOrigin + (firstChart ?? 0)),
			heatmapMoved: Math.max(...firstBox.map((v, i) => Math.abs(v - lastBox[i])))
		};
	} finally {
		await s.close();
	}
}

// ---------------------------------------------------------------------------
// 7: the Integra server's first chart (server-rendered from the published data)

/** A cold visit (fresh profile): navigation → the first chart painted, max(fcp, chart). */
async function coldFirstChart(url: string): Promise<number | null> {
	const profile = freshProfile();
	const s = await launch(profile.dir, { settleMs: 1000 });
	try {
		await s.page.goto(url, { waitUntil: 'commit' });
		await s.page.waitForFunction(
			() => (window as unknown as { __bench: { chart?: number } }).__bench.chart !== undefined,
			null,
			{ timeout: 120_000, polling: 50 }
		);
		const f = await figures(s.page);
		return f.chart === undefined ? null : Math.max(f.fcp ?? 0, f.chart);
	} finally {
		await s.close();
		profile.remove();
	}
}

async function serverFigures(base: Served) {
	const server = await startServer(SERVER);
	try {
		const pages = [
			{ id: 'observatory', path: '/', label: 'observatory `/`' },
			{ id: 'profile', path: '/distritos/150101', label: 'district profile' }
		];
		for (const p of pages) {
			const app: number[] = [];
			const baseline: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				// alternate the order, so neither always runs first
				const pair = [
					async () => app.push((await coldFirstChart(server.url + p.path)) ?? NaN),
					async () => baseline.push((await coldFirstChart(base.url + p.path)) ?? NaN)
				];
				if (i % 2) pair.reverse();
				for (const run of pair) await run();
				log(`  server ${p.id} #${i + 1}: ${round(app[i])} ms (baseline ${round(baseline[i])} ms)`);
			}
			const value = round(median(app.filter(Number.isFinite)));
			const baseValue = round(median(baseline.filter(Number.isFinite)));
			const ratio = ratioFaster(value, baseValue);
			add({
				id: `server-first-chart-${p.id}`,
				label: `7. Server: first chart of the ${p.label}, cold`,
				unit: 'ms',
				value,
				runs: app.map((v) => round(v)),
				baseline: {
					label: 'baseline build: waits for DuckDB + queries',
					value: baseValue,
					runs: baseline.map((v) => round(v))
				},
				ratio,
				ratioKind: 'faster',
				target: '≤ 500 ms and ≥ 5× faster',
				met: value <= 500 && (ratio ?? 0) >= 5,
				note: 'npm start (adapter-node, embedded store with the demo data), rendered per request from the published data; the baseline is the static site that waits for DuckDB'
			});
		}
	} finally {
		await server.close();
	}
}

async function pageFigures(app: Served, base: Served) {
	const runs: Record<'app' | 'base', { cold: Visit; warm: Visit }[]> = { app: [], base: [] };
	for (let i = 0; i < RUNS; i++) {
		// Alternate the order, so neither build always runs first.
		const order = i % 2 === 0 ? (['app', 'base'] as const) : (['base', 'app'] as const);
		for (const which of order) {
			const server = which === 'app' ? app : base;
			const root = which === 'app' ? APP : BASELINE;
			const profile = freshProfile();
			try {
				const cold = await visit(server, root, profile.dir, which === 'app');
				const warm = await visit(server, root, profile.dir, which === 'app');
				runs[which].push({ cold, warm });
				log(
					`  ${which} #${i + 1}: first chart ${cold.firstChart?.toFixed(0)} ms, ready ${cold.ready?.toFixed(0)} ms cold / ${warm.ready?.toFixed(0)} ms warm`
				);
			} finally {
				profile.remove();
			}
		}
	}
	const m = (which: 'app' | 'base', pick: (r: { cold: Visit; warm: Visit }) => number | null) => {
		const values = runs[which].map(pick).filter((v): v is number => v !== null);
		return { value: round(median(values)), runs: values.map((v) => round(v)) };
	};

	const chart = m('app', (r) => r.cold.firstChart);
	const chartBase = m('base', (r) => r.cold.firstChart);
	const chartRatio = ratioFaster(chart.value, chartBase.value);
	add({
		id: 'first-chart-cold',
		label: '1. First chart (heatmap painted), cold',
		unit: 'ms',
		...chart,
		baseline: { label: 'baseline build: waits for DuckDB + queries', ...chartBase },
		ratio: chartRatio,
		ratioKind: 'faster',
		target: '≤ 500 ms and ≥ 5× faster',
		met: chart.value <= 500 && (chartRatio ?? 0) >= 5
	});
	const warmChart = m('app', (r) => r.warm.firstChart);
	const warmChartBase = m('base', (r) => r.warm.firstChart);
	add({
		id: 'first-chart-warm',
		label: '1. First chart, repeat visit',
		unit: 'ms',
		...warmChart,
		baseline: { label: 'baseline build, HTTP cache', ...warmChartBase },
		ratio: ratioFaster(warmChart.value, warmChartBase.value),
		ratioKind: 'faster'
	});
	const cls = m('app', (r) => r.cold.f.cls);
	const moved = m('app', (r) => r.cold.heatmapMoved);
	add({
		id: 'takeover-shift',
		label: '1. Layout shift until the engine took over (CLS; heatmap moved, px)',
		unit: 'CLS',
		value: round(median(runs.app.map((r) => r.cold.f.cls)), 4),
		runs: runs.app.map((r) => round(r.cold.f.cls, 4)),
		target: 'nothing jumps (CLS < 0.01, heatmap moved 0 px)',
		met: median(runs.app.map((r) => r.cold.f.cls)) < 0.01 && moved.value === 0,
		note: `heatmap box moved ${moved.value} px (median); takeover at ${m('app', (r) => r.cold.takeover).value} ms`
	});
	void cls;

	/** Medians of the marks: hydrated → engine started (idle) → wasm instantiated → open → datasets loaded. */
	const phases = (v: 'cold' | 'warm') => {
		const at = (which: 'app' | 'base', k: keyof PageFigures) =>
			m(which, (r) => (r[v].f[k] as number | undefined) ?? null).value;
		return (
			`Integra: hydrated ${at('app', 'hydrated')} ms → engine started ${at('app', 'engineStart')} → wasm instantiated ${at('app', 'engineInstantiated')} → DuckDB open ${at('app', 'engineOpen')} → data loaded ${at('app', 'engineReady')}; ` +
			`baseline: started ${at('base', 'engineStart')} → instantiated ${at('base', 'engineInstantiated')} → open ${at('base', 'engineOpen')} → loaded ${at('base', 'engineReady')}`
		);
	};
	const readyCold = m('app', (r) => r.cold.ready);
	const readyColdBase = m('base', (r) => r.cold.ready);
	add({
		id: 'engine-ready-cold',
		label: '2. Engine ready for queries (demo data loaded), cold',
		unit: 'ms',
		...readyCold,
		baseline: { label: 'baseline build (engine started at mount)', ...readyColdBase },
		ratio: ratioFaster(readyCold.value, readyColdBase.value),
		ratioKind: 'faster',
		target: '≤ 2500 ms',
		met: readyCold.value <= 2500,
		note: phases('cold')
	});
	const readyWarm = m('app', (r) => r.warm.ready);
	const readyWarmBase = m('base', (r) => r.warm.ready);
	add({
		id: 'engine-ready-warm',
		label: '2. Engine ready, repeat visit (service worker)',
		unit: 'ms',
		...readyWarm,
		baseline: { label: 'baseline build, HTTP cache only', ...readyWarmBase },
		ratio: ratioFaster(readyWarm.value, readyWarmBase.value),
		ratioKind: 'faster',
		target: '≤ 1000 ms',
		met: readyWarm.value <= 1000,
		note: phases('warm')
	});

	const w = (
		which: 'app' | 'base',
		visitKind: 'cold' | 'warm',
		pick: (w: Visit['weights']) => number
	) => round(median(runs[which].map((r) => pick(r[visitKind].weights))));
	const jsGz = w('app', 'cold', (x) => x.jsBeforeChart.gz);
	add({
		id: 'js-before-chart',
		label: '5. JS before the first chart (gzip; brotli in note)',
		unit: 'B',
		value: jsGz,
		baseline: { label: 'baseline build', value: w('base', 'cold', (x) => x.jsBeforeChart.gz) },
		target: '≤ 150 KB gzip (wasm excluded)',
		met: jsGz <= 150 * 1024,
		note: `brotli ${w('app', 'cold', (x) => x.jsBeforeChart.br)} B, raw ${w('app', 'cold', (x) => x.jsBeforeChart.raw)} B, ${w('app', 'cold', (x) => x.jsBeforeChart.files)} files; baseline brotli ${w('base', 'cold', (x) => x.jsBeforeChart.br)} B`
	});
	add({
		id: 'css-before-chart',
		label: '5. CSS before the first chart (gzip; brotli in note)',
		unit: 'B',
		value: w('app', 'cold', (x) => x.cssBeforeChart.gz),
		baseline: { label: 'baseline build', value: w('base', 'cold', (x) => x.cssBeforeChart.gz) },
		note: `brotli ${w('app', 'cold', (x) => x.cssBeforeChart.br)} B`
	});
	add({
		id: 'html-before-chart',
		label: '5. HTML sent before the first chart (as sent, brotli)',
		unit: 'B',
		value: w('app', 'cold', (x) => x.htmlBeforeChart),
		baseline: { label: 'baseline build', value: w('base', 'cold', (x) => x.htmlBeforeChart) }
	});
	const wasm = w('app', 'cold', (x) => x.wasmSent);
	add({
		id: 'wasm-downloaded',
		label: '5. Wasm downloaded, first visit',
		unit: 'B',
		value: wasm,
		baseline: { label: 'baseline build', value: w('base', 'cold', (x) => x.wasmSent) },
		note: `encoding ${runs.app[0]?.cold.weights.wasmEncoding}, ${runs.app[0]?.cold.weights.wasmRequests} request(s) (page + service worker precache)`
	});
	add({
		id: 'first-visit-total',
		label: '5. Everything sent, first visit (incl. service worker precache)',
		unit: 'B',
		value: w('app', 'cold', (x) => x.total),
		baseline: { label: 'baseline build', value: w('base', 'cold', (x) => x.total) },
		note: `${w('app', 'cold', (x) => x.requests)} requests vs ${w('base', 'cold', (x) => x.requests)}`
	});
	add({
		id: 'repeat-visit-total',
		label: '5. Everything sent, repeat visit',
		unit: 'B',
		value: w('app', 'warm', (x) => x.total),
		baseline: { label: 'baseline build, HTTP cache', value: w('base', 'warm', (x) => x.total) },
		note: `wasm on the repeat visit: ${w('app', 'warm', (x) => x.wasmSent)} B (baseline ${w('base', 'warm', (x) => x.wasmSent)} B)`
	});
	const brief = (f: PageFigures) => {
		const { queries, clicks, ...rest } = f;
		void clicks;
		return { ...rest, queries: queries.length };
	};
	extra.visits = {
		app: runs.app.map((r) => ({ cold: brief(r.cold.f), warm: brief(r.warm.f) })),
		baseline: runs.base.map((r) => ({ cold: brief(r.cold.f), warm: brief(r.warm.f) }))
	};
}

// ---------------------------------------------------------------------------
// 2 (why): the engine's start, cold, with the demo data through the pipeline or a typed read_csv

/**
 * Each start in a new browser context, hence a new renderer process: V8 shares
 * compiled wasm between engines of one process, so a second engine in the
 * same page would skip the compilation a user's first start pays.
 */
async function coldStarts(harnessServer: Served) {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	const fresh: Record<'snapshot' | 'pipeline' | 'typed', { engineMs: number; dataMs: number }[]> = {
		snapshot: [],
		pipeline: [],
		typed: []
	};
	const order = ['snapshot', 'pipeline', 'typed'] as const;
	try {
		for (let i = 0; i < RUNS; i++) {
			// rotated, so no way of loading always runs first
			for (const path of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
				const context = await browser.newContext();
				const page = await context.newPage();
				await page.goto(`${harnessServer.url}/index.html`);
				await page.waitForSelector('#status[data-ready]');
				fresh[path].push(
					await page.evaluate(
						(p) =>
							(
								window as unknown as {
									__harness: {
										startFresh(p: string): Promise<{ engineMs: number; dataMs: number }>;
									};
								}
							).__harness.startFresh(p),
						path
					)
				);
				await context.close();
			}
		}
	} finally {
		await browser.close();
	}
	return fresh;
}

// ---------------------------------------------------------------------------
// 3. Import, in one page: Integra's pipeline, bare read_csv, papaparse + d3-array; native DuckDB

type Harness = Record<string, (...a: never[]) => unknown>;

async function importFigures(harnessServer: Served, files: Record<string, string>) {
	const profile = freshProfile();
	const s = await launch(profile.dir, { heapEveryMs: 100 });
	const h = <T>(fn: string, ...a: unknown[]) =>
		s.page.evaluate(
			([fn, a]) =>
				(
					(window as unknown as { __harness: Harness }).__harness[fn as string] as (
						...x: unknown[]
					) => unknown
				)(...(a as unknown[])),
			[fn, a] as const
		) as Promise<T>;
	try {
		await s.page.goto(`${harnessServer.url}/index.html`);
		await s.page.waitForSelector('#status[data-ready]');
		const start = await h<{ engineMs: number; datasetsMs: number }>('start');
		log(
			`  harness engine: wasm ${start.engineMs.toFixed(0)} ms, demo data ${start.datasetsMs.toFixed(0)} ms`
		);
		const fresh = await coldStarts(harnessServer);
		const dataSnap = median(fresh.snapshot.map((r) => r.dataMs));
		const dataPipe = median(fresh.pipeline.map((r) => r.dataMs));
		const dataTyped = median(fresh.typed.map((r) => r.dataMs));
		add({
			id: 'demo-load',
			label:
				'2. (why) Cold engine (new process): demo data from the build snapshot (Arrow) vs typed read_csv',
			unit: 'ms',
			value: round(dataSnap),
			runs: fresh.snapshot.map((r) => round(r.dataMs)),
			baseline: {
				label: 'same 6 files, one typed read_csv each, no validation',
				value: round(dataTyped),
				runs: fresh.typed.map((r) => round(r.dataMs))
			},
			ratio: round(dataSnap / dataTyped, 1),
			ratioKind: 'of-baseline',
			note: `through the import pipeline (the fallback) ${round(dataPipe)} ms; wasm start (worker, fetch, compile, open) ${round(median([...fresh.snapshot, ...fresh.pipeline, ...fresh.typed].map((r) => r.engineMs)))} ms before any`
		});
		extra.demoSteps = ((await h('demo')) as { pipeline: unknown }).pipeline;
		extra.harnessStart = start;

		let peakPipeline = 0;
		let peakPapa = 0;
		for (const [label, path] of Object.entries(files)) {
			const name = path.split('/').pop()!;
			const bytes = await h<number>('load', name);
			const mb = bytes / 1e6;
			const pipe: number[] = [];
			const pipeSteps: Record<string, number>[] = [];
			const gaps: number[] = [];
			const bare: number[] = [];
			const parse: number[] = [];
			const papaGaps: number[] = [];
			const agg: { duck: number[]; bare: number[]; d3: number[] } = { duck: [], bare: [], d3: [] };
			const nat: { readMs: number; aggregateMs: number; threads: number }[] = [];
			for (let i = 0; i < RUNS; i++) {
				// Garbage of the previous method (papaparse's rows) would count as this one's heap.
				await s.cdp.send('HeapProfiler.collectGarbage');
				s.resetPeak();
				const p = await h<{
					ms: number;
					steps: Record<string, number>;
					loaded: number;
					longestTaskMs: number;
				}>('pipeline', name);
				if (p.loaded === 0) throw new Error(`pipeline loaded nothing from ${name}`);
				pipe.push(p.ms);
				pipeSteps.push(p.steps);
				gaps.push(p.longestTaskMs);
				await new Promise((r) => setTimeout(r, 150)); // one more heap sample
				peakPipeline = Math.max(peakPipeline, s.peakHeap());
				agg.duck.push((await h<{ ms: number }>('aggregate', 'activities')).ms);
				const b = await h<{ ms: number }>('bare', name);
				bare.push(b.ms);
				agg.bare.push((await h<{ ms: number }>('aggregate', '__bench_bare')).ms);
				await h('dropBare');
				const keep = label === '1m' && i === RUNS - 1;
				await s.cdp.send('HeapProfiler.collectGarbage');
				s.resetPeak();
				const pp = await h<{ parseMs: number; aggregateMs: number; longestTaskMs: number }>(
					'papa',
					name,
					keep
				);
				parse.push(pp.parseMs);
				agg.d3.push(pp.aggregateMs);
				papaGaps.push(pp.longestTaskMs);
				await new Promise((r) => setTimeout(r, 250));
				peakPapa = Math.max(peakPapa, s.peakHeap());
				// Native in the same loop, so that it meets the same machine load.
				nat.push(await nativeRun(path, aggregateSql));
			}
			const P = median(pipe);
			const B = median(bare);
			const N = median(nat.map((n) => n.readMs));
			const Q = median(parse);
			const rows = label === '1m' ? '1,000,000' : '100,000';
			const mbs = (ms: number) => round(mb / (ms / 1000), 1);
			add({
				id: `import-${label}-bare`,
				label: `3. Import ${rows} rows (${mb.toFixed(1)} MB): Integra pipeline vs bare read_csv (same page)`,
				unit: 'ms',
				value: round(P),
				runs: pipe.map((v) => round(v)),
				baseline: {
					label: 'bare read_csv → table',
					value: round(B),
					runs: bare.map((v) => round(v))
				},
				ratio: round(P / B, 2),
				ratioKind: 'of-baseline',
				target: label === '1m' ? '≤ 1.5× bare read_csv' : undefined,
				met: label === '1m' ? P / B <= 1.5 : undefined,
				note: `${mbs(P)} MB/s vs ${mbs(B)} MB/s; longest main-thread stall ${round(median(gaps))} ms`
			});
			add({
				id: `import-${label}-papa`,
				label: `3. Import ${rows}: Integra pipeline + aggregation vs papaparse + d3-array`,
				unit: 'ms',
				value: round(P + median(agg.duck)),
				baseline: {
					label: 'papaparse parse + d3 rollup',
					value: round(Q + median(agg.d3)),
					runs: parse.map((v, i) => round(v + agg.d3[i]))
				},
				ratio: ratioFaster(P + median(agg.duck), Q + median(agg.d3)),
				ratioKind: 'faster',
				note: `parse ${round(Q)} ms (${mbs(Q)} MB/s) + rollup ${round(median(agg.d3))} ms vs GROUP BY ${round(median(agg.duck))} ms; papaparse stalls the page ${round(median(papaGaps))} ms`
			});
			add({
				id: `import-${label}-native`,
				label: `3. Import ${rows}: bare read_csv in the page vs native DuckDB (Node, ${nat[0].threads} threads)`,
				unit: 'ms',
				value: round(B),
				baseline: {
					label: '@duckdb/node-api read_csv',
					value: round(N),
					runs: nat.map((n) => round(n.readMs))
				},
				ratio: round(B / N, 1),
				ratioKind: 'of-baseline',
				note: `${mbs(B)} MB/s vs native ${mbs(N)} MB/s; pipeline ${round(P / N, 1)}× native; native GROUP BY ${round(median(nat.map((n) => n.aggregateMs)))} ms vs wasm ${round(median(agg.bare))} ms`
			});
			extra[`importSteps-${label}`] = pipeSteps[pipeSteps.length - 1];
			log(
				`  import ${label}: pipeline ${round(P)} ms, bare ${round(B)} ms, papaparse ${round(Q)} ms, native ${round(N)} ms`
			);
		}
		const mem = await h<{ duckdbMemoryBytes: number; databaseSize: Record<string, unknown> }>(
			'engineMemory'
		);
		extra.harnessMemory = { peakHeapPipeline: peakPipeline, peakHeapPapa: peakPapa, ...mem };
		return { harness: h, session: s, profile, peakPipeline, peakPapa };
	} catch (error) {
		await s.close();
		profile.remove();
		throw error;
	}
}

/** The worker answers one request at a time: a query's own time starts when the previous answer left. */
function serviceTimes(queries: PageFigures['queries']) {
	const sorted = [...queries].sort((a, b) => a.end - b.end);
	return sorted.map((q, i) => ({
		...q,
		ms: q.end - Math.max(q.start, i > 0 ? sorted[i - 1].end : -Infinity)
	}));
}

// ---------------------------------------------------------------------------
// 4 and 6: /actividades with 1,000,000 rows (loaded through /datos), memory

const DIMS = ['type', 'audience', 'topic', 'modality'] as const;

async function activityFigures(
	app: Served,
	bigFile: string,
	harness: {
		harness: <T>(fn: string, ...a: unknown[]) => Promise<T>;
		peakPapa: number;
		peakPipeline: number;
	}
) {
	if (!existsSync('src/routes/actividades/+page.svelte')) {
		log('  skipped: /actividades not built');
		add({
			id: 'filter-latency',
			label: '4. Filter latency on /actividades, 1,000,000 rows',
			unit: 'ms',
			value: null,
			note: 'skipped: /actividades not built',
			met: null
		});
		return;
	}
	const profile = freshProfile();
	const s = await launch(profile.dir, { heapEveryMs: 100 });
	try {
		const { page } = s;
		// The app's way in: /datos, the file input, analyse, load (kept in IndexedDB).
		await page.goto(`${app.url}/datos`);
		await page.waitForSelector(
			'[data-testid="datasets"] tr[data-dataset="actions"]:not([data-rows=""])',
			{ timeout: 120_000 }
		);
		const t0 = Date.now();
		await page.setInputFiles('[data-testid="file-input"]', bigFile);
		const card = '[data-testid="file-card"]';
		await page.waitForSelector(`${card}[data-phase="ready"]`, { timeout: 300_000 });
		const analysed = Date.now() - t0;
		const t1 = Date.now();
		await page.locator(`${card} [data-testid="load"]`).click();
		await page.waitForSelector(`${card}[data-phase="loaded"]`, { timeout: 300_000 });
		const loaded = Date.now() - t1;
		const stall = await page.evaluate(
			() => (window as unknown as { __bench: { gap: number } }).__bench.gap
		);
		add({
			id: 'import-1m-datos',
			label: '3. Import 1,000,000 rows through /datos (file → analysed → loaded + saved), 1 run',
			unit: 'ms',
			value: analysed + loaded,
			note: `analysed ${analysed} ms, loaded and saved to IndexedDB ${loaded} ms; longest main-thread stall ${round(stall)} ms`
		});
		log(`  /datos: analysed ${analysed} ms, loaded ${loaded} ms`);

		// A fresh page: the engine replays the saved import, then /actividades builds its cube.
		const t2 = Date.now();
		await page.goto(`${app.url}/actividades`);
		await page.waitForFunction(
			() => {
				const el = document.querySelector<HTMLElement>('[data-testid="activities"]');
				return (
					!!el &&
					el.dataset.state === location.search &&
					el.dataset.settled === 'true' &&
					el.dataset.source === 'engine'
				);
			},
			null,
			{ timeout: 300_000 }
		);
		const live = Date.now() - t2;
		const ready = await page.evaluate(
			() => performance.getEntriesByName('integra:engine-ready')[0]?.startTime ?? null
		);
		add({
			id: 'activities-1m-live',
			label:
				'4. /actividades with 1,000,000 saved rows: navigation → every chart live (replay + cube), 1 run',
			unit: 'ms',
			value: live,
			note: `engine ready (saved import replayed) at ${round(ready ?? NaN)} ms`
		});

		// The filter values, as the page offers them.
		const values: Record<string, string[]> = {};
		for (const dim of DIMS) {
			const panel = page.locator(`[data-testid="act-filter-${dim}"]`);
			await panel.locator('summary').click();
			values[dim] = await panel
				.locator('input[type="checkbox"]')
				.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		}
		const clicks: { dim: string; value: string }[] = [];
		for (let i = 0; i < CLICKS; i++) {
			const dim = DIMS[i % DIMS.length];
			clicks.push({ dim, value: values[dim][Math.floor(i / DIMS.length) % 3] });
		}
		// Every click toggles one value: the chosen sets evolve, so no answer repeats the last.
		// Before each click the engine is idle (the last click's table query, and the page's
		// getting the next click ready, done too), as after a user's pause: each latency is
		// the click's own, not a queue of earlier ones.
		const idle = () =>
			page.waitForFunction(
				() => (window as unknown as { __bench: { inflight: number } }).__bench.inflight === 0,
				null,
				{ timeout: 60_000, polling: 20 }
			);
		const latencies: number[] = [];
		const clickTimes: number[] = [];
		for (const c of clicks) {
			await idle();
			clickTimes.push(await page.evaluate(() => performance.now()));
			const before = await page.evaluate(
				() => (window as unknown as { __bench: { clicks: number[] } }).__bench.clicks.length
			);
			await page.locator(`[data-testid="act-filter-${c.dim}"] input[value="${c.value}"]`).click();
			await page.waitForFunction(
				(n) => (window as unknown as { __bench: { clicks: number[] } }).__bench.clicks.length > n,
				before,
				{ timeout: 60_000, polling: 20 }
			);
			latencies.push(
				await page.evaluate(() =>
					(window as unknown as { __bench: { clicks: number[] } }).__bench.clicks.at(-1)!
				)
			);
		}
		await idle();
		// Where a click's time goes: the queries it sent, each with its time in the worker
		// (which answers one at a time: from the later of its request and the previous
		// answer, to its answer), grouped by the start of their SQL.
		const queries = serviceTimes((await figures(page)).queries).filter(
			(q) => q.start >= clickTimes[0]
		);
		const bySql = new Map<string, number[]>();
		for (const q of queries) {
			// Numbered temporary names (`__slice_12`) count as one statement.
			const key = (q.sql ?? '?').replace(/\s+/g, ' ').replace(/\d+/g, '#').slice(0, 70);
			bySql.set(key, [...(bySql.get(key) ?? []), q.ms]);
		}
		const perClick = clickTimes.map((t, i) => {
			const end = clickTimes[i + 1] ?? Infinity;
			const mine = queries.filter((q) => q.start >= t && q.start < end);
			return { queries: mine.length, engineMs: round(mine.reduce((n, q) => n + q.ms, 0)) };
		});
		extra.filterQueries = {
			perClick,
			bySql: [...bySql.entries()]
				.map(([sql, ms]) => ({
					sql,
					n: ms.length,
					p50: round(median(ms)),
					max: round(Math.max(...ms))
				}))
				.sort((a, b) => b.p50 * b.n - a.p50 * a.n)
				.slice(0, 12)
		};
		// The same states for papaparse + d3-array (the year the page shows by default: the latest).
		const year = await page.evaluate(() => {
			const v = (document.querySelector('#act-year-to') as HTMLSelectElement | null)?.value;
			return v ? Number(v) : null;
		});
		const y = year ?? 2024;
		const chosen: Record<string, Set<string>> = Object.fromEntries(DIMS.map((d) => [d, new Set()]));
		const states = clicks.map((c) => {
			const set = chosen[c.dim];
			if (set.has(c.value)) set.delete(c.value);
			else set.add(c.value);
			return {
				from: `${y}-01-01`,
				to: `${y}-12-31`,
				prevFrom: `${y - 1}-01-01`,
				prevTo: `${y - 1}-12-31`,
				values: Object.fromEntries(DIMS.map((d) => [d, [...chosen[d]]]))
			};
		});
		const d3 = await harness.harness<number[]>('filterClicks', states);
		const p95 = percentile(latencies, 95);
		const p95d3 = percentile(d3, 95);
		add({
			id: 'filter-latency',
			label: `4. Filter click → every chart updated, /actividades, 1,000,000 rows, p95 (${CLICKS} clicks)`,
			unit: 'ms',
			value: round(p95),
			runs: latencies.map((v) => round(v)),
			baseline: {
				label: 'papaparse rows + d3-array, same filters and views (computation only)',
				value: round(p95d3),
				runs: d3.map((v) => round(v))
			},
			ratio: ratioFaster(p95, p95d3),
			ratioKind: 'faster',
			target: 'p95 ≤ 100 ms',
			met: p95 <= 100,
			note: `p50 ${round(percentile(latencies, 50))} ms vs d3 p50 ${round(percentile(d3, 50))} ms`
		});
		log(
			`  filter clicks: p50 ${round(percentile(latencies, 50))} ms, p95 ${round(p95)} ms; d3 p95 ${round(p95d3)} ms`
		);

		// 6. Memory at a million rows: the page's JS heap (peak), DuckDB's own accounting.
		await page.getByRole('navigation').getByRole('link', { name: 'Datos' }).click();
		await page.waitForFunction(
			() => 'engine' in ((window as { __integra?: object }).__integra ?? {})
		);
		const mem = await page.evaluate(async () => {
			const e = (
				window as unknown as {
					__integra: { engine: () => { query(s: string): Promise<Record<string, unknown>[]> } };
				}
			).__integra.engine();
			const [m] = await e.query('SELECT sum(memory_usage_bytes)::DOUBLE AS b FROM duckdb_memory()');
			const [size] = await e.query('PRAGMA database_size');
			const tags = await e.query(
				'SELECT tag, memory_usage_bytes::DOUBLE AS b FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY b DESC'
			);
			// The activity cube's size against the raw rows (when the page built one).
			const cube = await e
				.query(
					`SELECT (SELECT count(*) FROM activities)::INTEGER AS activities,
						(SELECT count(*) FROM __activity_cube)::INTEGER AS cube_rows,
						(SELECT count(*) FROM __activity_cube_m)::INTEGER AS month_rows`
				)
				.catch(() => []);
			return { bytes: Number(m.b), size, tags, cube: cube[0] ?? null };
		});
		add({
			id: 'memory-heap',
			label: '6. Peak JS heap (main thread), 1,000,000 rows: import + /actividades',
			unit: 'B',
			value: s.peakHeap(),
			baseline: {
				label: 'papaparse + d3-array page, 1,000,000 rows parsed',
				value: harness.peakPapa
			},
			ratio: ratioFaster(s.peakHeap(), harness.peakPapa),
			note: `the import page's peak while Integra's pipeline imported 1,000,000 rows: ${round(harness.peakPipeline / 1e6, 1)} MB`,
			ratioKind: 'faster'
		});
		add({
			id: 'memory-engine',
			label: '6. DuckDB memory at 1,000,000 rows (duckdb_memory(), cube included)',
			unit: 'B',
			value: mem.bytes,
			note: `PRAGMA database_size: memory_usage ${String(mem.size.memory_usage)}, limit ${String(mem.size.memory_limit)}`
		});
		extra.engineMemoryTags = mem.tags;
		extra.activityCube = mem.cube;
	} finally {
		await s.close();
		profile.remove();
	}
}

// ---------------------------------------------------------------------------
// Table

function fmt(v: number | null | undefined, unit: string): string {
	if (v === null || v === undefined || Number.isNaN(v)) return '–';
	if (unit === 'B') {
		if (v >= 1e6) return `${(v / 1e6).toFixed(2)} MB`;
		return `${(v / 1024).toFixed(1)} KB`;
	}
	if (unit === 'ms') return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
	return String(v);
}

function table(machine: string): string {
	const lines = [
		`Integra bench — ${machine}`,
		'',
		'| Figure | Integra | Baseline | Ratio | Target | Met |',
		'|---|---|---|---|---|---|'
	];
	for (const f of results) {
		const ratio =
			f.ratio === undefined || f.ratio === null
				? ''
				: f.ratioKind === 'faster'
					? `${f.ratio}× faster`
					: `${f.ratio}×`;
		const base = f.baseline ? `${fmt(f.baseline.value, f.unit)} (${f.baseline.label})` : '';
		const met = f.met === undefined ? '' : f.met === null ? 'n/a' : f.met ? 'yes' : '**no**';
		const value = f.unit === 'CLS' ? String(f.value) : fmt(f.value, f.unit);
		lines.push(`| ${f.label} | ${value} | ${base} | ${ratio} | ${f.target ?? ''} | ${met} |`);
	}
	lines.push('', 'Notes:');
	for (const f of results) if (f.note) lines.push(`- ${f.label}: ${f.note}`);
	return lines.join('\n');
}

// ---------------------------------------------------------------------------

async function main() {
	const chromiumVersion = execFileSync(CHROMIUM, ['--version']).toString().trim();
	const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, ${chromiumVersion} headless, Node ${process.version}, ${RUNS} runs`;
	const load0 = loadavg()[0];
	log(`machine: ${machine}; load average ${load0.toFixed(2)}`);

	let buildTimes: Record<string, number> = {};
	const importOnly = only?.every((p) => p === 'import') ?? false;
	if (args.has('--no-build') && built(importOnly ? [HARNESS] : undefined)) {
		log('reusing bench/.out builds');
		linkData();
	} else if (importOnly) {
		// The import figures use the import page only: the app and baseline builds are not served.
		log('building the import page');
		const t0 = Date.now();
		mkdirSync(DATA, { recursive: true });
		buildHarness();
		buildTimes = { harness: Date.now() - t0 };
	} else {
		log('building app, baseline and import page');
		buildTimes = buildAll(log);
	}
	mkdirSync(DATA, { recursive: true });
	await writeDemoSnapshot(join(DATA, 'snapshot'));
	log('generating activity files');
	const files = {
		'100k': await activitiesFile(DATA, 100_000),
		'1m': await activitiesFile(DATA, 1_000_000)
	};

	const app = await serve(APP);
	const base = await serve(BASELINE);
	const harnessServer = await serve(HARNESS);
	let harness: Awaited<ReturnType<typeof importFigures>> | null = null;
	try {
		if (part('pages')) {
			log('1, 2, 5: first chart, engine ready, weights (cold and repeat visits)');
			await pageFigures(app, base);
		}
		if (part('server')) {
			log('7: the Integra server: first chart of / and of a district profile (cold)');
			await serverFigures(base);
		}
		if (part('import')) {
			log('3: import (page pipeline, bare read_csv, papaparse + d3-array, native DuckDB)');
			harness = await importFigures(harnessServer, files);
		}
		if (part('activities') && harness) {
			log('4, 6: /actividades filter latency and memory at 1,000,000 rows');
			await activityFigures(app, files['1m'], harness);
		}
	} finally {
		await harness?.session.close();
		harness?.profile.remove();
		await Promise.all([app.close(), base.close(), harnessServer.close()]);
	}

	const out = {
		machine,
		loadAverage: { start: round(load0, 2), end: round(loadavg()[0], 2) },
		runs: RUNS,
		durationS: round((Date.now() - started) / 1000),
		buildMs: buildTimes,
		figures: results,
		details: extra
	};
	// Formatted as the repository's prettier would (results.json is committed).
	// A partial run (--only) must not replace the committed figures.
	const file = only ? 'bench/.out/results.partial.json' : 'bench/results.json';
	const options = (await prettier.resolveConfig(file)) ?? {};
	writeFileSync(file, await prettier.format(JSON.stringify(out), { ...options, filepath: file }));
	console.log(`\n${table(machine)}\n`);
	log(`wrote ${file} (load average ${round(load0, 2)} → ${round(loadavg()[0], 2)})`);
}

await main();
