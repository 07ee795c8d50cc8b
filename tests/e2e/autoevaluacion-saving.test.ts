/**
 * The self-assessment (/autoevaluacion/[ubigeo]) in real Chromium: autosave
 * that survives a reload, a killed browser, typing up to the kill, and the
 * database deleted under the page. Helpers, fixed clock and time zone:
 * autoevaluacion.helpers.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
	base,
	closeBrowsers,
	evidence,
	FORM,
	kill,
	launch,
	POLICY,
	radio,
	SLOW,
	startRound,
	waitForm,
	waitSaved
} from './autoevaluacion.helpers';

afterEach(closeBrowsers);

describe('self-assessment in Chromium: autosave', () => {
	it(
		'keeps answers across a reload, and a change made just before leaving (pagehide)',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			const [a, b] = POLICY;
			await radio(page, a.indicator_id, 'Parcial').check();
			await evidence(page, a.indicator_id).fill('Acta de sesión de concejo N.° 12');
			await waitSaved(page);
			expect(await page.locator('[data-testid="save-bar"] .when').textContent()).toContain('ahora');
			await page.reload();
			await waitForm(page);
			expect(await radio(page, a.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await evidence(page, a.indicator_id).inputValue()).toBe(
				'Acta de sesión de concejo N.° 12'
			);

			// typed and gone at once, before the autosave delay
			await radio(page, b.indicator_id, 'No aplica').check();
			await evidence(page, b.indicator_id).fill('No hay CIAM en el distrito');
			await page.reload();
			await waitForm(page);
			expect(await radio(page, b.indicator_id, 'No aplica').isChecked()).toBe(true);
			expect(await evidence(page, b.indicator_id).inputValue()).toBe('No hay CIAM en el distrito');
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'keeps answers when the browser is killed, and finds them in the same profile',
		async () => {
			const first = await launch();
			await startRound(first.page, '2025');
			const [a] = POLICY;
			await radio(first.page, a.indicator_id, 'Cumple').check();
			await evidence(first.page, a.indicator_id).fill('Ordenanza N.° 245-2023-MDL');
			await waitSaved(first.page);
			expect(first.errors).toEqual([]);

			await kill(first);

			const again = await launch(first.profile);
			await again.page.goto(FORM('2025'));
			await waitForm(again.page);
			expect(await radio(again.page, a.indicator_id, 'Cumple').isChecked()).toBe(true);
			expect(await evidence(again.page, a.indicator_id).inputValue()).toBe(
				'Ordenanza N.° 245-2023-MDL'
			);
			expect(again.errors).toEqual([]);
		},
		SLOW
	);

	it(
		'saves while the official keeps typing: a browser killed mid-typing keeps all but the last second',
		async () => {
			const first = await launch();
			await startRound(first.page, '2025');
			const [a] = POLICY;
			await radio(first.page, a.indicator_id, 'Cumple').check();
			await waitSaved(first.page);

			// 30 keys at 150 ms each (4.5 s), never pausing long enough for a "quiet" save;
			// the browser is killed the moment the last one is on screen
			const text = 'Ordenanza municipal 245-2023-M';
			const field = evidence(first.page, a.indicator_id);
			const typing = field.pressSequentially(text, { delay: 150 }).catch(() => {});
			await expect
				.poll(() => field.inputValue(), { timeout: 30_000, interval: 20 })
				.toHaveLength(text.length);
			await kill(first);
			await typing;

			const again = await launch(first.profile);
			await again.page.goto(FORM('2025'));
			await waitForm(again.page);
			const kept = await evidence(again.page, a.indicator_id).inputValue();
			console.info(`kept ${kept.length} of ${text.length} characters typed at 150 ms a key`);
			expect(text.startsWith(kept)).toBe(true);
			// at most about a second of typing lost (7 keys), with room for a busy machine
			expect(text.length - kept.length).toBeLessThanOrEqual(10);
			expect(again.errors).toEqual([]);
		},
		SLOW
	);

	it(
		'the database deleted while the page is open: the store is made again and saving goes on',
		async () => {
			const browser = await launch();
			const { page } = browser;
			await startRound(page, '2025');
			const [a, b] = POLICY;
			await radio(page, a.indicator_id, 'Cumple').check();
			await waitSaved(page);

			// the database is deleted under the page (as devtools or another tab would): the page is
			// asked to close its connection. (Not from another page of the site: the static server
			// sandboxes plain files, whose opaque origin has no IndexedDB.)
			await page.evaluate(
				() =>
					new Promise<void>((resolve, reject) => {
						const req = indexedDB.deleteDatabase('integra-forms');
						req.onsuccess = () => resolve();
						req.onerror = () => reject(req.error);
					})
			);
			const first = 'a'.repeat(200);
			await evidence(page, a.indicator_id).fill(first);
			await waitSaved(page);

			// the browser drops the site's IndexedDB ("clear site data"): the connection is closed under it
			const cdp = await browser.context.newCDPSession(page);
			await cdp.send('Storage.clearDataForOrigin', {
				origin: new URL(base()).origin,
				storageTypes: 'indexeddb'
			});
			const second = 'b'.repeat(200);
			await radio(page, b.indicator_id, 'Parcial').check();
			await evidence(page, b.indicator_id).fill(second);
			await waitSaved(page);
			expect(await page.getByTestId('conflict').count()).toBe(0);
			expect(await page.getByTestId('storage-error').count()).toBe(0);

			await page.reload();
			await waitForm(page);
			expect(await evidence(page, a.indicator_id).inputValue()).toBe(first);
			expect(await radio(page, b.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await evidence(page, b.indicator_id).inputValue()).toBe(second);
			expect(browser.errors).toEqual([]);
		},
		SLOW
	);
});
