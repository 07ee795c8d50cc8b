/**
 * Figures 1, 2 and 5: first chart, engine ready and weights, each for a cold
 * visit (fresh profile) and a repeat one, of the app and of the baseline build.
 */
import { APP, BASELINE } from '../lib/build';
import { figures, freshProfile, launch, type PageFigures } from '../lib/chromium';
import type { Served } from '../lib/serve';
import { median, round } from '../lib/stats';
import { RUNS, log } from './options';
import { add, extra, ratioFaster } from './results';
import { weigh } from './weights';

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

export async function pageFigures(app: Served, base: Served) {
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

	/** A time of the app against the baseline build's (medians of the runs), as "× faster". */
	const versus = (
		pick: (r: { cold: Visit; warm: Visit }) => number | null,
		figure: {
			id: string;
			label: string;
			baseline: string;
			target?: string;
			met?: (value: number, ratio: number | null) => boolean;
			note?: string;
		}
	) => {
		const app = m('app', pick);
		const base = m('base', pick);
		const ratio = ratioFaster(app.value, base.value);
		add({
			id: figure.id,
			label: figure.label,
			unit: 'ms',
			...app,
			baseline: { label: figure.baseline, ...base },
			ratio,
			ratioKind: 'faster',
			target: figure.target,
			met: figure.met?.(app.value, ratio),
			note: figure.note
		});
	};

	versus((r) => r.cold.firstChart, {
		id: 'first-chart-cold',
		label: '1. First chart (heatmap painted), cold',
		baseline: 'baseline build: waits for DuckDB + queries',
		target: '≤ 500 ms and ≥ 5× faster',
		met: (value, ratio) => value <= 500 && (ratio ?? 0) >= 5
	});
	versus((r) => r.warm.firstChart, {
		id: 'first-chart-warm',
		label: '1. First chart, repeat visit',
		baseline: 'baseline build, HTTP cache'
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
	versus((r) => r.cold.ready, {
		id: 'engine-ready-cold',
		label: '2. Engine ready for queries (demo data loaded), cold',
		baseline: 'baseline build (engine started at mount)',
		target: '≤ 2500 ms',
		met: (value) => value <= 2500,
		note: phases('cold')
	});
	versus((r) => r.warm.ready, {
		id: 'engine-ready-warm',
		label: '2. Engine ready, repeat visit (service worker)',
		baseline: 'baseline build, HTTP cache only',
		target: '≤ 1000 ms',
		met: (value) => value <= 1000,
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
