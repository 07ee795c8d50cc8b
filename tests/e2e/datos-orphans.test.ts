import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';
import {
	card,
	expectAttr,
	expectContains,
	expectCount,
	openDatos,
	query,
	shownRows,
	stage,
	waitForData
} from './datos-helpers';

// Issue 19 §5: replacing districts.csv with a file of 5 rows must not leave the
// other datasets pointing at districts that are gone. Every expected figure is
// worked out here from data/*.csv, not by the app's code.

type CsvRow = Record<string, string>;
const demo = (name: string): CsvRow[] =>
	Papa.parse<CsvRow>(readFileSync(join('data', `${name}.csv`), 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

const DISTRICTS = demo('districts');
/** The new districts.csv: the first 5 demo districts (Lima, Ancón, Ate, Barranco, Breña). */
const FIVE = DISTRICTS.slice(0, 5);
const KEPT = new Set(FIVE.map((d) => d.ubigeo));
const OTHERS = ['assessments', 'statistics', 'activities', 'actions'] as const;
const ROWS = Object.fromEntries(OTHERS.map((d) => [d, demo(d)])) as Record<
	(typeof OTHERS)[number],
	CsvRow[]
>;
/** Rows of each dataset whose ubigeo is not one of the five. */
const ORPHANS = Object.fromEntries(
	OTHERS.map((d) => [d, ROWS[d].filter((r) => !KEPT.has(r.ubigeo)).length])
) as Record<(typeof OTHERS)[number], number>;
const TOTAL = OTHERS.reduce((s, d) => s + ORPHANS[d], 0);

const es = (n: number) => new Intl.NumberFormat('es-PE').format(n);

/** The latest round (rounds sort as text) and its assessed districts among the five. */
const LATEST = ROWS.assessments
	.map((r) => r.round)
	.sort()
	.at(-1)!;
const ASSESSED = new Set(
	ROWS.assessments.filter((r) => r.round === LATEST && KEPT.has(r.ubigeo)).map((r) => r.ubigeo)
).size;

describe('/datos: a districts.csv that would orphan rows (Chromium)', () => {
	let session: Session;
	let baseUrl: string;
	let file: string;

	beforeAll(async () => {
		baseUrl = inject('baseUrl');
		const tmp = mkdtempSync(join(tmpdir(), 'integra-orphans-'));
		file = join(tmp, 'distritos.csv');
		writeFileSync(file, Papa.unparse(FIVE, { columns: Object.keys(DISTRICTS[0]) }) + '\n');
		session = await openSession();
		await openDatos(session.page, baseUrl);
	});

	afterAll(async () => {
		await session?.close();
	});

	it('the figures the test works with', () => {
		// Sanity of the hand computation: all four datasets lose rows, and the five are a real subset.
		expect(FIVE.map((d) => d.name)).toEqual(['Lima', 'Ancón', 'Ate', 'Barranco', 'Breña']);
		for (const d of OTHERS) expect(ORPHANS[d], d).toBeGreaterThan(0);
		expect(ASSESSED).toBeLessThanOrEqual(5);
	});

	it('says which datasets would stop matching and how many rows, before replacing anything', async () => {
		const { page } = session;
		await stage(page, [file]);
		const c = card(page, 'distritos.csv');
		const expected =
			`Si reemplaza los distritos con «distritos.csv», ` +
			`${es(ORPHANS.assessments)} respuestas de autoevaluación, ` +
			`${es(ORPHANS.statistics)} datos estadísticos, ` +
			`${es(ORPHANS.activities)} actividades y ` +
			`${es(ORPHANS.actions)} acciones del plan quedarán sin distrito`;
		await expectContains(c.getByTestId('orphans-text'), expected);
		// Never "sin problemas" for a file that would orphan rows.
		const summary = (await c.getByTestId('report-summary').textContent()) ?? '';
		expect(summary).not.toContain('sin problemas');
		expect(summary).toContain(`dejaría ${es(TOTAL)} filas de otros conjuntos sin coincidencia`);
		// Two ways out, and no plain load button.
		await expectContains(
			c.getByTestId('orphans-confirm'),
			`Reemplazar y quitar ${es(TOTAL)} filas`
		);
		await expectCount(c.getByTestId('load'), 0);
		expect(await axeViolations(page)).toEqual([]);
		// In English too.
		await page.getByRole('button', { name: 'English' }).click();
		await expectContains(
			c.getByTestId('orphans-text'),
			`${ORPHANS.activities.toLocaleString('en-GB')} activities and ${ORPHANS.actions} action-plan items will be left without a district`
		);
		await page.getByRole('button', { name: 'Español' }).click();
		await expectContains(c.getByTestId('orphans-text'), 'quedarán sin distrito');
	});

	it('cancel changes nothing', async () => {
		const { page } = session;
		await card(page, 'distritos.csv').getByTestId('orphans-cancel').click();
		await expectCount(page.locator('[data-testid="file-card"]'), 0);
		await expectContains(page.getByTestId('notice'), 'No se cambió nada');
		expect(await shownRows(page, 'districts')).toBe(DISTRICTS.length);
		for (const d of OTHERS) expect(await shownRows(page, d), d).toBe(ROWS[d].length);
		expect(await query(page, 'SELECT count(*)::INTEGER AS n FROM districts')).toEqual([
			{ n: DISTRICTS.length }
		]);
	});

	/** Rows of each dataset whose district is not loaded, asked of the page's engine. */
	const orphanedInEngine = () =>
		query(
			session.page,
			OTHERS.map(
				(d) =>
					`SELECT '${d}' AS d, count(*)::INTEGER AS n FROM ${d} WHERE ubigeo NOT IN (SELECT ubigeo FROM districts)`
			).join(' UNION ALL ') + ' ORDER BY d'
		);
	const none = [...OTHERS].sort().map((d) => ({ d, n: 0 }));

	it('replace and remove: the rows go, the figures add up, and a reload keeps it so', async () => {
		const { page } = session;
		await stage(page, [file]);
		const c = card(page, 'distritos.csv');
		await c.getByTestId('orphans-confirm').click();
		await expectAttr(c, 'data-phase', 'loaded', 60_000);
		await expectContains(
			page.getByTestId('notice'),
			`Se cargaron 5 filas de «distritos.csv» y se quitaron ${es(ORPHANS.assessments)} respuestas de autoevaluación`
		);
		await expectContains(c.getByTestId('pruned'), `${es(ORPHANS.activities)} actividades`);
		await expectAttr(
			page.locator('[data-testid="datasets"] tr[data-dataset="districts"]'),
			'data-rows',
			'5'
		);
		for (const d of OTHERS) {
			await expectAttr(
				page.locator(`[data-testid="datasets"] tr[data-dataset="${d}"]`),
				'data-rows',
				String(ROWS[d].length - ORPHANS[d])
			);
		}
		expect(await orphanedInEngine()).toEqual(none);
		await expectContains(
			page.getByTestId('pruned-activities'),
			'sin las filas que dejaron de coincidir'
		);

		// The observatory: N of 5 districts, N worked out from assessments.csv.
		await page.goto(`${baseUrl}/`);
		const figure = page.locator('[data-testid="kf-assessed"]');
		await expectContains(figure, 'de 5 distritos', 60_000);
		expect(Number(await figure.locator('.big').textContent())).toBe(ASSESSED);

		// A reload rebuilds the same tables from the saved log.
		await page.reload();
		await expectContains(figure, 'de 5 distritos', 60_000);
		expect(Number(await figure.locator('.big').textContent())).toBe(ASSESSED);
		await page.goto(`${baseUrl}/datos`);
		await waitForData(page);
		expect(await shownRows(page, 'districts')).toBe(5);
		for (const d of OTHERS) expect(await shownRows(page, d), d).toBe(ROWS[d].length - ORPHANS[d]);
		expect(await orphanedInEngine()).toEqual(none);
	});

	it('emptying the districts asks too, and takes the rows that pointed at them along', async () => {
		const { page } = session;
		const left = Object.fromEntries(OTHERS.map((d) => [d, ROWS[d].length - ORPHANS[d]]));
		await page.getByTestId('remove-districts').click();
		const ask = page.getByTestId('remove-orphans');
		await expectContains(
			ask,
			`Si quita los distritos, ${es(left.assessments)} respuestas de autoevaluación, ` +
				`${es(left.statistics)} datos estadísticos, ${es(left.activities)} actividades y ` +
				`${es(left.actions)} acciones del plan quedarán sin distrito.`
		);
		await ask.getByTestId('remove-orphans-no').click();
		await expectCount(ask, 0);
		expect(await shownRows(page, 'districts')).toBe(5);

		await page.getByTestId('remove-districts').click();
		await page.getByTestId('remove-orphans-yes').click();
		await expectContains(page.getByTestId('notice'), 'Se quitaron los datos de distritos');
		for (const d of ['districts', ...OTHERS]) {
			await expectAttr(
				page.locator(`[data-testid="datasets"] tr[data-dataset="${d}"]`),
				'data-rows',
				'0'
			);
		}
		await page.reload();
		await waitForData(page);
		for (const d of ['districts', ...OTHERS]) expect(await shownRows(page, d), d).toBe(0);
	});

	it('logs no console error', () => {
		expect(session.errors).toEqual([]);
	});
});
