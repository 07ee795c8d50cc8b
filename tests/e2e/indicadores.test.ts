/**
 * /indicadores in Chromium on the demo data: the indicator × district matrix.
 * Every expected number is computed here from the demo CSV files with
 * papaparse (not DuckDB, not the app's SQL): the counts per answer, the
 * share met, the order by "no cumple", the domain filter, a row's guidance and
 * evidence, the CSV download, and "compare my district".
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';

const base = () => inject('baseUrl');
const ANSWERS = ['cumple', 'parcial', 'no_cumple', 'no_aplica', 'no_sabe', 'sin_respuesta'];

function csv(name: string): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(`data/${name}`, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
}

/** The expected matrix of one round, from the CSV files alone (docs/metrics.md). */
function expected(round: string, exclude: string | null = null) {
	const framework = csv('framework.csv').filter((f) => f.kind === 'policy');
	const rows = csv('assessments.csv').filter((a) => a.round === round && a.ubigeo !== exclude);
	const assessed = new Set(rows.map((a) => a.ubigeo));
	const counts = new Map<string, Record<string, number>>();
	for (const f of framework) {
		const c = Object.fromEntries(ANSWERS.map((a) => [a, 0]));
		const answered = rows.filter((a) => a.indicator_id === f.indicator_id);
		for (const a of answered) c[a.answer]++;
		c.sin_respuesta = assessed.size - answered.length;
		counts.set(f.indicator_id, c);
	}
	return { framework, assessed, counts };
}

const LATEST = csv('assessments.csv')
	.map((a) => a.round)
	.sort()
	.at(-1)!;

async function settled(page: Page) {
	await page.waitForFunction(
		() =>
			document.querySelector('[data-testid="matrix"]')?.getAttribute('data-source') === 'engine',
		null,
		{ timeout: 60_000 }
	);
}

/** The rows' indicator ids, in screen order. */
const rowIds = (page: Page) =>
	page.$$eval('[data-testid="matrix-table"] tbody tr[data-indicator]', (trs) =>
		trs.map((tr) => tr.getAttribute('data-indicator')!)
	);

/** One row's counts, by answer. */
const rowCounts = (page: Page, id: string) =>
	page.$eval(`tr[data-indicator="${id}"]`, (tr) =>
		Object.fromEntries(
			[...tr.querySelectorAll('td[data-count]')].map((td) => [
				td.getAttribute('data-count')!,
				td.textContent!.trim()
			])
		)
	);

