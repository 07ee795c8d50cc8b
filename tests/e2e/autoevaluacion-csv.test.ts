/**
 * The self-assessment (/autoevaluacion/[ubigeo]) in real Chromium: the CSV
 * round trip: export, import back exactly, a colleague’s Excel file shown as
 * changes first. Helpers, fixed clock and time zone:
 * autoevaluacion.helpers.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
	closeBrowsers,
	type CsvRow,
	download,
	evidence,
	launch,
	LIMA,
	parseExport,
	POLICY,
	question,
	radio,
	SLOW,
	startRound,
	waitSaved
} from './autoevaluacion.helpers';

afterEach(closeBrowsers);

describe('self-assessment in Chromium: the CSV round trip', () => {
	it(
		'exports assessments.csv rows and imports them back exactly; a colleague’s file shows its changes first',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			const texts = [
				'Ordenanza N.° 245-2023-MDL "Lima, ciudad de acogida"',
				'Acta 1; acta 2; acta 3;',
				'Primera línea\nsegunda línea\n\nfin',
				'=HYPERLINK("http://evil.example","clic")',
				'+51 999 888 777 y -guion y @arroba',
				'Señalización en quechua, “comillas” – ñandú € …'
			];
			const answers = ['Cumple', 'Parcial', 'No cumple', 'No aplica', 'No sabe', 'Cumple'];
			const picked = POLICY.slice(0, texts.length);
			for (const [i, r] of picked.entries()) {
				await radio(page, r.indicator_id, answers[i]).check();
				await evidence(page, r.indicator_id).fill(texts[i]);
				if (i % 2 === 0) {
					await question(page, r.indicator_id)
						.getByLabel('Enlace a la fuente')
						.fill(`https://example.org/doc?id=${i}&q=a,b`);
				}
			}
			await question(page, picked[0].indicator_id)
				.getByRole('button', { name: 'Añadir notas' })
				.click();
			await question(page, picked[0].indicator_id)
				.getByLabel('Notas')
				.fill('-nota del taller; "revisar"');
			await waitSaved(page);

			const bytes = await download(page, () => page.getByTestId('export-draft').click());
			const raw = bytes.toString('utf8');
			expect(raw).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`); // neutralised
			expect(raw).toContain(`"'+51 999 888 777 y -guion y @arroba"`);
			const exported = parseExport(bytes);
			expect(exported.map((r) => r.indicator_id)).toEqual(picked.map((r) => r.indicator_id));

			// into another, empty round
			await startRound(page, '2025-S2');
			await page.getByTestId('import').locator('summary').click();
			await page.getByLabel('Archivo CSV').setInputFiles({
				name: `assessments-${LIMA}-2025.csv`,
				mimeType: 'text/csv',
				buffer: bytes
			});
			const diff = page.getByTestId('import-diff');
			await diff.waitFor();
			expect(await diff.locator('tbody th[scope="rowgroup"]').count()).toBe(picked.length);
			expect(await axeViolations(page)).toEqual([]);
			await page.getByTestId('import-apply').click();
			for (const [i, r] of picked.entries()) {
				expect(await radio(page, r.indicator_id, answers[i]).isChecked(), r.indicator_id).toBe(
					true
				);
				expect(await evidence(page, r.indicator_id).inputValue(), r.indicator_id).toBe(texts[i]);
				expect(
					await question(page, r.indicator_id).getByLabel('Enlace a la fuente').inputValue()
				).toBe(i % 2 === 0 ? `https://example.org/doc?id=${i}&q=a,b` : '');
			}
			expect(await question(page, picked[0].indicator_id).getByLabel('Notas').inputValue()).toBe(
				'-nota del taller; "revisar"'
			);
			await waitSaved(page);
			const again = parseExport(
				await download(page, () => page.getByTestId('export-draft').click())
			);
			const withoutRound = (rows: CsvRow[]) =>
				rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'round')));
			expect(withoutRound(again)).toEqual(withoutRound(exported));
			expect(again.every((r) => r.round === '2025-S2')).toBe(true);

			// a colleague's Excel file: semicolons, Windows-1252, Spanish headers and words
			const [x, y] = picked;
			const colleague = [
				'Código ubigeo;Ronda;Indicador;Respuesta;Evidencia',
				`150101;2025-S2;${x.indicator_id};Parcialmente;Resolución de Alcaldía N.° 12`,
				`150101;2025-S2;${y.indicator_id};Parcial;${texts[1].replaceAll(';', ',')}`,
				`150101;2025-S2;NO-EXISTE;Sí;`
			].join('\r\n');
			const cp1252 = Buffer.from(
				[...colleague].map((ch) => ({ '°': 0xb0, ó: 0xf3, í: 0xed })[ch] ?? ch.charCodeAt(0))
			);
			await page
				.getByLabel('Archivo CSV')
				.setInputFiles({ name: 'respuestas colega.csv', mimeType: 'text/csv', buffer: cp1252 });
			await diff.waitFor();
			const changes = await diff
				.locator('tbody tr')
				.evaluateAll((trs) =>
					trs.map((tr) => [
						tr.getAttribute('data-indicator'),
						tr.getAttribute('data-field'),
						tr.querySelectorAll('td')[2]?.textContent
					])
				);
			expect(changes).toEqual([
				[x.indicator_id, 'answer', 'Parcial'],
				[x.indicator_id, 'evidence', 'Resolución de Alcaldía N.° 12'],
				[y.indicator_id, 'evidence', texts[1].replaceAll(';', ',')]
			]);
			expect(await page.getByTestId('import-result').textContent()).toContain('NO-EXISTE');
			// nothing changes until applied
			expect(await radio(page, x.indicator_id, 'Cumple').isChecked()).toBe(true);
			await page.getByRole('button', { name: 'Descartar' }).click();
			expect(await evidence(page, x.indicator_id).inputValue()).toBe(texts[0]);
			await page
				.getByLabel('Archivo CSV')
				.setInputFiles({ name: 'respuestas colega.csv', mimeType: 'text/csv', buffer: cp1252 });
			await page.getByTestId('import-apply').click();
			expect(await radio(page, x.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await evidence(page, x.indicator_id).inputValue()).toBe(
				'Resolución de Alcaldía N.° 12'
			);
			expect(errors).toEqual([]);
		},
		SLOW
	);
});
