/** Figures 4 and 6: /actividades with 1,000,000 rows (loaded through /datos), and memory. */
import { existsSync } from 'node:fs';
import { figures, freshProfile, launch, type PageFigures } from '../lib/chromium';
import type { Served } from '../lib/serve';
import { median, percentile, round } from '../lib/stats';
import { CLICKS, log } from './options';
import { add, extra, ratioFaster } from './results';

/** The worker answers one request at a time: a query's own time starts when the previous answer left. */
function serviceTimes(queries: PageFigures['queries']) {
	const sorted = [...queries].sort((a, b) => a.end - b.end);
	return sorted.map((q, i) => ({
		...q,
		ms: q.end - Math.max(q.start, i > 0 ? sorted[i - 1].end : -Infinity)
	}));
}

const DIMS = ['type', 'audience', 'topic', 'modality'] as const;

export async function activityFigures(
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