describe('indicator matrix (/indicadores) in Chromium', () => {
	let session: Session;

	beforeAll(async () => {
		session = await openSession();
		await session.page.goto(`${base()}/indicadores`);
		await settled(session.page);
	}, 120_000);

	afterAll(async () => {
		await session?.close();
	});

	it('is linked from the header and from the observatory', async () => {
		const html = await (await fetch(`${base()}/`)).text();
		expect(html).toContain('data-testid="matrix-link"');
		expect(await session.page.locator('nav a[href$="/indicadores"]').count()).toBe(1);
	});

	it('prerenders the default matrix with real counts (before DuckDB starts)', async () => {
		const html = await (await fetch(`${base()}/indicadores`)).text();
		const { framework, counts } = expected(LATEST);
		expect(html.match(/<tr data-indicator="/g)?.length).toBe(framework.length);
		const row = html.slice(html.indexOf('<tr data-indicator="D1.01"'));
		const cell = row.match(/data-count="no_cumple"[^>]*>([^<]*)</);
		expect(cell?.[1]).toBe(String(counts.get('D1.01')!.no_cumple));
	});

	it('shows every indicator of the latest round with the counts worked out from the CSV files', async () => {
		const { page } = session;
		const { framework, assessed, counts } = expected(LATEST);
		expect(await page.getByTestId('matrix-round').inputValue()).toBe(LATEST);
		expect(await rowIds(page)).toEqual(framework.map((f) => f.indicator_id));
		// one column per district assessed in the round
		const columns = await page.$$eval(
			'tr[data-indicator="D1.01"] td[data-ubigeo]',
			(tds) => tds.length
		);
		expect(columns).toBe(assessed.size);
		for (const id of ['D1.01', 'D2.03', 'D6.01']) {
			const c = counts.get(id)!;
			const shown = await rowCounts(page, id);
			for (const a of ANSWERS) expect(shown[a], `${id} ${a}`).toBe(String(c[a]));
			// share met = cumple / (districts − no_aplica), 0 decimals on screen
			const share = Math.round((100 * c.cumple) / (assessed.size - c.no_aplica));
			expect(shown.share_met.replace(/\s/g, '')).toBe(`${share}%`);
		}
		// a cell: Lima's own answer to D1.01 in the latest round
		const lima = csv('assessments.csv').find(
			(a) => a.round === LATEST && a.ubigeo === '150101' && a.indicator_id === 'D1.01'
		);
		expect(
			await page.getAttribute('tr[data-indicator="D1.01"] td[data-ubigeo="150101"]', 'data-answer')
		).toBe(lima?.answer ?? 'sin_respuesta');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('sorts the rows by how many districts do not meet them (state in the URL)', async () => {
		const { page } = session;
		await page.getByTestId('matrix-sort').selectOption('no_cumple');
		await page.waitForURL(/orden=no_cumple/);
		await settled(page);
		const { framework, counts } = expected(LATEST);
		const order = [...framework]
			.sort(
				(a, b) =>
					counts.get(b.indicator_id)!.no_cumple - counts.get(a.indicator_id)!.no_cumple ||
					counts.get(b.indicator_id)!.parcial - counts.get(a.indicator_id)!.parcial ||
					Number(a.domain) - Number(b.domain) ||
					a.indicator_id.localeCompare(b.indicator_id)
			)
			.map((f) => f.indicator_id);
		await page.waitForFunction(
			(first) =>
				document
					.querySelector('[data-testid="matrix-table"] tbody tr[data-indicator]')
					?.getAttribute('data-indicator') === first,
			order[0]
		);
		expect(await rowIds(page)).toEqual(order);
	});

	it('filters by domain, keeping the sort', async () => {
		const { page } = session;
		await page.getByTestId('matrix-domain').selectOption('3');
		await page.waitForURL(/dominio=3/);
		await settled(page);
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-testid="matrix-table"] tbody tr[data-indicator]')].every(
				(tr) => tr.getAttribute('data-indicator')!.startsWith('D3.')
			)
		);
		const ids = await rowIds(page);
		const domain3 = expected(LATEST).framework.filter((f) => f.domain === '3');
		expect(ids.length).toBe(domain3.length);
		expect(new URL(page.url()).searchParams.get('orden')).toBe('no_cumple');
	});

	it("opens a row on the indicator's guidance and each district's evidence", async () => {
		const { page } = session;
		const [id] = await rowIds(page);
		const button = page.locator(`tr[data-indicator="${id}"] [data-testid="matrix-open"]`);
		await button.click();
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		const detail = page.getByTestId('matrix-detail');
		const guidance = csv('framework.csv').find((f) => f.indicator_id === id)!.guidance_es;
		await detail.getByText(guidance.slice(0, 40)).waitFor();
		const { assessed } = expected(LATEST);
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-testid="matrix-evidence"] li').length === n,
			assessed.size
		);
		// a district's evidence text, from the CSV
		const withEvidence = csv('assessments.csv').find(
			(a) => a.round === LATEST && a.indicator_id === id && a.evidence
		);
		if (withEvidence)
			expect(
				await detail.locator(`li[data-ubigeo="${withEvidence.ubigeo}"]`).textContent()
			).toContain(withEvidence.evidence);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('downloads the matrix shown as CSV', async () => {
		const { page } = session;
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('matrix-csv').click()
		]);
		expect(download.suggestedFilename()).toBe(`indicadores-${LATEST}.csv`);
		const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
		const rows = Papa.parse<Record<string, string>>(text, {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows.map((r) => r.indicator_id)).toEqual(await rowIds(page));
		const { counts, assessed } = expected(LATEST);
		for (const r of rows) {
			expect(Number(r.no_cumple)).toBe(counts.get(r.indicator_id)!.no_cumple);
			expect(Number(r.districts)).toBe(assessed.size);
		}
	});

	it('compares one district with the anonymous counts of the others', async () => {
		const { page } = session;
		await page.goto(`${base()}/indicadores?distrito=150101`);
		await settled(page);
		const { counts, assessed } = expected(LATEST, '150101');
		// no other district's column: only Lima's
		await page.waitForFunction(
			() => document.querySelectorAll('tr[data-indicator="D1.01"] td[data-ubigeo]').length === 1
		);
		expect(
			await page.$$eval('tr[data-indicator="D1.01"] td[data-ubigeo]', (tds) =>
				tds.map((td) => td.getAttribute('data-ubigeo'))
			)
		).toEqual(['150101']);
		const shown = await rowCounts(page, 'D1.01');
		for (const a of ANSWERS) expect(shown[a], a).toBe(String(counts.get('D1.01')![a]));
		expect(assessed.has('150101')).toBe(false);
		// the evidence panel lists only Lima
		await page.locator('tr[data-indicator="D1.01"] [data-testid="matrix-open"]').click();
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="matrix-evidence"] li').length === 1
		);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('speaks English, and fits a 390 px phone with the table scrolling inside its box', async () => {
		const { page } = session;
		// the language buttons are in the header's menu on a phone: switch first
		await page.locator('button[data-locale="en"]').click();
		await page.setViewportSize({ width: 390, height: 844 });
		await page
			.getByRole('heading', { level: 1, name: 'Each indicator across all districts' })
			.waitFor();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		expect(await axeViolations(page)).toEqual([]);
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.locator('button[data-locale="es"]').click();
	});
});
