/**
 * /actividades and /explorar on a generated file of 1,000,000 activities,
 * loaded the way an analyst loads it (on /datos). The expected figures come
 * from the metrics CLI's run (same pipeline, Node engine) on the same files,
 * and from plain SQL counts on that engine.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import Papa from 'papaparse';
import { createNodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { runMetrics } from '../../scripts/metrics-run';
import { generateActivities } from '../../scripts/generate-activities';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';
import {
	bars,
	clickBar,
	countWhere,
	dataFiles,
	figure,
	gaps,
	settled,
	tiles
} from './actividades.helpers';

const base = () => inject('baseUrl');
const ROWS = 1_000_000;
const FILE = join(tmpdir(), `integra-activities-${ROWS}.csv`);
const Y2024 = "a.date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'";
const SJL = '150132';

describe('a million activities in Chromium', () => {
	let session: Session;
	let ref: Engine;
	let activityCsv: Record<string, string>[];

	beforeAll(async () => {
		if (!existsSync(FILE)) await generateActivities({ rows: ROWS, out: FILE });
		// the metrics CLI's work on the same files; its engine stays loaded for the SQL counts
		ref = await createNodeEngine();
		const run = await runMetrics(ref, dataFiles(FILE), { today: '2026-01-01', locale: 'es' });
		activityCsv = Papa.parse<Record<string, string>>(run.outputs['activity_metrics.csv'], {
			header: true,
			skipEmptyLines: true
		}).data;

		session = await openSession({ optimizedWasm: true });
		const page = session.page;
		await page.goto(`${base()}/datos`);
		await page.setInputFiles('[data-testid="file-input"]', FILE);
		await page.waitForSelector('[data-testid="load"]', { timeout: 300_000 });
		const replace = page.locator('input[type="radio"][value="replace"]');
		if (await replace.count()) await replace.first().check();
		await page.locator('[data-testid="load"]').click();
		await page.waitForSelector('[data-testid="loaded-result"]', { timeout: 300_000 });
		// client-side navigation: the same engine, with the million rows loaded
		await page.locator('nav a', { hasText: 'Actividades' }).click();
		await settled(page, 300_000);
	}, 900_000);

	afterAll(async () => {
		await session?.close();
		await ref?.close();
	});

	it('shows the year of a million rows, as SQL counts it', async () => {
		const { activities, participants } = await countWhere(ref, Y2024);
		expect(activities).toBeGreaterThan(200_000);
		expect(await figure(session.page, 'activities')).toBe(activities);
		expect(await figure(session.page, 'participants')).toBe(participants);
	});

	it('cross-filters by a bar and by a district, each view keeping its own selection out', async () => {
		const page = session.page;
		const typesBefore = await bars(page, 'act-by-type');
		await clickBar(page, 'act-by-type', 'Capacitación');
		await page.waitForURL(/tipo=capacitacion/);
		await settled(page);
		const one = await countWhere(ref, `${Y2024} AND a.type = 'capacitacion'`);
		expect(await figure(page, 'activities')).toBe(one.activities);
		const audience = [...(await bars(page, 'act-by-audience')).values()].reduce((a, b) => a + b, 0);
		expect(audience).toBe(one.activities);
		expect(await bars(page, 'act-by-type')).toEqual(typesBefore);

		await page.locator(`[data-testid="act-districts"] g.tile[data-ubigeo="${SJL}"]`).click();
		await page.waitForURL(new RegExp(`distrito=${SJL}`));
		await settled(page);
		const two = await countWhere(ref, `${Y2024} AND a.type = 'capacitacion' AND a.ubigeo = ?`, [
			SJL
		]);
		expect(await figure(page, 'activities')).toBe(two.activities);
		// the map keeps every district (its own selection is left out), with the type applied
		const [lima] = await ref.query(
			`SELECT 1000.0 * sum(participants_migrants) / max(d.migrant_population) AS reach
			FROM activities a JOIN districts d USING (ubigeo)
			WHERE ${Y2024} AND a.type = 'capacitacion' AND a.ubigeo = '150101'`
		);
		expect((await tiles(page)).get('150101')).toBeCloseTo(Number(lima.reach), 6);

		// three selections: the views read the day cube
		await clickBar(page, 'act-by-modality', 'Virtual');
		await page.waitForURL(/modalidad=virtual/);
		await settled(page);
		expect(await figure(page, 'activities')).toBe(
			(
				await countWhere(
					ref,
					`${Y2024} AND a.type = 'capacitacion' AND a.ubigeo = ? AND a.modality = 'virtual'`,
					[SJL]
				)
			).activities
		);
		await page.locator('[data-testid="act-chips"] button.clear').click();
		await page.waitForURL((url) => url.search === '');
		await settled(page);
	});

	it('lists the districts without activities as the metrics CLI does', async () => {
		const zero = activityCsv.filter((r) => r.year === '2024' && r.activities === '0');
		expect(zero.map((r) => r.ubigeo).sort()).toEqual(['150124', '150129']);
		expect((await gaps(session.page)).sort()).toEqual(zero.map((r) => r.ubigeo).sort());
	});

	it('logs an activity on top of a million rows, and keeps it after a reload', async () => {
		const page = session.page;
		const before = (await figure(page, 'activities'))!;
		await page.locator('[data-testid="act-log-toggle"]').click();
		await page.fill('#log-date', '2024-11-20');
		await page.selectOption('#log-ubigeo', '150129'); // San Bartolo: never reached
		await page.selectOption('#log-type', 'campana');
		await page.selectOption('#log-audience', 'comunidad_migrante');
		await page.selectOption('#log-topic', 'salud');
		await page.selectOption('#log-modality', 'presencial');
		await page.fill('#log-participants_total', '120');
		await page.fill('#log-participants_women', '70');
		await page.fill('#log-participants_men', '50');
		await page.fill('#log-participants_migrants', '90');
		await page.locator('[data-testid="act-log-submit"]').click();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="act-log-status"]')?.textContent?.includes('REG-'),
			null,
			{ timeout: 60_000 }
		);
		await settled(page);
		expect(await figure(page, 'activities')).toBe(before + 1);
		expect(await gaps(page)).toEqual(['150124']); // San Bartolo was reached

		await page.reload();
		await settled(page, 300_000);
		expect(await figure(page, 'activities')).toBe(before + 1);
		expect(await gaps(page)).toEqual(['150124']);
	}, 400_000);

	it('has no axe violations with a million rows and a selection', async () => {
		const page = session.page;
		await clickBar(page, 'act-by-topic', 'Salud');
		await settled(page);
		await page.waitForSelector('[data-testid="act-table"][data-current="true"]');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('queries the million rows from the SQL console, stops a long query, and reports errors', async () => {
		const page = session.page;
		await page.locator('nav a', { hasText: 'Explorar' }).click();
		await page.waitForSelector('[data-testid="exp-sql"]');
		const run = async (sql: string) => {
			await page.fill('[data-testid="exp-sql"]', sql);
			await page.locator('[data-testid="exp-sql"]').press('Control+Enter');
			await page.waitForFunction(
				() =>
					!document
						.querySelector('[data-testid="exp-status"]')
						?.textContent?.includes('Ejecutando'),
				null,
				{ timeout: 30_000 }
			);
		};
		await run('SELECT count(*) AS n FROM activities');
		const n = await page.locator('[data-testid="exp-result-table"] tbody td').nth(1).textContent();
		expect(Number(n!.replace(/\D/g, ''))).toBe(ROWS + 1); // the million and the logged one

		// a result of every row is cut at 100,000, paged, and still downloads
		await run('SELECT * FROM activities');
		expect(await page.locator('[data-testid="exp-result"]').getAttribute('data-rows')).toBe(
			'100000'
		);
		expect(await page.locator('[data-testid="exp-status"]').textContent()).toContain('100,000');

		await page.fill(
			'[data-testid="exp-sql"]',
			'SELECT count(*) FROM activities a, range(100000) r'
		);
		await page.locator('[data-testid="exp-run"]').click();
		await page.waitForTimeout(1000);
		await page.locator('[data-testid="exp-stop"]').click();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="exp-status"]')?.textContent?.includes('detenida'),
			null,
			{ timeout: 15_000 }
		);
		await run('SELECT no_existe FROM activities');
		expect(await page.locator('[data-testid="exp-error"]').textContent()).toContain('no_existe');
	}, 180_000);

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
