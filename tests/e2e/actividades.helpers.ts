/**
 * Shared by the /actividades end-to-end tests (demo data and a million rows):
 * an independent Node engine loaded with the same files, to count rows with
 * plain hand-written SQL, and small page helpers.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './browser';
import { createNodeEngine } from '../../src/lib/engine/node';
import { importFiles } from '../../src/lib/data/import';
import { readDemoFiles } from '../../src/lib/server/demo-files';
import type { Engine, Value } from '../../src/lib/engine/types';

/** The demo files of data/, with `activities.csv` optionally replaced by another file. */
export function dataFiles(activitiesPath?: string): { fileName: string; bytes: Uint8Array }[] {
	return readDemoFiles().map((f) =>
		f.fileName === 'activities.csv' && activitiesPath
			? { ...f, bytes: new Uint8Array(readFileSync(activitiesPath)) }
			: f
	);
}

/** A Node engine with the files loaded through the import pipeline, as the browser loads them. */
export async function referenceEngine(activitiesPath?: string): Promise<Engine> {
	const engine = await createNodeEngine();
	await importFiles(engine, dataFiles(activitiesPath), {
		mode: 'replace',
		today: '9999-12-31',
		locale: 'es'
	});
	return engine;
}

/** `SELECT count(*) FROM activities WHERE <where>` on the reference engine. */
export async function countWhere(engine: Engine, where: string, params: Value[] = []) {
	const [row] = await engine.query(
		`SELECT count(*)::INTEGER AS n, coalesce(sum(participants_total), 0)::DOUBLE AS p FROM activities a WHERE ${where}`,
		params
	);
	return { activities: Number(row.n), participants: Number(row.p) };
}

/** Waits until every chart shows the answer for the URL in the address bar, computed live. */
export async function settled(page: Page, timeout = 60_000): Promise<void> {
	await page.waitForFunction(
		() => {
			const el = document.querySelector<HTMLElement>('[data-testid="activities"]');
			// the same parameters in any order (the page writes them in a fixed one)
			const norm = (q: string) =>
				[...new URLSearchParams(q)]
					.map((p) => p.join('='))
					.sort()
					.join('&');
			return (
				!!el &&
				norm(el.dataset.state ?? '') === norm(location.search) &&
				el.dataset.settled === 'true' &&
				el.dataset.source === 'engine'
			);
		},
		null,
		{ timeout }
	);
}

/** The value of a key figure (its `data-value`). */
export async function figure(page: Page, key: string): Promise<number | null> {
	const v = await page.locator(`[data-testid="kf-${key}"]`).getAttribute('data-value');
	return v === null || v === '' ? null : Number(v);
}

/** The bars of a breakdown: label (without the selection mark) → value. */
export async function bars(page: Page, testid: string): Promise<Map<string, number>> {
	const rows = await page.$$eval(`[data-testid="${testid}"] g.bar-row`, (gs) =>
		gs.map((g) => ({
			label: (g.getAttribute('aria-label') ?? '').split('. ')[0].replace(/^✓ /, ''),
			value: Number(g.getAttribute('data-value'))
		}))
	);
	return new Map(rows.map((r) => [r.label, r.value]));
}

/** Clicks the bar whose label is `label` in a bar list. */
export async function clickBar(page: Page, testid: string, label: string): Promise<void> {
	const rows = page.locator(`[data-testid="${testid}"] g.bar-row`);
	const n = await rows.count();
	for (let i = 0; i < n; i++) {
		const aria = (await rows.nth(i).getAttribute('aria-label')) ?? '';
		if (aria.split('. ')[0].replace(/^✓ /, '') === label) {
			await rows.nth(i).click();
			return;
		}
	}
	throw new Error(`no bar "${label}" in ${testid}`);
}

/** Tile values of the map: ubigeo → value (null for "sin datos"). */
export async function tiles(page: Page): Promise<Map<string, number | null>> {
	const rows = await page.$$eval('[data-testid="act-districts"] g.tile', (gs) =>
		gs.map((g) => [g.getAttribute('data-ubigeo')!, g.getAttribute('data-value')!] as const)
	);
	return new Map(rows.map(([u, v]) => [u, v === '' ? null : Number(v)]));
}

/** The "Distritos sin actividades" list, in order. */
export async function gaps(page: Page): Promise<string[]> {
	return page.$$eval('[data-testid="act-gaps-table"] tbody tr', (trs) =>
		trs.map((tr) => tr.getAttribute('data-ubigeo')!)
	);
}

/**
 * What each demo-data file of /actividades starts with: a browser on the page,
 * settled, and the reference engine to check its figures against.
 */
export async function openActivities(baseUrl: string): Promise<{ session: Session; ref: Engine }> {
	const ref = await referenceEngine();
	const session = await openSession();
	await session.page.goto(`${baseUrl}/actividades`);
	await settled(session.page, 90_000);
	return { session, ref };
}
