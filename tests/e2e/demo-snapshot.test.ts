import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cliMetrics, latestRoundOf, type Csv } from './cli-metrics';
import { formatExport } from '../../src/lib/i18n/format';
import { openSession, type Session } from './browser';

/**
 * The demo data reach a fresh engine as the build's Arrow snapshot of the
 * typed tables (/prefetch/tables/*.arrow), not as CSV files to validate
 * again; when the snapshot cannot be had, the demo CSV files go through the
 * import pipeline, and the page shows the same figures.
 */
interface Loaded {
	requests: string[];
	errors: string[];
	heatmap: { key: string; score: string }[];
	activityTiles: { ubigeo: string; value: string }[];
}

async function figures(page: Page) {
	await page.waitForSelector('[data-testid="heatmap-block"][data-source="engine"]', {
		timeout: 60_000
	});
	const heatmap = await page.$$eval('[data-testid="heatmap"] .cell', (gs) =>
		gs.map((g) => ({
			key: `${g.getAttribute('data-ubigeo')}:${g.getAttribute('data-domain')}`,
			score: g.getAttribute('data-score')!
		}))
	);
	return heatmap;
}

async function load(snapshot: 'served' | 'refused' | 'corrupt'): Promise<Loaded> {
	const session: Session = await openSession();
	try {
		const requests: string[] = [];
		session.context.on('request', (r) => requests.push(new URL(r.url()).pathname));
		if (snapshot === 'refused')
			await session.context.route('**/prefetch/tables/**', (r) => r.abort());
		if (snapshot === 'corrupt')
			await session.context.route('**/activities.arrow*', (r) =>
				r.fulfill({ status: 200, body: Buffer.from('not an arrow stream') })
			);
		// the heatmap (assessments) and the map of activities per district, on one page load
		await session.page.goto(inject('baseUrl') + '/?metrica=activities');
		const heatmap = await figures(session.page);
		await session.page.waitForSelector('[data-testid="map-block"][data-source="engine"]', {
			timeout: 60_000
		});
		const activityTiles = await session.page.$$eval('[data-testid="tile-map"] .tile', (gs) =>
			gs.map((g) => ({
				ubigeo: g.getAttribute('data-ubigeo')!,
				value: g.getAttribute('data-value')!
			}))
		);
		return { requests, errors: [...session.errors], heatmap, activityTiles };
	} finally {
		await session.close();
	}
}

describe('demo data from the build snapshot, with the CSV files as fallback', () => {
	let cli: { domain: Csv };
	let latestRound: string;
	const runs = {} as Record<'served' | 'refused' | 'corrupt', Loaded>;

	beforeAll(async () => {
		cli = await cliMetrics();
		latestRound = latestRoundOf(cli.domain);
		runs.served = await load('served');
		runs.refused = await load('refused');
		runs.corrupt = await load('corrupt');
	}, 240_000);

	it('loads the six tables from the snapshot and never downloads the demo CSV files', () => {
		const arrows = runs.served.requests.filter((p) => p.startsWith('/prefetch/tables/'));
		expect(new Set(arrows)).toEqual(
			new Set(
				['districts', 'framework', 'assessments', 'statistics', 'activities', 'actions'].map(
					(t) => `/prefetch/tables/${t}.arrow`
				)
			)
		);
		expect(runs.served.requests.filter((p) => p.endsWith('.csv'))).toEqual([]);
		expect(runs.served.errors).toEqual([]);
	});

	it('shows the metrics CLI\u2019s domain scores from the snapshot', () => {
		const expected = new Map(
			cli.domain
				.filter((r) => r.round === latestRound)
				.map((r) => [`${r.ubigeo}:${r.domain}`, r.score])
		);
		expect(runs.served.heatmap).toHaveLength(300);
		let compared = 0;
		for (const cell of runs.served.heatmap) {
			const score = expected.get(cell.key) ?? '';
			expect(cell.score === '' ? '' : formatExport(Number(cell.score)), cell.key).toBe(score);
			if (score !== '') compared++;
		}
		expect(compared).toBeGreaterThan(100);
	});

	it('falls back to the demo CSV files when the snapshot is refused or broken, with the same figures', () => {
		for (const which of ['refused', 'corrupt'] as const) {
			const run = runs[which];
			const csv = new Set(run.requests.filter((p) => p.endsWith('.csv')));
			expect(csv.size, which).toBe(6);
			expect(run.heatmap, which).toEqual(runs.served.heatmap);
			expect(run.activityTiles, which).toEqual(runs.served.activityTiles);
		}
		// the activities view really has figures (not 50 empty tiles)
		const counted = runs.served.activityTiles.filter((t) => Number(t.value) > 0);
		expect(runs.served.activityTiles).toHaveLength(50);
		expect(counted.length).toBeGreaterThan(40);
	});
});
