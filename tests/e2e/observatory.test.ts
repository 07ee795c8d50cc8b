import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cliMetrics, type Csv } from './cli-metrics';
import { formatExport } from '../../src/lib/i18n/format';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';

describe('observatory (/) in Chromium', () => {
	let session: Session;
	let cli: { domain: Csv; overall: Csv; activity: Csv };
	let latestRound: string;

	beforeAll(async () => {
		cli = await cliMetrics();
		latestRound = cli.domain
			.map((r) => r.round)
			.sort()
			.at(-1)!;
		session = await openSession();
		await session.page.goto(inject('baseUrl') + '/');
		// the prerendered page already shows Node-computed numbers: wait for DuckDB in the browser
		await session.page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]', {
			timeout: 60_000
		});
	}, 120_000);

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
		await session.page.getByRole('button', { name: 'Ver tabla' }).click();
		const rows = session.page.locator('[data-testid="heatmap-table"] tbody tr');
		expect(await rows.count()).toBe(50);
	});

	it('has no axe violations (WCAG 2.1 A/AA), with the table open', async () => {
		expect(await axeViolations(session.page)).toEqual([]);
	});

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
