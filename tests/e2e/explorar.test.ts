import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '../../src/lib/engine/types';
import { formatExport } from '../../src/lib/i18n/format';
import { axeViolations } from './axe';
import { openAllTables, openSession, type Session } from './browser';
import { cliMetrics, type Csv } from './cli-metrics';
import { referenceEngine } from './actividades.helpers';

const base = () => inject('baseUrl');

/** The comparison's table: ubigeo → time → value (the cells' `data-value`). */
async function compareTable(session: Session): Promise<Map<string, Map<string, string>>> {
	const page = session.page;
	const toggle = page
		.locator('[data-testid="exp-compare"] button[aria-controls$="-table"]')
		.first();
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	const { times, rows } = await page.$eval('[data-testid="exp-compare-table"]', (table) => ({
		times: [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent!.trim()),
		rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
			ubigeo: tr.getAttribute('data-ubigeo')!,
			values: [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-value')!)
		}))
	}));
	return new Map(rows.map((r) => [r.ubigeo, new Map(times.map((t, i) => [t, r.values[i]]))]));
}

async function compareLive(session: Session, urlPart: RegExp | null = null) {
	if (urlPart) await session.page.waitForURL(urlPart);
	await session.page.waitForFunction(() => {
		const el = document.querySelector('[data-testid="exp-compare-result"]');
		return (
			el?.getAttribute('data-source') === 'engine' && el.getAttribute('data-current') === 'true'
		);
	});
}

async function runSql(session: Session, sql: string) {
	const page = session.page;
	await page.fill('[data-testid="exp-sql"]', sql);
	await page.locator('[data-testid="exp-sql"]').press('Control+Enter');
	await page.waitForFunction(
		() =>
			!document.querySelector('[data-testid="exp-status"]')?.textContent?.includes('Ejecutando'),
		null,
		{ timeout: 30_000 }
	);
}

async function resultRows(session: Session): Promise<string[][]> {
	return session.page.$$eval('[data-testid="exp-result-table"] tbody tr', (trs) =>
		trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent!.trim()))
	);
}

