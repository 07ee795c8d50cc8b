import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cliMetrics, latestRoundOf, type Csv } from './cli-metrics';
import { formatExport } from '../../src/lib/i18n/format';
import { axeViolations } from './axe';
import { openAllTables, openSession, type Session } from './browser';

describe('observatory (/) in Chromium', () => {
	let session: Session;
	let cli: { domain: Csv; overall: Csv; activity: Csv };
	let latestRound: string;

	beforeAll(async () => {
		cli = await cliMetrics();
		latestRound = latestRoundOf(cli.domain);
		session = await openSession();
		await session.page.goto(inject('baseUrl') + '/');
		// the prerendered page already shows Node-computed numbers: wait for DuckDB in the browser
		await session.page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]', {
			timeout: 60_000
		});
	});

	afterAll(async () => {
		await session?.close();
	});

	it('prerenders the heatmap into the HTML, so it shows before DuckDB starts', async () => {
		const html = await (await fetch(inject('baseUrl') + '/')).text();
		expect(html).toContain('data-testid="heatmap"');
		expect(html.match(/data-score="/g)?.length).toBe(300);
	});

	it('draws one cell per district and domain: 50 × 6', async () => {
		expect(await session.page.locator('[data-testid="heatmap"] .cell').count()).toBe(300);
	});

	it('shows the same scores as the metrics CLI, for every cell of the latest round', async () => {
		const cells = await session.page.$$eval('[data-testid="heatmap"] .cell', (gs) =>
			gs.map((g) => ({
				ubigeo: g.getAttribute('data-ubigeo')!,
				domain: g.getAttribute('data-domain')!,
				score: g.getAttribute('data-score')!,
				text: g.querySelector('text')!.textContent!.trim()
			}))
		);
		const expected = new Map(
			cli.domain
				.filter((r) => r.round === latestRound)
				.map((r) => [`${r.ubigeo}:${r.domain}`, r.score])
		);
		let compared = 0;
		for (const cell of cells) {
			const cliScore = expected.get(`${cell.ubigeo}:${cell.domain}`) ?? '';
			if (cliScore === '') {
				expect(cell.score, `${cell.ubigeo} domain ${cell.domain}`).toBe('');
				expect(cell.text).toBe('–');
				continue;
			}
			// The CLI writes 1 decimal; the browser keeps the full value and prints 0 decimals.
			expect(formatExport(Number(cell.score)), `${cell.ubigeo} domain ${cell.domain}`).toBe(
				cliScore
			);
			expect(cell.text).toBe(String(Math.round(Number(cell.score))));
			compared++;
		}
		expect(compared).toBeGreaterThan(100);
	});

	it('shows the key figures of the latest round', async () => {
		const assessed = new Set(
			cli.domain.filter((r) => r.round === latestRound).map((r) => r.ubigeo)
		);
		const text = await session.page.locator('[data-testid="kf-assessed"] .big').textContent();
		expect(Number(text)).toBe(assessed.size);
		const overall = cli.overall.filter((r) => r.round === latestRound && r.score !== '');
		const mean = overall.reduce((s, r) => s + Number(r.score), 0) / overall.length;
		const shown = await session.page.locator('[data-testid="kf-mean"] .big').textContent();
		// the CLI's per-district scores are rounded to 1 decimal, so allow ±1 on the displayed mean
		expect(Math.abs(Number(shown) - mean)).toBeLessThanOrEqual(1);
	});

	it('opens the same numbers as a table', async () => {
		await session.page
			.locator('[data-testid="heatmap-block"]')
			.getByRole('button', { name: 'Ver tabla' })
			.click();
		const rows = session.page.locator('[data-testid="heatmap-table"] tbody tr');
		expect(await rows.count()).toBe(50);
	});

	it('has no axe violations (WCAG 2.1 A/AA), with the tables closed and open', async () => {
		await session.page.goto(inject('baseUrl') + '/');
		await session.page.waitForSelector('[data-testid="map-block"][data-source="engine"]');
		expect(await axeViolations(session.page)).toEqual([]);
		await openAllTables(session.page);
		expect(await session.page.getByRole('button', { name: 'Ocultar tabla' }).count()).toBe(3);
		expect(await axeViolations(session.page)).toEqual([]);
		await session.page.goto(inject('baseUrl') + '/');
		await session.page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]');
	});

	it('draws 50 tiles on the map, coloured by the overall score as the CLI computes it', async () => {
		await session.page.waitForSelector('[data-testid="map-block"][data-source="engine"]');
		const tiles = await session.page.$$eval('[data-testid="tile-map"] .tile', (gs) =>
			gs.map((g) => ({
				ubigeo: g.getAttribute('data-ubigeo')!,
				value: g.getAttribute('data-value')!
			}))
		);
		expect(tiles).toHaveLength(50);
		for (const tile of tiles) {
			const row = cli.overall.find((r) => r.ubigeo === tile.ubigeo && r.round === latestRound);
			const expected = row?.score ?? '';
			if (expected === '') expect(tile.value, tile.ubigeo).toBe('');
			else expect(formatExport(Number(tile.value)), tile.ubigeo).toBe(expected);
		}
	});

	it('recolours the map by a domain chosen on the heatmap, and keeps it in the URL', async () => {
		const page = session.page;
		await page.locator('[data-testid="heatmap"] [role="columnheader"].column').nth(2).click();
		await page.waitForURL(/metrica=score%3A3|metrica=score:3/);
		await page.waitForSelector('[data-testid="map-block"][data-source="engine"]');
		await expect
			.poll(() => page.locator('[data-testid="metric-select"]').inputValue())
			.toBe('score:3');
		const lima = await page
			.locator('[data-testid="tile-map"] .tile[data-ubigeo="150101"]')
			.getAttribute('data-value');
		const expected = cli.domain.find(
			(r) => r.ubigeo === '150101' && r.round === latestRound && r.domain === '3'
		)!;
		expect(formatExport(Number(lima))).toBe(expected.score);
		// back returns to the overall score
		await page.goBack();
		await expect
			.poll(() => page.locator('[data-testid="metric-select"]').inputValue())
			.toBe('overall');
	});

	it('keeps round and sort in the URL, restores them on reload, and never sorts by score unless asked', async () => {
		const page = session.page;
		const names = () =>
			page.$$eval('[data-testid="heatmap-table"] tbody th', (ths) =>
				ths.map((th) => th.textContent!.trim())
			);
		const byName = await names();
		expect(byName).toEqual(
			[...byName].sort((a, b) => a.localeCompare(b, 'es', { sensitivity: 'base' }))
		);
		await page.selectOption('[data-testid="sort-select"]', 'overall');
		await page.selectOption('[data-testid="round-select"]', '2023');
		await page.waitForURL(/ronda=2023/);
		await page.reload();
		await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]');
		await expect.poll(() => page.locator('[data-testid="round-select"]').inputValue()).toBe('2023');
		expect(await page.locator('[data-testid="sort-select"]').inputValue()).toBe('overall');
		expect(await page.locator('#heatmap-title').textContent()).toContain('2023');
		// the top row has the best overall score of 2023
		const best = cli.overall
			.filter((r) => r.round === '2023' && r.score !== '')
			.sort((a, b) => Number(b.score) - Number(a.score))[0];
		const first = await page
			.locator('[data-testid="heatmap"] [role="gridcell"]')
			.first()
			.getAttribute('data-ubigeo');
		expect(first).toBe(best.ubigeo);
		await page.goto(inject('baseUrl') + '/');
	});

	it('opens a district profile from the heatmap with the keyboard', async () => {
		const page = session.page;
		await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]');
		await page.locator('[data-testid="heatmap"] [role="gridcell"][tabindex="0"]').first().focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/distritos\/\d{6}/);
		expect(await page.locator('h1').textContent()).toContain('Ficha distrital');
		await page.goBack();
	});

	it('downloads open data as CSV, with small counts suppressed', async () => {
		const page = session.page;
		await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]');
		const fetchCsv = async (file: string) => {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.locator(`button[data-file="${file}"]`).click()
			]);
			const fs = await import('node:fs/promises');
			const text = await fs.readFile((await download.path())!, 'utf8');
			return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
				header: true,
				skipEmptyLines: true
			});
		};
		const overall = await fetchCsv('overall_scores.csv');
		expect(overall.meta.fields).toEqual(['ubigeo', 'round', 'score', 'level', 'complete']);
		expect(overall.data).toHaveLength(cli.overall.length);
		const activities = await fetchCsv('activities.csv');
		const counts = activities.data.flatMap((r) => [
			r.participants_women,
			r.participants_men,
			r.participants_migrants
		]);
		// the demo data has activities with 1 to 4 migrants: they are published as "<5", never as the number
		expect(counts).toContain('<5');
		expect(counts.filter((c) => ['1', '2', '3', '4'].includes(c))).toEqual([]);
	});

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
