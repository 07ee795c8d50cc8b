/** Figure 7: the Integra server's first chart (server-rendered from the published data). */
import { SERVER } from '../lib/build';
import { figures, freshProfile, launch } from '../lib/chromium';
import type { Served } from '../lib/serve';
import { startServer } from '../lib/server';
import { median, round } from '../lib/stats';
import { RUNS, log } from './options';
import { add, ratioFaster } from './results';

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

export async function serverFigures(base: Served) {
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
