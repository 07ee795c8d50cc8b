/**
 * The self-assessment (/autoevaluacion/[ubigeo]) in real Chromium: the
 * keyboard-only workshop in large type, and the completed round reaching every
 * dashboard. Helpers, fixed clock and time zone: autoevaluacion.helpers.ts.
 */
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
	base,
	closeBrowsers,
	DOMAINS,
	expectedScore,
	FORM,
	launch,
	LIMA,
	liveScores,
	POLICY,
	poll,
	radio,
	SLOW,
	startRound,
	waitSaved
} from './autoevaluacion.helpers';

afterEach(closeBrowsers);

describe('self-assessment in Chromium: the workshop', () => {
	it(
		'runs a workshop from the keyboard alone, in large type, and the completed round reaches every dashboard',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');

			// every indicator gets an answer (each of the four, evidence with cumple/parcial); all
			// but the last KEYED come in through the CSV import, the rest from the keyboard below
			const KEYED = 6;
			const firstKeyed = POLICY.length - KEYED;
			const keyedAnswers = ['parcial', 'cumple', 'no_cumple', 'no_aplica', 'cumple', 'no_cumple'];
			const answerOf = (i: number) =>
				i >= firstKeyed
					? keyedAnswers[i - firstKeyed]
					: i === 5
						? 'no_aplica'
						: (['cumple', 'parcial', 'no_cumple'] as const)[i % 3];
			const answers: Record<string, string> = {};
			for (const [i, r] of POLICY.entries()) answers[r.indicator_id] = answerOf(i);
			const imported = Papa.unparse(
				POLICY.slice(0, firstKeyed).map((r) => ({
					ubigeo: LIMA,
					round: '2025',
					indicator_id: r.indicator_id,
					answer: answers[r.indicator_id],
					evidence: ['cumple', 'parcial'].includes(answers[r.indicator_id])
						? `Evidencia ${r.indicator_id}`
						: ''
				}))
			);
			await page.getByTestId('import').locator('summary').click();
			await page.getByLabel('Archivo CSV').setInputFiles({
				name: `assessments-${LIMA}-2025.csv`,
				mimeType: 'text/csv',
				buffer: Buffer.from(imported)
			});
			await page.getByTestId('import-diff').waitFor();
			await page.getByTestId('import-apply').click();
			const label = { cumple: 'Cumple', parcial: 'Parcial', no_cumple: 'No cumple' } as const;
			for (const r of [POLICY[0], POLICY[firstKeyed - 1]]) {
				const answer = answers[r.indicator_id] as keyof typeof label;
				expect(await radio(page, r.indicator_id, label[answer]).isChecked(), r.indicator_id).toBe(
					true
				);
			}
			await waitSaved(page);

			// the workshop opens at the first question not answered yet
			await page.goto(FORM('2025', 'taller'));
			const dialog = page.getByTestId('workshop');
			await dialog.waitFor();
			await page.waitForSelector('[data-testid="workshop"] .bars progress');

			// projector sizes: every visible text in the workshop is at least 24 px
			const smallest = () =>
				page.evaluate(() => {
					const root = document.querySelector('[data-testid="workshop"]')!;
					const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
					let min = Infinity;
					for (let n = walker.nextNode(); n; n = walker.nextNode()) {
						const el = n.parentElement!;
						if (!n.textContent!.trim() || el.closest('.visually-hidden')) continue;
						if (!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) continue;
						min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
					}
					return min;
				});
			expect(await smallest()).toBeGreaterThanOrEqual(24);
			expect(await axeViolations(page)).toEqual([]);

			// answer the last KEYED indicators with keys 1–5, evidence through N, move with →
			const keys: Record<string, string> = {
				cumple: '1',
				parcial: '2',
				no_cumple: '3',
				no_aplica: '4'
			};
			for (const [i, r] of POLICY.entries()) {
				if (i < firstKeyed) continue;
				const answer = answers[r.indicator_id];
				await page
					.locator(`[data-testid="workshop"] h2[data-indicator="${r.indicator_id}"]`)
					.waitFor();
				if (i === firstKeyed) {
					await page.keyboard.press('5'); // first "no sabe", then changed: the last key wins
					await page
						.locator('[data-testid="workshop"] label[data-answer="no_sabe"] input:checked')
						.waitFor();
				}
				await page.keyboard.press(keys[answer]);
				if (answer === 'cumple' || answer === 'parcial') {
					await page.keyboard.press('n');
					await page.waitForFunction(() => document.activeElement?.id === 'ws-evidence');
					await page.keyboard.type(`Evidencia ${r.indicator_id}`);
					if (i === firstKeyed) {
						expect(await page.locator('#ws-evidence').inputValue()).toBe(
							`Evidencia ${r.indicator_id}`
						);
						expect(await axeViolations(page)).toEqual([]); // with the notes open
					}
					await page.keyboard.press('Escape');
				}
				await page.keyboard.press('ArrowRight');
			}
			const summary = dialog.getByTestId('summary');
			await summary.waitFor();
			expect(await smallest()).toBeGreaterThanOrEqual(24);

			// the summary: the domain scores of the answers above, worked out here
			const panel = summary.getByTestId('live-scores');
			for (const d of DOMAINS) {
				await poll(async () => (await liveScores(panel))[d]).toBeCloseTo(
					expectedScore(d, answers)!,
					9
				);
			}
			const unmet = POLICY.filter((r) =>
				['no_cumple', 'parcial'].includes(answers[r.indicator_id])
			);
			expect(
				await summary
					.locator('[data-testid="unmet"] li')
					.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-indicator')))
			).toEqual(unmet.map((r) => r.indicator_id));
			expect(await axeViolations(page)).toEqual([]);

			/** Tab until the focused element's text matches. */
			async function tabTo(text: RegExp) {
				for (let i = 0; i < 400; i++) {
					await page.keyboard.press('Tab');
					const focused = await page.evaluate(
						() => document.activeElement?.textContent?.trim() ?? ''
					);
					if (text.test(focused)) return;
				}
				throw new Error(`no focusable element matching ${text}`);
			}
			// one key press turns the first unmet indicator into an action
			await tabTo(/^Convertir en acción/);
			await page.keyboard.press('Enter');
			await summary
				.locator(`li[data-indicator="${unmet[0].indicator_id}"] [data-testid="has-action"]`)
				.waitFor();
			// and the round is completed from the keyboard
			await tabTo(/^Marcar la ronda como completa$/);
			await page.keyboard.press('Enter');
			await dialog.getByTestId('completed').waitFor();
			const overall = Number(await panel.getByTestId('overall').getAttribute('data-score'));
			const mean = DOMAINS.reduce((s, d) => s + expectedScore(d, answers)!, 0) / DOMAINS.length;
			expect(overall).toBeCloseTo(mean, 9);
			await page.keyboard.press('Escape');
			await page.waitForURL((url) => url.searchParams.get('vista') === null);

			// without a reload: the district profile shows round 2025 with these scores and the new action
			await page.getByTestId('profile-link').click();
			await page.waitForURL(/\/distritos\/150101/);
			await page.waitForFunction(
				() =>
					document.querySelector('[data-testid="profile"]')?.getAttribute('data-source') ===
					'engine'
			);
			await poll(() => page.locator('#round-select').inputValue()).toBe('2025');
			const profileScores = await page.$$eval('[data-testid="domain-table"] tbody tr', (trs) =>
				trs.map((tr) => [
					Number(tr.getAttribute('data-domain')),
					Number(tr.getAttribute('data-score'))
				])
			);
			for (const [d, score] of profileScores)
				expect(score, `domain ${d}`).toBeCloseTo(expectedScore(d, answers)!, 9);
			expect(await page.getByTestId('overall').textContent()).toContain(String(Math.round(mean)));
			expect(await page.getByTestId('action-plan').textContent()).toContain(unmet[0].indicator_id);

			// the observatory's heatmap: 2025 is now the latest round, with Lima's scores
			await page.getByRole('link', { name: 'Observatorio' }).click();
			await page.waitForSelector('[data-testid="heatmap"] .cell', { timeout: 60_000 });
			await poll(() => page.locator('#heatmap-title').textContent()).toContain('2025');
			const cells = await page.$$eval(
				`[data-testid="heatmap"] .cell[data-ubigeo="${LIMA}"]`,
				(gs) =>
					gs.map((g) => [
						Number(g.getAttribute('data-domain')),
						Number(g.getAttribute('data-score'))
					])
			);
			expect(cells).toHaveLength(6);
			for (const [d, score] of cells) expect(score).toBeCloseTo(expectedScore(d, answers)!, 9);

			// and after a reload, from IndexedDB into a fresh engine
			await page.reload();
			await page.waitForSelector('[data-testid="heatmap"] .cell', { timeout: 60_000 });
			await poll(() => page.locator('#heatmap-title').textContent()).toContain('2025');
			await page.goto(`${base()}/autoevaluacion/${LIMA}`);
			await page
				.locator('[data-testid="rounds"] tr[data-round="2025"][data-kind="local"]')
				.waitFor();
			expect(errors).toEqual([]);
		},
		SLOW
	);
});
