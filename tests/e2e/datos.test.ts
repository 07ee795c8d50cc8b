/**
 * /datos in Chromium, a Spanish user's files: the demo datasets listed, a
 * Spanish-Excel file recognised (encoding, mapping, preview, report), its
 * report downloaded, loaded in replace mode and seen on every screen and after
 * a reload, then an Excel "Texto Unicode" file appended. Recognition, mapping,
 * extra tables, export and restore: datos-tables.test.ts. After a browser
 * restart: datos-restart.test.ts.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { openSession, type Session } from './browser';
import {
	card,
	clearCards,
	expectContains,
	expectEnabled,
	expectText,
	load,
	openDatos,
	query,
	shownRows,
	stage,
	waitForData,
	DATASETS,
	demoRows,
	fixture
} from './datos-helpers';

describe('/datos in Chromium', () => {
	let session: Session;
	let baseUrl: string;

	beforeAll(async () => {
		baseUrl = inject('baseUrl');
		session = await openSession();
		await openDatos(session.page, baseUrl);
	});

	afterAll(async () => {
		await session?.close();
	});

	it('lists the demo datasets with their row counts, with no axe violation (empty state)', async () => {
		const { page } = session;
		for (const d of DATASETS) expect(await shownRows(page, d), d).toBe(demoRows(d));
		await expectContains(
			page.locator('[data-testid="datasets"] tbody tr').first(),
			'Datos de demostración'
		);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('recognises a Spanish Excel file and shows its encoding, mapping, preview and report', async () => {
		const { page } = session;
		await stage(page, [fixture('actividades_excel_es.csv')]);
		const c = card(page, 'actividades_excel_es.csv');
		await expect(c.getAttribute('data-phase')).resolves.toBe('ready');
		// Recognised as activities, read as Windows-1252 with `;`, day-first dates.
		expect(await c.locator('select[id$="-target"]').inputValue()).toBe('activities');
		await expectText(
			c.getByTestId('encoding').locator('option').first(),
			'Automática (Windows-1252)'
		);
		await expectText(
			c.getByTestId('delimiter').locator('option').first(),
			'Automático (punto y coma «;»)'
		);
		await expectContains(c.getByTestId('detected'), 'Fechas: día/mes/año');
		// The mapping used, Spanish headers included.
		const mapping = c.getByTestId('mapping');
		expect(await mapping.locator('tr[data-column="ubigeo"] select').inputValue()).toBe(
			'Código ubigeo'
		);
		expect(await mapping.locator('tr[data-column="type"] select').inputValue()).toBe(
			'Tipo de actividad'
		);
		expect(await mapping.locator('tr[data-column="partner"] select').inputValue()).toBe('Socio');
		// The preview shows the file as written: the lost zero, the date, the typographic quotes.
		const first = c.getByTestId('preview').locator('tbody tr').first();
		await expectContains(first, '70101');
		await expectContains(first, '03/04/2024');
		await expectContains(first, 'OIM – “Lima”');
		// The report: totals by kind, then each problem with line, column, severity and message.
		await expectText(
			c.getByTestId('report-summary'),
			'4 filas leídas: 0 errores y 2 advertencias. Se cargarían 4 filas.'
		);
		const kinds = c.getByTestId('report-kinds');
		await expectContains(
			kinds.locator('tr[data-code="code_padded"]'),
			'Ubigeo de 5 dígitos (se agregó el cero)'
		);
		await expectText(kinds.locator('tr[data-code="participants_high"] td.num'), '1');
		const padded = c.getByTestId('report-issues').locator('tr[data-code="code_padded"]');
		await expectText(padded.locator('td').nth(0), '2');
		await expectText(padded.locator('td').nth(1), 'Código ubigeo');
		await expectText(padded.locator('td').nth(2), 'Advertencia');
		await expectText(
			padded.locator('td').nth(3),
			'El código «70101» tiene 5 dígitos; se leyó como 070101, con el cero inicial. Guarde la columna como texto para conservar el cero.'
		);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('downloads the validation report as CSV', async () => {
		const { page } = session;
		const c = card(page, 'actividades_excel_es.csv');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			c.getByTestId('report-download').click()
		]);
		expect(download.suggestedFilename()).toBe('informe_validacion_actividades_excel_es.csv');
		const text = readFileSync(await download.path(), 'utf8');
		const rows = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows).toEqual([
			{
				file: 'actividades_excel_es.csv',
				line: '2',
				column: 'Código ubigeo',
				severity: 'warning',
				message:
					'El código «70101» tiene 5 dígitos; se leyó como 070101, con el cero inicial. Guarde la columna como texto para conservar el cero.'
			},
			{
				file: 'actividades_excel_es.csv',
				line: '4',
				column: 'Participantes',
				severity: 'warning',
				message:
					'1250 participantes es una cifra inusualmente alta (más de 1000). Se cargó; revise que sea correcta.'
			}
		]);
	});

	it('loads it in replace mode with the right values, and lists it (axe after loading)', async () => {
		const { page } = session;
		await load(page, 'actividades_excel_es.csv');
		await expectContains(
			card(page, 'actividades_excel_es.csv').getByTestId('loaded-result'),
			'Se cargaron 4 filas de «actividades_excel_es.csv» en actividades (activities.csv).'
		);
		expect(
			await query(
				page,
				`SELECT activity_id, CAST(date AS VARCHAR) AS date, ubigeo, type, audience, topic, modality,
					participants_total AS total, participants_women AS women, partner
				FROM activities ORDER BY activity_id`
			)
		).toEqual([
			{
				activity_id: 'A-001',
				date: '2024-04-03',
				ubigeo: '070101',
				type: 'sesion_informativa',
				audience: 'gobierno_local',
				topic: 'regularizacion',
				modality: 'presencial',
				total: 25,
				women: 15,
				partner: 'OIM – “Lima”'
			},
			{
				activity_id: 'A-002',
				date: '2024-04-15',
				ubigeo: '150101',
				type: 'desayuno_migratorio',
				audience: 'comunidad_migrante',
				topic: 'salud',
				modality: 'virtual',
				total: 40,
				women: 22,
				partner: 'ACNUR… Añón €'
			},
			{
				activity_id: 'A-003',
				date: '2023-12-01',
				ubigeo: '150132',
				type: 'capacitacion',
				audience: 'academia',
				topic: 'educacion',
				modality: 'mixta',
				total: 1250,
				women: 600,
				partner: null
			},
			{
				activity_id: 'A-004',
				date: '2024-01-02',
				ubigeo: '150103',
				type: 'conversatorio',
				audience: 'sociedad_civil',
				topic: 'trabajo',
				modality: 'presencial',
				total: 12,
				women: 7,
				partner: 'Fundación "Añón"; Lima'
			}
		]);
		await page.waitForFunction(
			() =>
				document
					.querySelector('[data-testid="datasets"] tr[data-dataset="activities"]')
					?.getAttribute('data-rows') === '4'
		);
		const row = page.locator('[data-testid="datasets"] tr[data-dataset="activities"]');
		await expectContains(row, 'actividades_excel_es.csv');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('changes every screen at once: the observatory counts the new activities', async () => {
		const { page } = session;
		// Client-side navigation: same engine, no reload.
		await page.getByRole('navigation').getByRole('link', { name: 'Observatorio' }).click();
		await page.waitForURL(`${baseUrl}/`);
		await expectText(page.locator('[data-testid="kf-activities"] .big'), '3', 30_000);
		await page.getByRole('navigation').getByRole('link', { name: 'Datos' }).click();
		await waitForData(page);
	});

	it('keeps the loaded file across a reload', async () => {
		const { page } = session;
		await page.reload();
		await waitForData(page);
		expect(await shownRows(page, 'activities')).toBe(4);
		await expectContains(
			page.locator('[data-testid="datasets"] tr[data-dataset="activities"]'),
			'actividades_excel_es.csv'
		);
		expect(await query(page, `SELECT ubigeo FROM activities WHERE activity_id = 'A-001'`)).toEqual([
			{ ubigeo: '070101' }
		]);
	});

	it('appends an Excel "Texto Unicode" file (UTF-16, tab), and refuses repeated keys in append mode', async () => {
		const { page } = session;
		await stage(page, [fixture('actividades_texto_unicode.txt')]);
		const c = card(page, 'actividades_texto_unicode.txt');
		await expectText(c.getByTestId('encoding').locator('option').first(), 'Automática (UTF-16 LE)');
		await expectText(
			c.getByTestId('delimiter').locator('option').first(),
			'Automático (tabulador)'
		);
		await c.getByLabel('Agregar las filas del archivo').check();
		await expectText(c.getByTestId('load'), 'Cargar 2 filas en actividades (activities.csv)');
		await load(page, 'actividades_texto_unicode.txt');
		expect(
			await query(
				page,
				`SELECT activity_id, CAST(date AS VARCHAR) AS date, type, audience, partner FROM activities
				WHERE activity_id LIKE 'U-%' ORDER BY 1`
			)
		).toEqual([
			{
				activity_id: 'U-001',
				date: '2024-04-03',
				type: 'capacitacion',
				audience: 'gobierno_local',
				partner: '“Añón” – ACNUR'
			},
			{
				activity_id: 'U-002',
				date: '2024-05-13',
				type: 'campana',
				audience: 'comunidad_migrante',
				partner: 'OIM…'
			}
		]);
		expect(await query(page, 'SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 6 }]);

		// The first file again, appended: every key is already loaded.
		await clearCards(page);
		await stage(page, [fixture('actividades_excel_es.csv')]);
		const again = card(page, 'actividades_excel_es.csv');
		await again.getByLabel('Agregar las filas del archivo').check();
		await expectText(
			again.getByTestId('report-kinds').locator('tr[data-code="duplicate_existing"] td.num'),
			'4'
		);
		await expectEnabled(again.getByTestId('load'), false);
		await again.getByLabel('Reemplazarlos').check();
		await expectEnabled(again.getByTestId('load'), true);
		await clearCards(page);
	});

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
