/**
 * The self-assessment (/autoevaluacion/[ubigeo]) in real Chromium: the new-
 * round form, the form built from the framework, and the live scores. Helpers,
 * fixed clock and time zone: autoevaluacion.helpers.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
	base,
	closeBrowsers,
	DOMAINS,
	expectedScore,
	launch,
	LIMA,
	liveScores,
	POLICY,
	poll,
	question,
	radio,
	SLOW,
	startRound
} from './autoevaluacion.helpers';

afterEach(closeBrowsers);

describe('self-assessment in Chromium: the form', () => {
	it('opens the new-round form once the district\u2019s rounds are known, with defaults that hold', async () => {
		const { page } = await launch();
		await page.goto(`${base()}/autoevaluacion/${LIMA}`);
		const submit = page.getByRole('button', { name: 'Empezar la ronda' });
		await submit.waitFor();
		await expect.poll(() => submit.isEnabled(), { timeout: 60_000 }).toBe(true);
		// enabled means known: the default is already the latest round's answers (2024 in the
		// demo data), so a choice of "Vacía" made now is not undone by a late answer
		const latest = page.locator('input[name="prefill"][value="latest"]');
		expect(await latest.isChecked()).toBe(true);
		expect(await page.getByText('Con las respuestas y evidencias de la ronda 2024').count()).toBe(
			1
		);
		expect(await page.getByLabel('Vacía').isEnabled()).toBe(true);
	});

	it(
		'builds the form from the loaded framework, with keyboard radio groups, evidence, http(s)-only links and guidance',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');

			// every policy indicator, in framework order, grouped by domain and subarea
			const ids = await page
				.locator('article.indicator')
				.evaluateAll((as) => as.map((a) => a.getAttribute('data-indicator')));
			expect(ids).toEqual(POLICY.map((r) => r.indicator_id));
			for (const d of DOMAINS) {
				const section = page.locator(`#domain-${d}`);
				const subareas = [
					...new Set(POLICY.filter((r) => Number(r.domain) === d).map((r) => r.subarea))
				];
				expect(await section.locator('h4.subarea').allTextContents()).toEqual(subareas);
				const count = POLICY.filter((r) => Number(r.domain) === d).length;
				expect(await page.getByTestId(`domain-progress-${d}`).textContent()).toBe(
					`0 de ${count} respondidos`
				);
			}

			// a real radio group of five answers, named by the question, used from the keyboard
			const first = POLICY[0];
			const group = page.getByRole('group', { name: new RegExp(`^${first.indicator_id} `) });
			expect(await group.getByRole('radio').count()).toBe(5);
			await radio(page, first.indicator_id, 'Cumple').focus();
			await page.keyboard.press('Space');
			expect(await radio(page, first.indicator_id, 'Cumple').isChecked()).toBe(true);
			await page.keyboard.press('ArrowRight');
			expect(await radio(page, first.indicator_id, 'Parcial').isChecked()).toBe(true);
			await poll(() => page.getByTestId(`domain-progress-${first.domain}`).textContent()).toMatch(
				/^1 de /
			);

			// the source link accepts http(s) only
			const url = question(page, first.indicator_id).getByLabel('Enlace a la fuente');
			await url.fill('javascript:alert(1)');
			await url.blur();
			expect(await url.getAttribute('aria-invalid')).toBe('true');
			await question(page, first.indicator_id)
				.getByText('Use un enlace que empiece por http:// o https://.')
				.waitFor();
			await url.fill('https://www.gob.pe/munilima');
			expect(await url.getAttribute('aria-invalid')).toBe('false');
			expect(
				await question(page, first.indicator_id)
					.getByRole('link', { name: 'Abrir el enlace' })
					.getAttribute('href')
			).toBe('https://www.gob.pe/munilima');

			// the guidance is behind a disclosure
			const guidance = question(page, first.indicator_id).locator('details.guidance');
			expect(await guidance.locator('p').isVisible()).toBe(false);
			await guidance.locator('summary').click();
			expect(await guidance.locator('p').textContent()).toBe(first.guidance_es);

			expect(await axeViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'computes the live scores with the dashboards’ SQL as the official answers',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			const domain1 = POLICY.filter((r) => r.domain === '1');
			const answers: Record<string, string> = {};
			const labels: Record<string, string> = {
				cumple: 'Cumple',
				parcial: 'Parcial',
				no_cumple: 'No cumple',
				no_aplica: 'No aplica'
			};
			domain1.forEach((r, i) => {
				answers[r.indicator_id] = (['cumple', 'parcial', 'no_cumple', 'no_aplica'] as const)[i % 4];
			});
			for (const [id, answer] of Object.entries(answers))
				await radio(page, id, labels[answer]).check();
			const panel = page.getByTestId('live-scores');
			const expected = expectedScore(1, answers)!;
			// answered of applicable first: a last "no aplica" changes it, not the score
			const applicable =
				domain1.length - Object.values(answers).filter((a) => a === 'no_aplica').length;
			await poll(() => panel.locator('tr[data-domain="1"] td').nth(1).textContent()).toBe(
				`${applicable}/${applicable}`
			);
			expect((await liveScores(panel))[1]).toBeCloseTo(expected, 9);
			expect(await panel.locator('tr[data-domain="1"] td').first().textContent()).toContain(
				String(Math.round(expected))
			);
			// one answer changes: the score follows
			answers[domain1[0].indicator_id] = 'no_cumple';
			await radio(page, domain1[0].indicator_id, 'No cumple').check();
			await poll(async () => (await liveScores(panel))[1]).toBeCloseTo(
				expectedScore(1, answers)!,
				9
			);
			// no overall score until every domain has one
			expect(await panel.getByTestId('overall').getAttribute('data-score')).toBe('');
			expect(errors).toEqual([]);
		},
		SLOW
	);
});
