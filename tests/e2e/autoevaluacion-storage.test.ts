/**
 * The self-assessment (/autoevaluacion/[ubigeo]) in real Chromium: storage
 * failures that are shown, the export offered, the emergency copy, and the
 * question before leaving. Helpers, fixed clock and time zone:
 * autoevaluacion.helpers.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
	closeBrowsers,
	download,
	evidence,
	launch,
	parseExport,
	POLICY,
	poll,
	radio,
	SLOW,
	startRound,
	waitForm,
	waitSaved
} from './autoevaluacion.helpers';

afterEach(closeBrowsers);

describe('self-assessment in Chromium: storage failures', () => {
	it(
		'says at once when storage fails, and offers the export',
		async () => {
			const { page } = await launch();
			await startRound(page, '2025');
			await waitSaved(page);
			// from now on every IndexedDB write fails, as with a full disk
			await page.evaluate(() => {
				IDBObjectStore.prototype.put = function () {
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				};
			});
			const [a] = POLICY;
			const started = Date.now();
			await radio(page, a.indicator_id, 'Cumple').check();
			const alert = page.getByTestId('storage-error');
			await alert.waitFor();
			expect(Date.now() - started).toBeLessThan(1500);
			expect(await alert.getAttribute('role')).toBe('alert');
			expect(await alert.textContent()).toContain('almacenamiento del navegador está lleno');
			expect(await page.getByTestId('save-status').textContent()).toBe('No se pudo guardar');
			const rows = parseExport(
				await download(page, () => alert.getByRole('button', { name: 'Exportar borrador' }).click())
			);
			expect(rows.map((r) => [r.indicator_id, r.answer])).toEqual([[a.indicator_id, 'cumple']]);
			expect(await axeViolations(page)).toEqual([]);
		},
		SLOW
	);

	it(
		'asks before leaving when nothing could be saved, keeps the alert until a save succeeds, and a backup copy is enough',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			await waitSaved(page);
			// IndexedDB and localStorage both refuse every write
			await page.evaluate(() => {
				const w = window as unknown as Record<string, unknown>;
				w.realPut = IDBObjectStore.prototype.put;
				w.realSetItem = Storage.prototype.setItem;
				w.puts = 0;
				const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				IDBObjectStore.prototype.put = function () {
					(w.puts as number)++;
					throw full();
				};
				Storage.prototype.setItem = function () {
					throw full();
				};
			});
			const [a] = POLICY;
			await radio(page, a.indicator_id, 'Cumple').check();
			const alert = page.getByTestId('storage-error');
			await alert.waitFor();
			expect(await alert.textContent()).toContain('se perderá al cerrarla o recargarla');
			// each retry fails: the alert never leaves the page meanwhile
			await page.evaluate(() => {
				const w = window as unknown as Record<string, number>;
				w.alertGone = 0;
				new MutationObserver(() => {
					if (!document.querySelector('[data-testid="storage-error"]')) w.alertGone++;
				}).observe(document.body, { childList: true, subtree: true });
				w.puts = 0;
			});
			await evidence(page, a.indicator_id).pressSequentially('sin guardar', { delay: 100 });
			await poll(() =>
				page.evaluate(() => (window as unknown as Record<string, number>).puts)
			).toBeGreaterThanOrEqual(2);
			expect(
				await page.evaluate(() => (window as unknown as Record<string, number>).alertGone)
			).toBe(0);
			expect(await page.getByTestId('save-status').textContent()).toBe('No se pudo guardar');

			// reloading asks first; staying keeps what was typed
			const asked = page.waitForEvent('dialog');
			await page.evaluate(() => setTimeout(() => location.reload()));
			const dialog = await asked;
			expect(dialog.type()).toBe('beforeunload');
			await dialog.dismiss();
			expect(await evidence(page, a.indicator_id).inputValue()).toBe('sin guardar');

			// localStorage works again (IndexedDB still does not): the backup copy is kept,
			// the page says so, and a reload asks nothing and loses nothing
			await page.evaluate(() => {
				const w = window as unknown as Record<string, typeof Storage.prototype.setItem>;
				Storage.prototype.setItem = w.realSetItem;
			});
			await evidence(page, a.indicator_id).pressSequentially('!');
			await poll(() => alert.textContent()).toContain('Hay una copia de lo que escribió');
			const dialogs: string[] = [];
			page.on('dialog', (d) => {
				dialogs.push(d.type());
				void d.dismiss();
			});
			await page.reload();
			await waitForm(page);
			expect(dialogs).toEqual([]);
			expect(await radio(page, a.indicator_id, 'Cumple').isChecked()).toBe(true);
			expect(await evidence(page, a.indicator_id).inputValue()).toBe('sin guardar!');
			// storage works after the reload: saved, and the alert is gone
			await waitSaved(page);
			expect(await alert.count()).toBe(0);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'says so on opening when the browser cannot store anything (write stubbed from the start)',
		async () => {
			const { page } = await launch();
			await page.addInitScript(() => {
				IDBObjectStore.prototype.put = function () {
					throw new DOMException('The operation failed.', 'UnknownError');
				};
			});
			await startRound(page, '2025');
			await page.getByTestId('storage-error').waitFor();
			// the work goes on, on the page
			const [a] = POLICY;
			await radio(page, a.indicator_id, 'No cumple').check();
			await page
				.locator('[data-testid="save-status"]', { hasText: 'No se pudo guardar' })
				.waitFor();
			expect(await radio(page, a.indicator_id, 'No cumple').isChecked()).toBe(true);
			expect(await page.getByTestId('export-draft').isVisible()).toBe(true);
		},
		SLOW
	);
});
