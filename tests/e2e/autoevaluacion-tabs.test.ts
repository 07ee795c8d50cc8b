/**
 * The self-assessment (/autoevaluacion/[ubigeo]) in real Chromium: a second
 * tab with the same draft, with or without BroadcastChannel: newer answers are
 * never overwritten. Helpers, fixed clock and time zone:
 * autoevaluacion.helpers.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
	closeBrowsers,
	download,
	evidence,
	FORM,
	launch,
	newTab,
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

describe('self-assessment in Chromium: two tabs', () => {
	it(
		'a second tab with the same draft: the older tab says so, steps back, and newer answers stay',
		async () => {
			const browser = await launch();
			const older = browser.page;
			await startRound(older, '2025');
			const [a, b, c] = POLICY;
			await radio(older, a.indicator_id, 'Cumple').check();
			await waitSaved(older);

			const newer = await newTab(browser);
			await newer.goto(FORM('2025'));
			await waitForm(newer);
			expect(await radio(newer, a.indicator_id, 'Cumple').isChecked()).toBe(true);
			await older.getByTestId('superseded').waitFor();
			expect(await older.getByTestId('superseded').textContent()).toContain(
				'abierta en otra pestaña'
			);
			expect(await radio(older, c.indicator_id, 'No cumple').isDisabled()).toBe(true);

			await radio(newer, b.indicator_id, 'Parcial').check();
			await waitSaved(newer);
			// the older tab shows the newer answers, and cannot change them
			await poll(() => radio(older, b.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await radio(older, b.indicator_id, 'No cumple').isDisabled()).toBe(true);
			expect(await axeViolations(older)).toEqual([]);

			await newer.reload();
			await waitForm(newer);
			expect(await radio(newer, a.indicator_id, 'Cumple').isChecked()).toBe(true);
			expect(await radio(newer, b.indicator_id, 'Parcial').isChecked()).toBe(true);

			// taking the draft back: the older tab becomes the active one, the other steps back
			await older.getByRole('button', { name: 'Continuar en esta pestaña' }).click();
			await newer.getByTestId('superseded').waitFor();
			expect(await radio(older, c.indicator_id, 'No cumple').isDisabled()).toBe(false);
			expect(browser.errors).toEqual([]);
		},
		SLOW
	);

	it(
		'an older tab that cannot hear the others (no BroadcastChannel) gets a conflict instead of overwriting',
		async () => {
			const browser = await launch();
			const older = browser.page;
			await older.addInitScript(() => {
				delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
			});
			await startRound(older, '2025');
			const [a, b] = POLICY;
			await radio(older, a.indicator_id, 'Cumple').check();
			await waitSaved(older);

			const newer = await newTab(browser);
			await newer.goto(FORM('2025'));
			await waitForm(newer);
			await radio(newer, b.indicator_id, 'Parcial').check();
			await evidence(newer, b.indicator_id).fill('del otro equipo');
			await waitSaved(newer);

			await radio(older, b.indicator_id, 'No cumple').check();
			await older.getByTestId('conflict').waitFor();
			expect(await older.getByTestId('save-status').textContent()).toContain('Sin guardar');

			const third = await newTab(browser);
			await third.goto(FORM('2025'));
			await waitForm(third);
			expect(await radio(third, b.indicator_id, 'Parcial').isChecked()).toBe(true);
			expect(await evidence(third, b.indicator_id).inputValue()).toBe('del otro equipo');

			// nothing typed in the older tab is lost: it can still be exported
			const rows = parseExport(
				await download(older, () =>
					older
						.getByTestId('conflict')
						.getByRole('button', { name: 'Exportar lo de esta pestaña' })
						.click()
				)
			);
			expect(rows.find((r) => r.indicator_id === b.indicator_id)?.answer).toBe('no_cumple');
			expect(browser.errors).toEqual([]);
		},
		SLOW
	);
});
