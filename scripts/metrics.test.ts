import { execFile, execFileSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../src/lib/engine/node';
import type { Engine } from '../src/lib/engine/types';
import type { CliOutcome } from './cli-outcome';
import { metricsCli } from './metrics-cli';

/** The project's tsx, run directly: `npx tsx` costs another half second of CPU per run. */
const TSX = 'node_modules/.bin/tsx';

const run = promisify(execFile);

/**
 * The real command in its own process: only where the process itself is the
 * point (its exit code and streams, never hanging on a pipe). Each run starts
 * tsx and DuckDB, so the other cases call the same command in-process.
 */
async function metricsProcess(args: string[], timeout: number): Promise<CliOutcome> {
	try {
		// `timeout` kills a CLI that hangs (on a pipe, say) instead of leaving it behind.
		const { stdout, stderr } = await run(TSX, ['scripts/metrics.ts', ...args], { timeout });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as CliOutcome;
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

// One engine for the file (starting DuckDB is not what these tests prove), emptied before
// each run: the command starts with an empty database, and a run must not see the tables
// of an earlier run's files.
let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

async function emptyDatabase() {
	const views = await engine.query(
		'SELECT view_name AS name FROM duckdb_views() WHERE NOT internal'
	);
	for (const { name } of views) await engine.exec(`DROP VIEW "${name}"`);
	const tables = await engine.query('SELECT table_name AS name FROM duckdb_tables()');
	for (const { name } of tables) await engine.exec(`DROP TABLE "${name}"`);
}

/** `npm run metrics -- ARGS`, in-process on the shared engine, emptied first. */
async function metrics(args: string[]) {
	await emptyDatabase();
	expect(await engine.query('SELECT * FROM duckdb_tables()')).toEqual([]);
	return metricsCli(args, { engine });
}

const tmp = () => mkdtempSync(join(tmpdir(), 'integra-cli-'));

describe('npm run metrics', () => {
	it('writes the three metric files for the demo data and exits 0, leaving an unrelated CSV out with a note', async () => {
		const dir = tmp();
		for (const f of readdirSync('data').filter((f) => f.endsWith('.csv'))) {
			copyFileSync(join('data', f), join(dir, f));
		}
		writeFileSync(join(dir, 'notas_reunion.csv'), 'fecha,nota\n2024-05-02,traer el proyector\n');
		const out = tmp();
		const result = await metrics(['--data', dir, '--out', out, '--today', '2026-01-01']);
		expect(result.code).toBe(0);
		expect(result.stderr.trim()).toBe(
			'Nota: se ignoró «notas_reunion.csv»: ni su nombre ni sus encabezados son los de un archivo del contrato de datos (districts, framework, assessments, statistics, activities, actions).'
		);
		expect(readFileSync(join(out, 'domain_scores.csv'), 'utf8').split('\n')[0]).toBe(
			'ubigeo,round,domain,score,completeness,level,change,answered,applicable'
		);
		expect(readFileSync(join(out, 'overall_scores.csv'), 'utf8').split('\n')[0]).toBe(
			'ubigeo,round,score,level,complete'
		);
		const activity = readFileSync(join(out, 'activity_metrics.csv'), 'utf8').split('\n');
		expect(activity[0]).toBe(
			'ubigeo,year,activities,participants,women_share,migrant_share,reach_per_1000_migrants,sectors_reached,virtual_share'
		);
		// 50 districts × 4 years (2021–2024), zero-filled
		expect(activity.length - 1).toBe(200);
		expect(existsSync(join(out, 'validation_report.csv'))).toBe(false);
	});

	it('reports a bad row, still exits 1 with a summary and no stack trace', async () => {
		const dir = tmp();
		const out = tmp();
		copyFileSync('data/districts.csv', join(dir, 'districts.csv'));
		copyFileSync('data/framework.csv', join(dir, 'framework.csv'));
		writeFileSync(
			join(dir, 'activities.csv'),
			'activity_id,date,ubigeo,type,audience,topic,modality,participants_total,participants_women,participants_men,participants_migrants,partner\n' +
				'A1,2024-05-02,150101,conversatorio,sociedad_civil,salud,presencial,20,12,8,5,OIM\n' +
				'A2,2024-05-03,999999,conversatorio,sociedad_civil,salud,presencial,20,12,8,5,OIM\n'
		);
		const result = await metrics(['--data', dir, '--out', out, '--today', '2026-01-01']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/activities\.csv/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		const report = readFileSync(join(out, 'validation_report.csv'), 'utf8');
		// line 3 of the file (header is line 1) has the unknown ubigeo
		expect(report).toMatch(/^activities\.csv,3,ubigeo,error,/m);
		// the valid row was loaded: Lima has 1 activity in 2024
		const metricsCsv = readFileSync(join(out, 'activity_metrics.csv'), 'utf8');
		expect(metricsCsv).toMatch(/^150101,2024,1,20,60\.0,25\.0,/m);
	});

	it('refuses a pipe named .csv in the folder without waiting on it', async () => {
		const dir = tmp();
		execFileSync('mkfifo', [join(dir, 'activities.csv')]);
		// in its own process: a hang (opening a pipe waits for a writer) would hold the test
		// worker. 60 s: a bound that catches the hang, not a timing (it exits in ~5 s)
		const pipe = await metricsProcess(['--data', dir, '--out', tmp(), '--lang', 'en'], 60_000);
		expect(pipe.code).toBe(1);
		expect(pipe.stderr).toContain(
			'“activities.csv” is a named pipe (FIFO), not a file: it was not read. Give the path of a CSV file.'
		);
		expect(pipe.stderr).toContain('The required file districts.csv is missing.');
	}, 90_000);

	it('exits 1 with a readable message when a required file is missing or the options are wrong', async () => {
		const dir = tmp();
		copyFileSync('data/districts.csv', join(dir, 'districts.csv'));
		const missing = await metrics(['--data', dir, '--out', tmp()]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/framework\.csv/);
		expect(missing.stderr).not.toMatch(/\n\s+at /);
		const noArgs = await metrics([]);
		expect(noArgs.code).toBe(1);
		expect(noArgs.stderr).toMatch(/Usage/);
	});
});
