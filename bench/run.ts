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
 *
 * This file only runs the parts in order and writes the results; each part is
 * in bench/figures/ (pages: 1, 2, 5; server: 7; import: 2 (why), 3;
 * activities: 4, 6; report: the table), on top of the tools in bench/lib/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { APP, BASELINE, buildAll, buildHarness, built, DATA, HARNESS, linkData } from './lib/build';
import { CHROMIUM } from './lib/chromium';
import { activitiesFile } from './lib/generate';
import { serve } from './lib/serve';
import { writeDemoSnapshot } from './lib/snapshot';
import { round } from './lib/stats';
import { activityFigures } from './figures/activities';
import { importFigures } from './figures/import';
import { RUNS, args, log, only, part, started } from './figures/options';
import { pageFigures } from './figures/pages';
import { table } from './figures/report';
import { extra, results } from './figures/results';
import { serverFigures } from './figures/server';

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
