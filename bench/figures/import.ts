/**
 * Figure 3 (import, in one page: Integra's pipeline, bare read_csv, papaparse +
 * d3-array; native DuckDB in Node) and figure 2's why (the engine's cold start
 * with the demo data through the pipeline or a typed read_csv).
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { aggregateSql } from '../lib/aggregate';
import { CHROMIUM, freshProfile, launch } from '../lib/chromium';
import { nativeRun } from '../lib/native';
import type { Served } from '../lib/serve';
import { median, round } from '../lib/stats';
import { RUNS, log } from './options';
import { add, extra, ratioFaster } from './results';

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

// 3. Import, in one page: Integra's pipeline, bare read_csv, papaparse + d3-array; native DuckDB

type Harness = Record<string, (...a: never[]) => unknown>;

export async function importFigures(harnessServer: Served, files: Record<string, string>) {
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