describe('explorer (/explorar) in Chromium', () => {
	let session: Session;
	let cli: { domain: Csv; overall: Csv; activity: Csv };
	let ref: Engine;

	beforeAll(async () => {
		cli = await cliMetrics();
		ref = await referenceEngine();
		session = await openSession();
		await session.page.goto(`${base()}/explorar`);
		await compareLive(session);
	});

	afterAll(async () => {
		await session?.close();
		await ref?.close();
	});

	it('prerenders the default comparison with real scores', async () => {
		const html = await (await fetch(`${base()}/explorar`)).text();
		expect(html).toContain('data-testid="line-chart"');
		expect(html.match(/<g role="listitem"/g)?.length).toBe(4); // four districts in the legend
	});

	it('compares the overall score of four districts over the rounds, as the metrics CLI computes it', async () => {
		const table = await compareTable(session);
		expect(table.size).toBe(4);
		let compared = 0;
		for (const [ubigeo, byRound] of table) {
			for (const [round, value] of byRound) {
				const row = cli.overall.find((r) => r.ubigeo === ubigeo && r.round === round);
				const expected = row?.score ?? '';
				expect(value === '' ? '' : formatExport(Number(value)), `${ubigeo} ${round}`).toBe(
					expected
				);
				if (expected !== '') compared++;
			}
		}
		expect(compared).toBeGreaterThan(4);
	});

	it('switches the metric, the districts and the view through the URL, and back', async () => {
		const page = session.page;
		await page.selectOption('#exp-metric', 'score:3');
		await compareLive(session, /metrica=score%3A3/);
		const table = await compareTable(session);
		for (const [ubigeo, byRound] of table) {
			for (const [round, value] of byRound) {
				const row = cli.domain.find(
					(r) => r.ubigeo === ubigeo && r.round === round && r.domain === '3'
				);
				expect(value === '' ? '' : formatExport(Number(value))).toBe(row?.score ?? '');
			}
		}
		await page.selectOption('#exp-metric', 'activity:activities');
		await compareLive(session, /metrica=activity%3Aactivities/);
		const activities = await compareTable(session);
		for (const [ubigeo, byYear] of activities) {
			for (const [year, value] of byYear) {
				const row = cli.activity.find((r) => r.ubigeo === ubigeo && r.year === year)!;
				expect(value).toBe(row.activities);
			}
		}
		// one more district, then small multiples
		await page.locator('[data-testid="exp-compare"] details.districts summary').click();
		await page.getByRole('checkbox', { name: 'San Bartolo', exact: true }).check();
		await compareLive(session, /distrito=150129/);
		expect((await compareTable(session)).get('150129')?.get('2024')).toBe('0');
		await page.getByRole('radio', { name: 'Pequeños múltiplos' }).check();
		await compareLive(session, /vista=multiples/);
		expect(
			await page.locator('[data-testid="exp-compare"] [data-testid="line-chart"]').count()
		).toBe(5);

		// the URL alone rebuilds it, and back undoes a step
		await page.reload();
		await compareLive(session);
		expect(
			await page.locator('[data-testid="exp-compare"] [data-testid="line-chart"]').count()
		).toBe(5);
		expect(await page.locator('#exp-metric').inputValue()).toBe('activity:activities');
		await page.goBack();
		await compareLive(session, /^(?!.*vista=multiples)/);
		expect(
			await page.locator('[data-testid="exp-compare"] [data-testid="line-chart"]').count()
		).toBe(1);
	});

	it('runs a query with Ctrl+Enter: a paginated table, a quick chart, a CSV download', async () => {
		const page = session.page;
		const sql =
			'SELECT type AS tipo, count(*) AS actividades FROM activities GROUP BY tipo ORDER BY actividades DESC, tipo';
		await runSql(session, sql);
		const expected = await ref.query(sql);
		const rows = await resultRows(session);
		expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.tipo));
		expect(rows.map((r) => Number(r[1].replace(/\D/g, '')))).toEqual(
			expected.map((r) => r.actividades)
		);
		expect(await page.locator('[data-testid="exp-console"] [data-testid="bar-list"]').count()).toBe(
			1
		);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-testid="exp-csv"]').click()
		]);
		const csv = Papa.parse<Record<string, string>>(
			readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''),
			{ header: true, skipEmptyLines: true }
		).data;
		expect(csv).toEqual(
			expected.map((r) => ({ tipo: r.tipo, actividades: String(r.actividades) }))
		);
		// the query is in the URL, and in the recent list
		expect(new URL(page.url()).searchParams.get('consulta')).toBe(sql);
		expect(await page.locator('[data-testid="exp-recent"] li').first().textContent()).toContain(
			'GROUP BY tipo'
		);
	});

	it('pages through 10,000 rows and draws a line for a monthly result', async () => {
		const page = session.page;
		await runSql(session, 'SELECT i AS n, i * 2 AS doble FROM range(10000) t(i)');
		expect(await page.locator('[data-testid="exp-result"]').getAttribute('data-rows')).toBe(
			'10000'
		);
		expect(await page.locator('[data-testid="exp-result-table"] tbody tr').count()).toBe(100);
		expect(await page.locator('[data-testid="exp-page"]').textContent()).toBe('Página 1 de 100');
		await page.locator('[data-testid="exp-result"] nav button', { hasText: 'Última' }).click();
		expect(
			await page
				.locator('[data-testid="exp-result-table"] tbody tr')
				.last()
				.locator('td')
				.first()
				.textContent()
		).toBe('10000');

		await runSql(
			session,
			"SELECT strftime(date, '%Y-%m') AS mes, count(*) AS actividades FROM activities GROUP BY mes ORDER BY mes"
		);
		expect(
			await page.locator('[data-testid="exp-console"] [data-testid="line-chart"]').count()
		).toBe(1);
	});

	it("shows DuckDB's error next to the query, readably", async () => {
		const page = session.page;
		await runSql(session, 'SELECT nombre FROM tabla_que_no_existe');
		const error = page.locator('[data-testid="exp-error"]');
		await error.waitFor();
		const text = (await error.textContent())!;
		// DuckDB's words, as query() gives them: not its JSON, not a JS stack
		expect(text).toMatch(/Catalog Error: Table with name tabla_que_no_existe does not exist/);
		expect(text).not.toContain('exception_type');
		expect(text).not.toMatch(/\n\s+at /);
		await runSql(session, 'SELECT nombre\nFROM districts WHERE');
		expect(await error.textContent()).toMatch(
			/Parser Error: syntax error at end of input\s+LINE 2: FROM districts WHERE\s+\^/
		);
		expect(await page.locator('[data-testid="exp-sql"]').getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator('[data-testid="exp-result"]').count()).toBe(0);
	});

	it('stops a long query without freezing the page, and keeps the data', async () => {
		const page = session.page;
		await page.fill(
			'[data-testid="exp-sql"]',
			'SELECT count(*) FROM range(20000000000) t(i) WHERE hash(i) % 7 = 3'
		);
		await page.locator('[data-testid="exp-run"]').click();
		await page.waitForFunction(() =>
			document.querySelector('[data-testid="exp-status"]')?.textContent?.includes('Ejecutando')
		);
		await page.waitForTimeout(800);
		// the page still answers while DuckDB works
		const t0 = Date.now();
		await page.evaluate(() => 1 + 1);
		expect(Date.now() - t0).toBeLessThan(1000);
		await page.locator('[data-testid="exp-stop"]').click();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="exp-status"]')?.textContent?.includes('detenida'),
			null,
			{ timeout: 10_000 }
		);
		await runSql(session, 'SELECT count(*) AS n FROM activities');
		const [[n]] = await resultRows(session);
		const [expected] = await ref.query('SELECT count(*)::INTEGER AS n FROM activities');
		expect(Number(n.replace(/\D/g, ''))).toBe(expected.n);
	});

	it('opens a shared link with its query, runs it when asked, and lists the tables and examples', async () => {
		const page = session.page;
		const sql = "SELECT name FROM districts WHERE province = 'Callao' ORDER BY name";
		await page.goto(`${base()}/explorar?consulta=${encodeURIComponent(sql)}`);
		await page.waitForSelector('[data-testid="exp-tables"] .tname', { timeout: 90_000 });
		expect(await page.locator('[data-testid="exp-sql"]').inputValue()).toBe(sql);
		// the link fills the console; the query runs on the reader's click only
		await page.getByTestId('exp-from-link').waitFor();
		expect(await page.locator('[data-testid="exp-result"]').count()).toBe(0);
		await page.getByTestId('exp-run').click();
		await page.waitForSelector('[data-testid="exp-result"]');
		expect(await page.getByTestId('exp-from-link').count()).toBe(0);
		expect((await resultRows(session)).map((r) => r[0])).toEqual(
			(await ref.query(sql)).map((r) => r.name)
		);
		const tables = await page.$$eval('[data-testid="exp-tables"] .tname', (els) =>
			els.map((e) => e.textContent)
		);
		expect(tables).toEqual([
			'actions',
			'activities',
			'assessments',
			'districts',
			'framework',
			'statistics'
		]);
		// recent queries survive the reload (localStorage)
		expect(await page.locator('[data-testid="exp-recent"] li').count()).toBeGreaterThan(3);

		await page.selectOption('#exp-examples', 'sinActividades');
		expect(await page.locator('[data-testid="exp-sql"]').inputValue()).toContain(
			'Distritos sin ninguna actividad'
		);
		await page.locator('[data-testid="exp-run"]').click();
		await page.waitForFunction(() =>
			/filas/.test(document.querySelector('[data-testid="exp-status"]')?.textContent ?? '')
		);
		const zero = cli.activity.filter((r) => r.year === '2024' && r.activities === '0');
		expect((await resultRows(session)).length).toBe(zero.length);
	});

	it('has no axe violations, with a result, a chart, an error and the table open', async () => {
		const page = session.page;
		await page.goto(`${base()}/explorar?vista=multiples`);
		await compareLive(session);
		await runSql(session, 'SELECT type, count(*) AS n FROM activities GROUP BY type');
		await openAllTables(page);
		expect(await axeViolations(page)).toEqual([]);
		await runSql(session, 'SELEC 1');
		await page.locator('[data-testid="exp-error"]').waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('works in English too', async () => {
		const page = session.page;
		await page.getByRole('button', { name: 'English' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await page.locator('h1').textContent()).toBe('Explore');
		expect(await page.locator('#exp-console-title').textContent()).toBe('SQL console');
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Español' }).click();
	});

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
