/**
 * /datos after a browser restart: a file loaded in one browser is there, read
 * from IndexedDB, when the same profile opens again.
 */
import { describe, expect, inject, it } from 'vitest';
import {
	card,
	expectContains,
	expectText,
	load,
	openDatos,
	persistentBrowser,
	query,
	shownRows,
	stage,
	fixture
} from './datos-helpers';

describe('/datos after a browser restart', () => {
	it('still has the loaded file, read from IndexedDB', async () => {
		const browser = await persistentBrowser();
		try {
			let b = await browser.launch();
			await openDatos(b.page, inject('baseUrl'));
			await stage(b.page, [fixture('distritos_utf8_bom.csv')]);
			await expectText(
				card(b.page, 'distritos_utf8_bom.csv').getByTestId('encoding').locator('option').first(),
				'Automática (UTF-8 con BOM)'
			);
			// 4 districts instead of 50: the rows of the other 46 go with the replace.
			await load(b.page, 'distritos_utf8_bom.csv', 60_000, { removeOrphans: true });
			await b.context.close();

			b = await browser.launch();
			await openDatos(b.page, inject('baseUrl'));
			expect(await shownRows(b.page, 'districts')).toBe(4);
			await expectContains(
				b.page.locator('[data-testid="datasets"] tr[data-dataset="districts"]'),
				'distritos_utf8_bom.csv'
			);
			expect(
				await query(b.page, 'SELECT ubigeo, name, population FROM districts ORDER BY ubigeo')
			).toEqual([
				{ ubigeo: '070101', name: 'Callao', population: 451260 },
				{ ubigeo: '150101', name: 'Lima', population: 278804 },
				{ ubigeo: '150102', name: 'Ancón', population: 69530 },
				{ ubigeo: '150132', name: 'San Juan de Lurigancho', population: 1117629 }
			]);
			expect(b.errors).toEqual([]);
			await b.context.close();
		} finally {
			browser.dispose();
		}
	}, 120_000);
});
