/**
 * /actividades in Chromium on the demo data: the figures (prerendered, then
 * live) and the cross-filters (a bar, the map, a category from its indexes,
 * a month of the trend), each checked against an independent Node engine
 * loaded with the same files. The panel, the table, the form: actividades-
 * table.test.ts. A million rows: actividades-1m.test.ts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '../../src/lib/engine/types';
import { tr, trUnder } from '../../src/lib/i18n';
import type { Session } from './browser';
import {
	bars,
	clickBar,
	countWhere,
	figure,
	openActivities,
	settled,
	tiles
} from './actividades.helpers';

const base = () => inject('baseUrl');
const SJL = '150132'; // San Juan de Lurigancho
const Y2024 = "a.date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'";

describe('activities (/actividades) in Chromium, demo data: figures and cross-filters', () => {
	let session: Session;
	let ref: Engine;

	beforeAll(async () => {
		({ session, ref } = await openActivities(base()));
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

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
