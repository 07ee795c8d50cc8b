import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';

const FIXTURE = 'tests/fixtures/geo/lima-sample.geojson';

describe('district boundaries (GeoJSON) in Chromium', () => {
	let session: Session;

	beforeAll(async () => {
		session = await openSession();
	});

	afterAll(async () => {
		await session?.close();
	});

	it('draws the tile grid while no boundaries are loaded', async () => {
		await session.page.goto(inject('baseUrl') + '/');
		await session.page.waitForSelector('[data-testid="map-block"][data-source="engine"]', {
			timeout: 60_000
		});
		expect(await session.page.locator('[data-testid="tile-map"] .tile').count()).toBe(50);
	});

	it('loads a GeoJSON on /datos, asks for the key property and proposes the matching one', async () => {
		const page = session.page;
		await page.goto(inject('baseUrl') + '/datos');
		await page.waitForFunction(() => !!document.querySelector('[data-testid="boundary-loader"]'));
		// the picker is enabled once the engine can count the matches
		await page.waitForSelector('[data-testid="boundary-loader"] input[type="file"]:enabled', {
			timeout: 60_000
		});
		await page.locator('[data-testid="boundary-loader"] input[type="file"]').setInputFiles(FIXTURE);
		const select = page.locator('[data-testid="geo-key"]');
		await select.waitFor();
		// IDDIST matches Lima, San Juan de Lurigancho and Callao (70101 → 070101); NOMBDIST matches none
		expect(await select.inputValue()).toBe('IDDIST');
		expect(await select.locator('option').allTextContents()).toEqual([
			'IDDIST (coincide con 3 de 50 distritos)',
			'NOMBDIST (coincide con 0 de 50 distritos)'
		]);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Usar estos límites' }).click();
		await expect
			.poll(() => page.locator('[data-testid="boundary-status"]').textContent())
			.toContain('lima-sample.geojson');
	});

	it('draws the boundaries on the observatory and names what did not match', async () => {
		const page = session.page;
		await page.goto(inject('baseUrl') + '/');
		await page.waitForSelector('[data-testid="map-block"][data-source="engine"]', {
			timeout: 60_000
		});
		await expect
			.poll(() => page.locator('[data-testid="map-block"] g.district[data-ubigeo]').count())
			.toBe(3);
		expect(await page.locator('[data-testid="tile-map"]').count()).toBe(0);
		const text = (await page.locator('[data-testid="map-block"]').textContent()) ?? '';
		// 47 districts have no polygon; the 999999 feature has no district
		expect(text).toContain('47');
		expect(text).toContain('999999');
	});

	it('remembers the boundaries across a reload, and can go back to the grid', async () => {
		const page = session.page;
		await page.reload();
		await page.waitForSelector('[data-testid="map-block"][data-source="engine"]', {
			timeout: 60_000
		});
		await expect
			.poll(() => page.locator('[data-testid="map-block"] g.district[data-ubigeo]').count())
			.toBe(3);
		await page.goto(inject('baseUrl') + '/datos');
		await page.getByRole('button', { name: 'Quitar los límites y volver a la cuadrícula' }).click();
		await page.goto(inject('baseUrl') + '/');
		await page.waitForSelector('[data-testid="map-block"][data-source="engine"]', {
			timeout: 60_000
		});
		await expect.poll(() => page.locator('[data-testid="tile-map"] .tile').count()).toBe(50);
	});

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
