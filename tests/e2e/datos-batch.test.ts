import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';
import {
	card,
	demoRows,
	expectAttr,
	expectContains,
	expectCount,
	openDatos,
	query,
	shownRows,
	stage
} from './datos-helpers';
import { DATASETS, ownDataset } from './datos-batch.fixture';

// Issue 18 §1: an analyst picks the six files of their own dataset at once
// (Excel copies: Windows-1252, `;`), with district codes and indicator ids
// the demo data do not have. Expected figures come from datos-batch.fixture.ts.

const own = ownDataset();
const es = (n: number) => new Intl.NumberFormat('es-PE').format(n);
const OTHERS = ['assessments', 'statistics', 'activities', 'actions'] as const;
/** The latest round of the analyst's assessments and how many of the 10 districts answered it. */
const LATEST = own.rows.assessments
	.map((r) => r.round)
	.sort()
	.at(-1)!;
const ASSESSED = new Set(
	own.rows.assessments.filter((r) => r.round === LATEST).map((r) => r.ubigeo)
).size;

describe('/datos: a whole dataset in one go (Chromium)', () => {
	let session: Session;
	let baseUrl: string;
	let dir: string;
	const path = (d: (typeof DATASETS)[number]) => join(dir, own.files[d].name);

	beforeAll(async () => {
		baseUrl = inject('baseUrl');
		dir = mkdtempSync(join(tmpdir(), 'integra-batch-'));
		for (const d of DATASETS) writeFileSync(path(d), own.files[d].bytes);
		session = await openSession();
		await openDatos(session.page, baseUrl);
	});

	afterAll(async () => {
		await session?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('the figures the test works with', () => {
		expect(own.rows.districts).toHaveLength(10);
		for (const d of OTHERS) expect(own.rows[d].length, d).toBeGreaterThan(0);
		expect(own.implausibleLines).toContain(own.flagged.line);
		expect(ASSESSED).toBeGreaterThan(0);
		expect(ASSESSED).toBeLessThanOrEqual(10);
	});

	it('a card is checked again at once when its references are staged or dropped', async () => {
		const { page } = session;
		// The assessments alone: checked against the demo districts and framework, nothing loads.
		await stage(page, [path('assessments')]);
		const a = card(page, own.files.assessments.name);
		await expectContains(a.getByTestId('report-summary'), 'Se cargarían 0 filas');
		// Its districts and framework join the batch: the card is checked again, and is clean.
		await stage(page, [path('framework'), path('districts')]);
		await expectContains(
			a.getByTestId('report-summary'),
			`${es(own.rows.assessments.length)} filas leídas, sin problemas.`
		);
		await expectContains(a.getByTestId('rechecked'), 'Se revisó de nuevo');
		// Loaded alone it would point at districts not loaded yet: it waits for its batch.
		await expectContains(a.getByTestId('waits-for-batch'), 'se carga con «Cargar todo»');
		expect(await a.getByTestId('load').isDisabled()).toBe(true);
		// The framework leaves the batch: its indicators are unknown again.
		await card(page, own.files.framework.name)
			.getByRole('button', { name: /^Quitar .* de la lista$/ })
			.click();
		await expectContains(a.getByTestId('report-summary'), 'Se cargarían 0 filas');
		await expectCount(page.locator('[data-testid="file-card"]'), 2);
		for (const name of [own.files.assessments.name, own.files.districts.name]) {
			await card(page, name)
				.getByRole('button', { name: /^Quitar .* de la lista$/ })
				.click();
		}
		await expectCount(page.locator('[data-testid="file-card"]'), 0);
	});

	it('replacing districts and framework asks first about the loaded rows outside the batch', async () => {
		const { page } = session;
		// Four of the six: the demo activities and actions would point at districts that are gone.
		await stage(page, [
			path('statistics'),
			path('assessments'),
			path('framework'),
			path('districts')
		]);
		const ask = page.getByTestId('batch-orphans');
		const actionsWithIndicator = (await query(
			page,
			'SELECT count(*)::INTEGER AS n FROM actions WHERE indicator_id IS NOT NULL'
		)) as { n: number }[];
		await expectContains(
			ask,
			`Si reemplaza los distritos con «${own.files.districts.name}», ` +
				`${es(demoRows('activities'))} actividades y ${es(demoRows('actions'))} acciones del plan quedarán sin distrito`
		);
		await expectContains(
			ask,
			`Si reemplaza el marco de indicadores con «${own.files.framework.name}», ` +
				`${es(actionsWithIndicator[0].n)} acciones del plan quedarán sin indicador`
		);
		await expectContains(page.getByTestId('batch-confirm'), 'Cargar todo y quitar esas filas');
		await expectCount(page.getByTestId('load-all'), 0);
		expect(await axeViolations(page)).toEqual([]);
		// Cancel: nothing was replaced, and the batch is put away.
		await page.getByTestId('batch-cancel').click();
		await expectCount(page.locator('[data-testid="file-card"]'), 0);
		await expectContains(page.getByTestId('notice'), 'No se cambió nada');
		for (const d of DATASETS) expect(await shownRows(page, d), d).toBe(demoRows(d));

		// Again, and this time load and remove: the observatory never counts districts that are gone.
		await stage(page, [
			path('districts'),
			path('framework'),
			path('assessments'),
			path('statistics')
		]);
		await page.getByTestId('batch-confirm').click();
		await page.waitForFunction(
			() =>
				[...document.querySelectorAll('[data-testid="file-card"]')].every(
					(c) => c.getAttribute('data-phase') === 'loaded'
				),
			undefined,
			{ timeout: 120_000 }
		);
		for (const d of ['districts', 'framework', 'assessments', 'statistics'] as const) {
			await expectAttr(
				page.locator(`[data-testid="datasets"] tr[data-dataset="${d}"]`),
				'data-rows',
				String(own.rows[d].length)
			);
		}
		for (const d of ['activities', 'actions']) expect(await shownRows(page, d), d).toBe(0);
		await page.goto(`${baseUrl}/`);
		const figure = page.locator('[data-testid="kf-assessed"]');
		await expectContains(figure, 'de 10 distritos', 60_000);
		expect(Number(await figure.locator('.big').textContent())).toBe(ASSESSED);
		await openDatos(page, baseUrl);
	}, 300_000);

	it('checks the six files together, warns of implausible values, and loads them with one click', async () => {
		const { page } = session;
		// Picked at once, in no particular order.
		await stage(page, [...DATASETS].reverse().map(path), 120_000);
		// The cards show in load order, districts and framework first.
		const order = await page
			.locator('[data-testid="file-card"]')
			.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-file')));
		expect(order).toEqual(DATASETS.map((d) => own.files[d].name));
		// Each is checked against the batch's own districts and framework: no errors.
		for (const d of ['assessments', 'statistics', 'actions'] as const) {
			await expectContains(
				card(page, own.files[d].name).getByTestId('report-summary'),
				`${es(own.rows[d].length)} filas leídas, sin problemas.`
			);
		}
		// The implausible activity is a warning, with its line; it does not block the load.
		const acts = card(page, own.files.activities.name);
		await expectContains(
			acts.getByTestId('report-summary'),
			`0 errores y ${es(own.implausibleLines.length)} advertencias. Se cargarían ${es(own.rows.activities.length)} filas.`
		);
		const flagged = acts.locator(
			`[data-testid="report-issues"] tr[data-code="migrants_above_district"]`
		);
		await expectContains(flagged.first().locator('td').first(), String(own.flagged.line));
		await expectContains(
			flagged.first(),
			'310 participantes migrantes, pero el distrito tiene 40 personas migrantes en total'
		);
		// Every file of the batch replaces its dataset: nothing outside it would stop matching.
		await expectCount(page.getByTestId('batch-orphans'), 0);
		const all = page.getByTestId('load-all');
		await expectContains(all, 'Cargar todo (6 archivos)');
		expect(await axeViolations(page)).toEqual([]);
		await all.click();
		await page.waitForFunction(
			() =>
				[...document.querySelectorAll('[data-testid="file-card"]')].every(
					(c) => c.getAttribute('data-phase') === 'loaded'
				),
			undefined,
			{ timeout: 120_000 }
		);
		await expectContains(page.getByTestId('notice'), 'Se cargaron 6 archivos');
		for (const d of DATASETS) {
			await expectAttr(
				page.locator(`[data-testid="datasets"] tr[data-dataset="${d}"]`),
				'data-rows',
				String(own.rows[d].length)
			);
		}
		// Nothing points at a district or indicator that is not loaded.
		expect(
			await query(
				page,
				OTHERS.map(
					(d) =>
						`SELECT '${d}' AS d, count(*)::INTEGER AS n FROM ${d} WHERE ubigeo NOT IN (SELECT ubigeo FROM districts)`
				).join(' UNION ALL ') + ' ORDER BY d'
			)
		).toEqual([...OTHERS].sort().map((d) => ({ d, n: 0 })));
		// The flagged activity was loaded with its figures.
		expect(
			await query(
				page,
				`SELECT participants_migrants AS m FROM activities WHERE activity_id = '${own.rows.activities[0].activity_id}'`
			)
		).toEqual([{ m: 310 }]);

		// The observatory counts the analyst's 10 districts.
		await page.goto(`${baseUrl}/`);
		const figure = page.locator('[data-testid="kf-assessed"]');
		await expectContains(figure, 'de 10 distritos', 60_000);
		expect(Number(await figure.locator('.big').textContent())).toBe(ASSESSED);
	}, 300_000);

	it('logs no console error', () => {
		expect(session.errors).toEqual([]);
	});
});
