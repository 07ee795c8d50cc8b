import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatExport } from '../../src/lib/i18n/format';
import { axeViolations } from './axe';
import { openAllTables, openSession, type Session } from './browser';
import { cliMetrics, type Csv } from './cli-metrics';

const base = () => inject('baseUrl');
const SJL = '150132'; // San Juan de Lurigancho: assessed 2022–2024
const NOT_ASSESSED = '150129'; // San Bartolo: no assessment, no activity in the demo data

/** Wait until DuckDB in the browser (not the prerendered JSON) has answered the profile's queries. */
async function waitLive(session: Session) {
	await session.page.waitForFunction(
		() =>
			document.querySelector('[data-testid="profile"]')?.getAttribute('data-source') === 'engine',
		null,
		{ timeout: 60_000 }
	);
}

describe('district profile (/distritos/[ubigeo]) in Chromium', () => {
	let session: Session;
	let cli: { domain: Csv; overall: Csv; activity: Csv };

	beforeAll(async () => {
		cli = await cliMetrics();
		session = await openSession();
	});

	afterAll(async () => {
		await session?.close();
	});

	it('prerenders a profile for every one of the 50 districts', () => {
		const districts = readFileSync('data/districts.csv', 'utf8').trim().split('\n').slice(1);
		const pages = readdirSync('build-static/distritos').filter((f) => f.endsWith('.html'));
		expect(pages).toHaveLength(50);
		for (const line of districts) {
			const [ubigeo, name] = line.split(',');
			const html = readFileSync(`build-static/distritos/${ubigeo}.html`, 'utf8');
			expect(html, ubigeo).toContain(`Ficha distrital: ${name}`);
		}
	});

	it('shows the scores of the latest round as the metrics CLI computes them', async () => {
		await session.page.goto(`${base()}/distritos/${SJL}`);
		await waitLive(session);
		const rows = await session.page.$$eval('[data-testid="domain-table"] tbody tr', (trs) =>
			trs.map((tr) => ({
				domain: tr.getAttribute('data-domain'),
				score: tr.getAttribute('data-score')
			}))
		);
		const expected = cli.domain.filter((r) => r.ubigeo === SJL && r.round === '2024');
		expect(rows).toHaveLength(6);
		for (const row of rows) {
			const e = expected.find((r) => r.domain === row.domain)!;
			expect(formatExport(Number(row.score)), `domain ${row.domain}`).toBe(e.score);
		}
		// the wheel has exactly six segments, with the same scores
		const segments = await session.page.$$eval('figure:has(#wheel-title) .segment', (gs) =>
			gs.map((g) => ({
				domain: g.getAttribute('data-domain'),
				score: g.getAttribute('data-score')
			}))
		);
		expect(segments).toHaveLength(6);
		for (const seg of segments) {
			const e = expected.find((r) => r.domain === seg.domain)!;
			expect(formatExport(Number(seg.score)), `wheel ${seg.domain}`).toBe(e.score);
		}
		expect(await session.page.locator('[data-testid="assessment-link"]').getAttribute('href')).toBe(
			`/autoevaluacion/${SJL}`
		);
		const overall = cli.overall.find((r) => r.ubigeo === SJL && r.round === '2024')!;
		const shown = await session.page.locator('[data-testid="overall"] strong').textContent();
		expect(shown).toBe(String(Math.round(Number(overall.score))));
	});

	it('keeps the round in the URL: ?ronda=2023 shows 2023, and back returns to 2024', async () => {
		await session.page.goto(`${base()}/distritos/${SJL}`);
		await waitLive(session);
		await session.page.selectOption('#round-select', '2023');
		await session.page.waitForURL(/ronda=2023/);
		await expect
			.poll(() => session.page.locator('#indicators-title').textContent())
			.toContain('2023');
		await session.page.reload();
		await waitLive(session);
		expect(await session.page.locator('#indicators-title').textContent()).toContain('2023');
		expect(await session.page.locator('#round-select').inputValue()).toBe('2023');
		await session.page.goBack();
		await expect
			.poll(() => session.page.locator('#indicators-title').textContent())
			.toContain('2024');
	});

	it('filters the indicators to those not met', async () => {
		await session.page.goto(`${base()}/distritos/${SJL}`);
		await waitLive(session);
		const all = await session.page.locator('[data-testid="indicators"] tbody tr').count();
		await session.page.getByLabel('Mostrar solo lo que no se cumple').check();
		const answers = await session.page.$$eval('[data-testid="indicators"] tbody tr', (trs) =>
			trs.map((tr) => tr.getAttribute('data-answer'))
		);
		expect(answers.length).toBeLessThan(all);
		expect(answers.length).toBeGreaterThan(0);
		expect(answers.filter((a) => a === 'cumple' || a === 'no_aplica')).toEqual([]);
	});

	it('says when a district has no assessment, and still shows its activities and statistics', async () => {
		await session.page.goto(`${base()}/distritos/${NOT_ASSESSED}`);
		await waitLive(session);
		await expect.poll(() => session.page.locator('[data-testid="no-assessment"]').count()).toBe(1);
		expect(await session.page.locator('[data-testid="activities-received"]').count()).toBe(1);
		expect(await session.page.locator('[data-testid="statistics"]').count()).toBe(1);
		// zero-filled: a row per year of the activity file, even with no activity
		const years = cli.activity.filter((r) => r.ubigeo === NOT_ASSESSED);
		expect(
			await session.page.locator('[data-testid="activities-received"] tbody tr[data-year]').count()
		).toBe(years.length);
	});

	it('answers an unknown ubigeo with a not-found page and a 404 status', async () => {
		// its own browser: the 404 of the document is (rightly) logged as a console error
		const other = await openSession();
		try {
			const response = await other.page.goto(`${base()}/distritos/999999`);
			expect(response?.status()).toBe(404);
			await other.page.waitForSelector('[data-testid="not-found"]', { timeout: 60_000 });
			expect(await other.page.locator('h1').textContent()).toMatch(/no encontrado/i);
			expect(other.foreignRequests).toEqual([]);
		} finally {
			await other.close();
		}
	});

	it('switches to English, remembers it on reload, and back to Spanish', async () => {
		await session.page.goto(`${base()}/distritos/${SJL}`);
		await waitLive(session);
		await session.page.locator('button[data-locale="en"]').click();
		expect(await session.page.locator('h1').textContent()).toContain(
			'District profile: San Juan de Lurigancho'
		);
		expect(await session.page.locator('html').getAttribute('lang')).toBe('en');
		await session.page.reload();
		await expect.poll(() => session.page.locator('h1').textContent()).toContain('District profile');
		await session.page.locator('button[data-locale="es"]').click();
		expect(await session.page.locator('h1').textContent()).toContain('Ficha distrital');
	});

	it('prints to a clean A4 PDF', async () => {
		await session.page.goto(`${base()}/distritos/${SJL}`);
		await waitLive(session);
		await session.page.emulateMedia({ media: 'print' });
		expect(await session.page.locator('.site-header').isVisible()).toBe(false);
		const pdf = await session.page.pdf({ format: 'A4', printBackground: true });
		await session.page.emulateMedia({ media: null });
		const dir = mkdtempSync(join(tmpdir(), 'integra-pdf-'));
		const file = join(dir, 'ficha.pdf');
		(await import('node:fs')).writeFileSync(file, pdf);
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
		const info = execFileSync('pdfinfo', [file]).toString();
		expect(info).toMatch(/Page size:\s+595(\.\d+)? x 842/); // A4 in points
		const text = execFileSync('pdftotext', [file, '-']).toString();
		expect(text).toContain('San Juan de Lurigancho');
		expect(text).not.toContain('Imprimir ficha');
		// the running head names the district on every page
		const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
		expect(pages).toBeGreaterThan(1);
		expect(text.split('Ficha distrital: San Juan de Lurigancho').length - 1).toBeGreaterThanOrEqual(
			pages
		);
	});

	it('has no axe violations, with tables open and closed', async () => {
		await session.page.goto(`${base()}/distritos/${SJL}`);
		await waitLive(session);
		expect(await axeViolations(session.page)).toEqual([]);
		await openAllTables(session.page);
		expect(await axeViolations(session.page)).toEqual([]);
	});

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
