/**
 * /datos in Chromium: a dataset recognised by its headers and dropped on the
 * page, the kind and mapping chosen by hand, the encoding overridden, any CSV
 * loaded as an extra table, everything exported and re-imported, English, and
 * datasets removed and the demo data restored. A Spanish user's first files:
 * datos.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TABLE_DDL } from '../../src/lib/data/tables';
import { readZip } from '../fixtures/zip-reader';
import { openSession, type Session } from './browser';
import {
	card,
	clearCards,
	expectAttr,
	expectContains,
	expectCount,
	expectText,
	expectValue,
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

describe('/datos in Chromium: recognition, mapping, tables, export', () => {
	let session: Session;
	let baseUrl: string;
	let tmp: string;

	beforeAll(async () => {
		baseUrl = inject('baseUrl');
		tmp = mkdtempSync(join(tmpdir(), 'integra-datos-'));
		session = await openSession();
		await openDatos(session.page, baseUrl);
	});

	afterAll(async () => {
		await session?.close();
	});

	it('recognises a dataset by its headers, and takes files dropped on the page', async () => {
		const { page } = session;
		// Dropped, as from the file explorer: a File in a DataTransfer.
		await page.evaluate(() => {
			const text =
				'ID;Fecha;Distrito;Tipo de actividad;Público;Tema;Modalidad;Participantes\n' +
				'X-1;03/04/2024;150101;Taller;Academia;Salud;Virtual;12\n';
			const data = new DataTransfer();
			data.items.add(new File([text], 'export_2024.csv', { type: 'text/csv' }));
			const zone = document.querySelector('[data-testid="dropzone"]')!;
			zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
			zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
		});
		const c = card(page, 'export_2024.csv');
		await expectAttr(c, 'data-phase', 'ready');
		expect(await c.locator('select[id$="-target"]').inputValue()).toBe('activities');
		await expectContains(c, 'Detectado: actividades (activities.csv)');
		expect(
			await c.getByTestId('mapping').locator('tr[data-column="ubigeo"] select').inputValue()
		).toBe('Distrito');
		await expectText(c.getByTestId('report-summary'), '1 filas leídas, sin problemas.');
		await clearCards(page);
	});

	it('lets the user choose the kind of data and correct the column mapping by hand', async () => {
		const { page } = session;
		const path = join(tmp, 'cosas.csv');
		writeFileSync(path, 'cod;nom;prov\n150101;Lima;Lima\n070101;Callao;Callao\n');
		await stage(page, [path]);
		const c = card(page, 'cosas.csv');
		// Not recognised: proposed as an extra table.
		expect(await c.locator('select[id$="-target"]').inputValue()).toBe('table');
		await expectContains(c, 'No se reconoció el tipo de datos');
		await c.locator('select[id$="-target"]').selectOption('districts');
		await expectText(
			c.getByTestId('report-summary'),
			'No se puede cargar este archivo: corrija el error indicado abajo.'
		);
		await expectContains(
			c.getByTestId('report-issues'),
			'Faltan columnas obligatorias de distritos (districts.csv) en «cosas.csv»: ubigeo (código ubigeo), name (nombre), province (provincia).'
		);
		const mapping = c.getByTestId('mapping');
		await mapping.locator('tr[data-column="ubigeo"] select').selectOption('cod');
		await expectContains(c.getByTestId('report-issues'), 'name (nombre), province (provincia)');
		await mapping.locator('tr[data-column="name"] select').selectOption('nom');
		await expectContains(c.getByTestId('report-issues'), 'province (provincia).');
		await mapping.locator('tr[data-column="province"] select').selectOption('prov');
		// Clean, but it would replace the 50 demo districts with 2: not "sin problemas".
		await expectContains(
			c.getByTestId('report-summary'),
			'2 filas leídas, sin errores en el archivo; pero reemplazar con él dejaría'
		);
		await expectContains(c.getByTestId('orphans-confirm'), 'Reemplazar y quitar');
		await c.locator('input[type="radio"][value="append"]').check();
		// Appended, Lima and Callao are the ones already loaded: errors, nothing would be orphaned.
		await expectCount(c.getByTestId('orphans'), 0);
		await clearCards(page);
	});

	it('shows the detected encoding and lets the user override it', async () => {
		const { page } = session;
		await stage(page, [fixture('estadisticas_excel_es.csv')]);
		const c = card(page, 'estadisticas_excel_es.csv');
		const preview = c.getByTestId('preview');
		await expectContains(preview, 'Registro “DEMUNA” – 2024');
		await c.getByTestId('encoding').selectOption('utf-8');
		await expectContains(preview, 'Registro \ufffdDEMUNA\ufffd \ufffd 2024');
		await c.getByTestId('encoding').selectOption('');
		await expectContains(preview, 'Registro “DEMUNA” – 2024');
		await expectContains(
			c.getByTestId('report-issues'),
			'«2,01235E+10» está en notación científica'
		);
		await clearCards(page);
	});

	it('loads any CSV as an extra table under a safe name, with the types a person expects', async () => {
		const { page } = session;
		await stage(page, [fixture('Encuesta Añón 2024.csv')]);
		const c = card(page, 'Encuesta Añón 2024.csv');
		expect(await c.locator('select[id$="-target"]').inputValue()).toBe('table');
		expect(await c.getByTestId('table-name').inputValue()).toBe('encuesta_anon_2024');
		const types = await c
			.getByTestId('column-types')
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [tr.getAttribute('data-column'), tr.getAttribute('data-type')])
			);
		expect(types).toEqual([
			['código', 'VARCHAR'],
			['año', 'BIGINT'],
			['monto', 'DOUBLE'],
			['fecha', 'DATE'],
			['activo', 'BOOLEAN'],
			['nota', 'VARCHAR']
		]);
		await expectContains(
			c.getByTestId('report-issues'),
			'La columna «código» se dejó como texto para conservar los ceros iniciales (por ejemplo «0101», línea 2)'
		);
		await load(page, 'Encuesta Añón 2024.csv');
		const row = page.locator('[data-testid="tables"] tr[data-table="encuesta_anon_2024"]');
		await expectAttr(row, 'data-rows', '3');
		await expectContains(row, 'Encuesta Añón 2024.csv');
		expect(
			await query(
				page,
				'SELECT "código", "año", monto, CAST(fecha AS VARCHAR) AS fecha, activo, nota FROM encuesta_anon_2024'
			)
		).toEqual([
			{
				código: '0101',
				año: 2024,
				monto: 1234.56,
				fecha: '2024-04-03',
				activo: true,
				nota: 'Añón'
			},
			{
				código: '0102',
				año: 2023,
				monto: 12.5,
				fecha: '2024-04-15',
				activo: false,
				nota: '“comillas”'
			},
			{ código: '0201', año: 2024, monto: -3.75, fecha: '2023-12-01', activo: true, nota: null }
		]);

		// A name of the contract, or one already taken, gets a suffix.
		const clash = join(tmp, 'districts.csv');
		writeFileSync(clash, 'x,y\n1,2\n');
		await stage(page, [clash]);
		const d = card(page, 'districts.csv');
		await d.locator('select[id$="-target"]').selectOption('table');
		await expectValue(d.getByTestId('table-name'), 'districts_2');
		await clearCards(page);
	});

	it('exports everything as the contract’s CSV files, formula-safe, and re-imports them exactly', async () => {
		const { page } = session;
		await stage(page, [fixture('actividades_formulas.csv')]);
		const c = card(page, 'actividades_formulas.csv');
		await c.getByLabel('Agregar las filas del archivo').check();
		await load(page, 'actividades_formulas.csv');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-all').click()
		]);
		expect(download.suggestedFilename()).toMatch(/^integra-datos-\d{4}-\d{2}-\d{2}\.zip$/);
		const dir = mkdtempSync(join(tmpdir(), 'integra-zip-'));
		const entries = readZip(new Uint8Array(readFileSync(await download.path())));
		for (const e of entries) writeFileSync(join(dir, e.name), e.data);
		expect(entries.map((e) => e.name).sort()).toEqual(DATASETS.map((d) => `${d}.csv`).sort());
		for (const d of DATASETS) {
			const text = readFileSync(join(dir, `${d}.csv`), 'utf8');
			const header = text.split('\n')[0].split(',');
			const ddl = TABLE_DDL[d as keyof typeof TABLE_DDL];
			const columns = [...ddl.matchAll(/^\s+(\w+) [A-Z]/gm)].map((m) => m[1]);
			expect(header, d).toEqual(columns);
			const [{ n }] = await query(page, `SELECT count(*)::INTEGER AS n FROM ${d}`);
			expect(Papa.parse(text, { header: true, skipEmptyLines: true }).data.length, d).toBe(n);
		}
		const activities = readFileSync(join(dir, 'activities.csv'), 'utf8');
		expect(activities).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
		expect(activities).toContain(`'@SUM(A1:A9)`);
		expect(activities).not.toMatch(/,=|,\+51|,@SUM/);

		// Our own export, loaded back: the formula marks are undone.
		const before = await query(page, 'SELECT activity_id, partner FROM activities ORDER BY 1');
		await stage(page, [join(dir, 'activities.csv')]);
		await load(page, 'activities.csv');
		expect(await query(page, 'SELECT activity_id, partner FROM activities ORDER BY 1')).toEqual(
			before
		);
		expect(await query(page, `SELECT partner FROM activities WHERE activity_id = 'F-1'`)).toEqual([
			{ partner: '=HYPERLINK("http://evil.example","clic")' }
		]);
		await clearCards(page);
	});

	it('answers in English after a language switch', async () => {
		const { page } = session;
		await page.getByRole('button', { name: 'English' }).click();
		await stage(page, [fixture('estadisticas_excel_pe.csv')]);
		const c = card(page, 'estadisticas_excel_pe.csv');
		await expectContains(
			c.getByTestId('report-issues'),
			'Code “70101” has 5 digits; it was read as 070101, with the leading zero.'
		);
		await expectText(
			c.getByTestId('encoding').locator('option').first(),
			'Automatic (Windows-1252)'
		);
		await page.getByRole('button', { name: 'Español' }).click();
		await expectContains(c.getByTestId('report-issues'), 'El código «70101» tiene 5 dígitos');
		await clearCards(page);
	});

	it('removes a dataset and a table, restores the demo data, and remembers it', async () => {
		const { page } = session;
		await page.getByTestId('remove-actions').click();
		await expectAttr(
			page.locator('[data-testid="datasets"] tr[data-dataset="actions"]'),
			'data-rows',
			'0'
		);
		await expectContains(
			page.locator('[data-testid="datasets"] tr[data-dataset="actions"]'),
			'Vaciado por usted'
		);
		await page.reload();
		await waitForData(page);
		expect(await shownRows(page, 'actions')).toBe(0);
		await page.getByTestId('remove-table-encuesta_anon_2024').click();
		await expectCount(page.locator('[data-testid="tables"]'), 0);

		// with no activity at all, the observatory's map of activities says so
		await page.getByTestId('remove-activities').click();
		await expectAttr(
			page.locator('[data-testid="datasets"] tr[data-dataset="activities"]'),
			'data-rows',
			'0'
		);
		await page.goto(`${baseUrl}/?metrica=activities`);
		await expectContains(page.getByTestId('map-no-times'), 'Sin datos');
		await page.goto(`${baseUrl}/datos`);
		await waitForData(page);

		await page.getByTestId('restore-demo').click();
		await page.getByTestId('restore-yes').click();
		await expectContains(page.getByTestId('notice'), 'Se restauraron los datos de demostración.');
		for (const d of DATASETS) {
			await expectAttr(
				page.locator(`[data-testid="datasets"] tr[data-dataset="${d}"]`),
				'data-rows',
				String(demoRows(d))
			);
		}
		await page.reload();
		await waitForData(page);
		for (const d of DATASETS) expect(await shownRows(page, d), d).toBe(demoRows(d));
	});

	it('logs no console error and asks no host but localhost', () => {
		expect(session.errors).toEqual([]);
		expect(session.foreignRequests).toEqual([]);
	});
});
