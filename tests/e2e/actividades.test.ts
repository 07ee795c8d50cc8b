import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '../../src/lib/engine/types';
import { tr, trUnder } from '../../src/lib/i18n';
import { axeViolations } from './axe';
import { openAllTables, openSession, type Session } from './browser';
import { cliMetrics, type Csv } from './cli-metrics';
import {
	bars,
	clickBar,
	countWhere,
	figure,
	gaps,
	referenceEngine,
	settled,
	tiles
} from './actividades.helpers';

const base = () => inject('baseUrl');
const SJL = '150132'; // San Juan de Lurigancho
const Y2024 = "a.date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'";

describe('activities (/actividades) in Chromium, demo data', () => {
	let session: Session;
	let ref: Engine;
	let cli: { activity: Csv };

	beforeAll(async () => {
		ref = await referenceEngine();
		cli = await cliMetrics();
		session = await openSession();
		await session.page.goto(`${base()}/actividades`);
		await settled(session.page, 90_000);
	});

	afterAll(async () => {
		await session?.close();
		await ref?.close();
	});

	it('prerenders the latest year with real figures, before DuckDB starts', async () => {
		const html = await (await fetch(`${base()}/actividades`)).text();
		const { activities } = await countWhere(ref, Y2024);
		expect(html).toContain(`data-testid="kf-activities" data-value="${activities}"`);
		expect(html).toContain('data-testid="tile-map"');
		expect(html.match(/class="bar-row/g)?.length ?? 0).toBeGreaterThan(30);
	});

	it('shows the latest year live, with the change against the year before', async () => {
		const page = session.page;
		expect(await figure(page, 'activities')).toBe((await countWhere(ref, Y2024)).activities);
		expect(await figure(page, 'participants')).toBe((await countWhere(ref, Y2024)).participants);
		const prev = await countWhere(ref, 'year(a.date) = 2023');
		const kf = page.locator('[data-testid="kf-activities"]');
		expect(Number(await kf.getAttribute('data-previous'))).toBe(prev.activities);
		expect(await kf.textContent()).toContain('2023');
	});

	it('cross-filters: a type bar narrows every other view, not its own', async () => {
		const page = session.page;
		const before = await bars(page, 'act-by-type');
		await clickBar(page, 'act-by-type', 'Conversatorio');
		await page.waitForURL(/tipo=conversatorio/);
		await settled(page);
		const expected = await countWhere(ref, `${Y2024} AND a.type = 'conversatorio'`);
		expect(await figure(page, 'activities')).toBe(expected.activities);
		expect(await figure(page, 'participants')).toBe(expected.participants);
		// the audience bars add up to the same count
		const audience = [...(await bars(page, 'act-by-audience')).values()].reduce((a, b) => a + b, 0);
		expect(audience).toBe(expected.activities);
		// the map: San Juan de Lurigancho's reach with the same rows
		const [sjl] = await ref.query(
			`SELECT 1000.0 * coalesce(sum(participants_migrants), 0) / max(d.migrant_population) AS reach
			FROM districts d LEFT JOIN activities a ON a.ubigeo = d.ubigeo AND ${Y2024} AND a.type = 'conversatorio'
			WHERE d.ubigeo = ?`,
			[SJL]
		);
		expect((await tiles(page)).get(SJL)).toBeCloseTo(Number(sjl.reach), 9);
		// the type view ignores its own selection: every type keeps its count
		expect(await bars(page, 'act-by-type')).toEqual(before);
		expect(await page.locator('[data-testid="act-chips"] [data-chip]').count()).toBe(1);
	});

	it('cross-filters by district on the map, and chips remove one selection at a time', async () => {
		const page = session.page;
		await page.locator(`[data-testid="act-districts"] g.tile[data-ubigeo="${SJL}"]`).click();
		await page.waitForURL(new RegExp(`distrito=${SJL}`));
		await settled(page);
		const both = await countWhere(ref, `${Y2024} AND a.type = 'conversatorio' AND a.ubigeo = ?`, [
			SJL
		]);
		expect(await figure(page, 'activities')).toBe(both.activities);
		const byType = await bars(page, 'act-by-type');
		const sjlTypes = await ref.query(
			`SELECT type, count(*)::INTEGER AS n FROM activities a WHERE ${Y2024} AND a.ubigeo = ? GROUP BY type`,
			[SJL]
		);
		// the type view ignores the type selection but not the district one
		expect(sjlTypes.length).toBeGreaterThan(1);
		for (const r of sjlTypes) expect(byType.get(trUnder('es', 'activityType.', r.type))).toBe(r.n);
		expect(await page.locator('[data-testid="act-chips"] [data-chip]').count()).toBe(2);
		// the map ignores the district selection: other districts keep their values
		expect((await tiles(page)).size).toBe(50);

		await page.locator('[data-chip="type:conversatorio"]').click();
		await page.waitForURL((url) => !url.search.includes('tipo='));
		await settled(page);
		expect(await figure(page, 'activities')).toBe(
			(await countWhere(ref, `${Y2024} AND a.ubigeo = ?`, [SJL])).activities
		);
		// back: the type selection returns
		await page.goBack();
		await page.waitForURL(/tipo=conversatorio/);
		await settled(page);
		expect(await figure(page, 'activities')).toBe(both.activities);
		// a second click on the tile releases the district
		await page.locator(`[data-testid="act-districts"] g.tile[data-ubigeo="${SJL}"]`).click();
		await page.waitForURL((url) => !url.search.includes('distrito='));
		await settled(page);
		expect(await figure(page, 'activities')).toBe(
			(await countWhere(ref, `${Y2024} AND a.type = 'conversatorio'`)).activities
		);
		await page.locator('[data-testid="act-chips"] button.clear').click();
		await page.waitForURL((url) => url.search === '');
		await settled(page);
	});

	it('answers a click in a category from its cross-filter indexes once the page is idle, with the figures of the rows', async () => {
		const page = session.page;
		const view = page.locator('[data-testid="activities"]');
		const ready = () =>
			page.waitForSelector('[data-testid="activities"][data-next-click="ready"]', {
				timeout: 60_000
			});
		const VOCAB = {
			type: 'activityType',
			audience: 'audience',
			topic: 'topic',
			modality: 'modality'
		} as const;
		// every view against the rows: the key figures, each breakdown (all but its own
		// selection), the map's reach per 1,000 migrants
		const expectViews = async (sel: Partial<Record<keyof typeof VOCAB, string>>) => {
			const where = (except?: string) =>
				[
					Y2024,
					...Object.entries(sel)
						.filter(([d]) => d !== except)
						.map(([d, v]) => `a.${d} = '${v}'`)
				].join(' AND ');
			const all = await countWhere(ref, where());
			expect(await figure(page, 'activities')).toBe(all.activities);
			expect(await figure(page, 'participants')).toBe(all.participants);
			for (const dim of Object.keys(VOCAB) as (keyof typeof VOCAB)[]) {
				const rows = await ref.query(
					`SELECT ${dim} AS k, count(*)::INTEGER AS n FROM activities a WHERE ${where(dim)} GROUP BY 1`
				);
				const shown = await bars(page, `act-by-${dim}`);
				for (const r of rows)
					expect(shown.get(trUnder('es', `${VOCAB[dim]}.`, r.k)), `${dim} ${r.k}`).toBe(r.n);
				const total = rows.reduce((n, r) => n + Number(r.n), 0);
				expect([...shown.values()].reduce((a, b) => a + b, 0)).toBe(total);
			}
			const reach = await ref.query(
				`SELECT d.ubigeo, CASE WHEN max(d.migrant_population) > 0
					THEN 1000.0 * coalesce(sum(a.participants_migrants), 0) / max(d.migrant_population) END AS r
				FROM districts d LEFT JOIN activities a ON a.ubigeo = d.ubigeo AND ${where()}
				GROUP BY d.ubigeo`
			);
			const shownTiles = await tiles(page);
			for (const r of reach) {
				const v = shownTiles.get(String(r.ubigeo));
				if (r.r === null) expect(v).toBeNull();
				else expect(v).toBeCloseTo(Number(r.r), 9);
			}
		};

		await ready();
		await clickBar(page, 'act-by-type', tr('es', 'activityType.conversatorio'));
		await page.waitForURL(/tipo=conversatorio/);
		await settled(page);
		expect(await view.getAttribute('data-index')).toBe('type');
		await expectViews({ type: 'conversatorio' });

		// a second category: its indexes were filled for the selection with the type
		await ready();
		const [{ k: audience }] = await ref.query(
			`SELECT audience AS k FROM activities a WHERE ${Y2024} AND a.type = 'conversatorio'
			GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`
		);
		await clickBar(page, 'act-by-audience', trUnder('es', 'audience.', audience));
		await page.waitForURL(/publico=/);
		await settled(page);
		expect(await view.getAttribute('data-index')).toBe('audience');
		await expectViews({ type: 'conversatorio', audience: String(audience) });

		// the type released: the type's indexes, filled again for the audience
		await ready();
		await clickBar(page, 'act-by-type', tr('es', 'activityType.conversatorio'));
		await page.waitForURL((url) => !url.search.includes('tipo='));
		await settled(page);
		expect(await view.getAttribute('data-index')).toBe('type');
		await expectViews({ audience: String(audience) });

		await page.locator('[data-testid="act-chips"] button.clear').click();
		await page.waitForURL((url) => url.search === '');
		await settled(page);
	});

	it('narrows to a month clicked in the trend, compared with the month before', async () => {
		const page = session.page;
		await page
			.locator('[data-testid="act-trend"] g.column[data-category="2024-06"] g.segment')
			.first()
			.click();
		await page.waitForURL(/mes=2024-06/);
		await settled(page);
		expect(await figure(page, 'activities')).toBe(
			(await countWhere(ref, "strftime(a.date, '%Y-%m') = '2024-06'")).activities
		);
		const kf = page.locator('[data-testid="kf-activities"]');
		expect(Number(await kf.getAttribute('data-previous'))).toBe(
			(await countWhere(ref, "strftime(a.date, '%Y-%m') = '2024-05'")).activities
		);
		// the trend itself still shows every month of the year
		expect(
			await page.locator('[data-testid="act-trend"] g.column[data-total]').count()
		).toBeGreaterThanOrEqual(12);
	});

	it('filters by province, years and a date range from the panel, all in the URL', async () => {
		const page = session.page;
		await page.goto(`${base()}/actividades`);
		await settled(page);
		await page.getByRole('checkbox', { name: 'Callao', exact: true }).check();
		await page.waitForURL(/provincia=Callao/);
		await settled(page);
		expect(await figure(page, 'activities')).toBe(
			(
				await countWhere(
					ref,
					`${Y2024} AND a.ubigeo IN (SELECT ubigeo FROM districts WHERE province = 'Callao')`
				)
			).activities
		);
		expect((await tiles(page)).size).toBe(7); // the 7 districts of Callao

		await page.selectOption('#act-year-from', '2022');
		await page.waitForURL(/anio=2022-2024/);
		await settled(page);
		expect(await figure(page, 'activities')).toBe(
			(
				await countWhere(
					ref,
					`year(a.date) BETWEEN 2022 AND 2024 AND a.ubigeo IN (SELECT ubigeo FROM districts WHERE province = 'Callao')`
				)
			).activities
		);

		await page.getByRole('radio', { name: 'Rango de fechas' }).check();
		await page.fill('#act-from', '2023-03-15');
		await page.fill('#act-to', '2023-07-01');
		await page.getByRole('button', { name: 'Aplicar' }).click();
		await page.waitForURL(/desde=2023-03-15&hasta=2023-07-01/);
		await settled(page);
		const range = "a.date BETWEEN DATE '2023-03-15' AND DATE '2023-07-01'";
		const callao = "a.ubigeo IN (SELECT ubigeo FROM districts WHERE province = 'Callao')";
		expect(await figure(page, 'activities')).toBe(
			(await countWhere(ref, `${range} AND ${callao}`)).activities
		);
		// 109 days before: 2022-11-26 … 2023-03-14
		expect(
			Number(await page.locator('[data-testid="kf-activities"]').getAttribute('data-previous'))
		).toBe(
			(
				await countWhere(
					ref,
					`a.date BETWEEN DATE '2022-11-26' AND DATE '2023-03-14' AND ${callao}`
				)
			).activities
		);
		// the URL alone rebuilds the view
		await page.reload();
		await settled(page, 90_000);
		expect(await figure(page, 'activities')).toBe(
			(await countWhere(ref, `${range} AND ${callao}`)).activities
		);
	});

	it('lists the districts without activities in the year as the metrics CLI does, biggest gaps first', async () => {
		const page = session.page;
		await page.goto(`${base()}/actividades`);
		await settled(page);
		const zero = cli.activity.filter((r) => r.year === '2024' && r.activities === '0');
		expect(zero.length).toBeGreaterThan(0);
		const shown = await gaps(page);
		expect([...shown].sort()).toEqual(zero.map((r) => r.ubigeo).sort());
		const population = new Map(
			(await ref.query('SELECT ubigeo, migrant_population AS p FROM districts')).map((r) => [
				String(r.ubigeo),
				Number(r.p)
			])
		);
		const ordered = [...shown].sort((a, b) => population.get(b)! - population.get(a)!);
		expect(shown).toEqual(ordered);
		// and for another year, through the URL
		await page.goto(`${base()}/actividades?anio=2021`);
		await settled(page, 90_000);
		const zero2021 = cli.activity.filter((r) => r.year === '2021' && r.activities === '0');
		expect((await gaps(page)).sort()).toEqual(zero2021.map((r) => r.ubigeo).sort());
	});

	it('sorts and pages the activity table and downloads the selection as CSV', async () => {
		const page = session.page;
		await page.goto(`${base()}/actividades?tipo=campana`);
		await settled(page, 90_000);
		await page.locator('[data-testid="act-table"] th button', { hasText: 'Participantes' }).click();
		await page.waitForURL(/orden=participants_total/);
		await settled(page);
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid="act-table"]')?.getAttribute('data-current') === 'true'
		);
		const firstPage = await page.$$eval('[data-testid="act-table"] tbody tr', (trs) =>
			trs.map((tr) => tr.getAttribute('data-id'))
		);
		const expected = await ref.query(
			`SELECT activity_id FROM activities a WHERE ${Y2024} AND type = 'campana'
			ORDER BY participants_total ASC, activity_id ASC LIMIT 25`
		);
		expect(firstPage).toEqual(expected.map((r) => r.activity_id));
		await page.getByRole('button', { name: 'Siguiente' }).click();
		await page.waitForURL(/pagina=2/);
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid="act-table"]')?.getAttribute('data-current') === 'true'
		);
		const second = await page.$$eval('[data-testid="act-table"] tbody tr', (trs) =>
			trs.map((tr) => tr.getAttribute('data-id'))
		);
		const expected2 = await ref.query(
			`SELECT activity_id FROM activities a WHERE ${Y2024} AND type = 'campana'
			ORDER BY participants_total ASC, activity_id ASC LIMIT 25 OFFSET 25`
		);
		expect(second).toEqual(expected2.map((r) => r.activity_id));

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-testid="act-table-csv"]').click()
		]);
		const rows = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows.length).toBe((await countWhere(ref, `${Y2024} AND a.type = 'campana'`)).activities);
		expect(rows.every((r) => r.type === 'campana' && r.date.startsWith('2024-'))).toBe(true);
	});

	it('logs an activity: validated like an import, counted everywhere at once, kept after a reload', async () => {
		const page = session.page;
		await page.goto(`${base()}/actividades?distrito=${SJL}`);
		await settled(page, 90_000);
		const before = {
			activities: (await figure(page, 'activities'))!,
			participants: (await figure(page, 'participants'))!,
			conversatorio: (await bars(page, 'act-by-type')).get('Conversatorio')!
		};
		await page.locator('[data-testid="act-log-toggle"]').click();
		await page.fill('#log-date', '2024-12-30');
		await page.selectOption('#log-ubigeo', SJL);
		await page.selectOption('#log-type', 'conversatorio');
		await page.selectOption('#log-audience', 'sociedad_civil');
		await page.selectOption('#log-topic', 'integracion');
		await page.selectOption('#log-modality', 'presencial');
		await page.fill('#log-participants_total', '40');
		await page.fill('#log-participants_women', '30');
		await page.fill('#log-participants_men', '20'); // 30 + 20 > 40: an import error
		await page.fill('#log-participants_migrants', '15');
		await page.fill('#log-partner', '=HYPERLINK("http://x")');
		await page.locator('[data-testid="act-log-submit"]').click();
		await page.waitForSelector('[data-testid="act-log-errors"]');
		expect(await page.locator('#log-participants_women').getAttribute('aria-invalid')).toBe('true');
		expect(await figure(page, 'activities')).toBe(before.activities);

		await page.fill('#log-participants_men', '10');
		await page.locator('[data-testid="act-log-submit"]').click();
		await page.waitForFunction(() =>
			document
				.querySelector('[data-testid="act-log-status"]')
				?.textContent?.includes('REG-20241230-')
		);
		await settled(page);
		expect(await figure(page, 'activities')).toBe(before.activities + 1);
		expect(await figure(page, 'participants')).toBe(before.participants + 40);
		expect((await bars(page, 'act-by-type')).get('Conversatorio')).toBe(before.conversatorio + 1);
		const id = await page
			.locator('[data-testid="act-logged"] tbody tr')
			.first()
			.getAttribute('data-id');
		expect(id).toMatch(/^REG-20241230-[A-Z2-9]{6}$/);
		// newest first in the table
		expect(
			await page.locator('[data-testid="act-table"] tbody tr').first().getAttribute('data-id')
		).toBe(id);

		// exported with the contract's columns, the formula neutralised
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-testid="act-logged-csv"]').click()
		]);
		const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
		expect(text.split('\n')[0]).toBe(
			'activity_id,date,ubigeo,type,audience,topic,modality,participants_total,participants_women,participants_men,participants_migrants,partner'
		);
		expect(text).toContain(
			`${id},2024-12-30,${SJL},conversatorio,sociedad_civil,integracion,presencial,40,30,10,15,"'=HYPERLINK(""http://x"")"`
		);

		await page.reload();
		await settled(page, 90_000);
		expect(await figure(page, 'activities')).toBe(before.activities + 1);
		expect(await page.locator(`[data-testid="act-logged"] tr[data-id="${id}"]`).count()).toBe(1);

		// removed again: the figures go back
		await page.locator(`[data-testid="act-logged"] tr[data-id="${id}"] button`).click();
		await page.waitForFunction(
			(n) =>
				document.querySelector('[data-testid="kf-activities"]')?.getAttribute('data-value') ===
				String(n),
			before.activities
		);
		await settled(page);
		expect(await figure(page, 'participants')).toBe(before.participants);
	});

	it('has no axe violations, with selections, tables and the form open', async () => {
		const page = session.page;
		await page.goto(`${base()}/actividades?tipo=conversatorio&distrito=${SJL}`);
		await settled(page, 90_000);
		await page.locator('[data-testid="act-log-toggle"]').click();
		await openAllTables(page);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('works in English too', async () => {
		const page = session.page;
		await page.getByRole('button', { name: 'English' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await page.locator('h1').textContent()).toBe('Activities');
		expect(await page.locator('#act-gaps-title').textContent()).toBe(
			'Districts without activities'
		);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Español' }).click();
	});

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
