/**
 * The self-assessment (/autoevaluacion/[ubigeo]) in real Chromium: what is
 * missing before completing, the action plan, print, and axe on the other
 * screens. Helpers, fixed clock and time zone: autoevaluacion.helpers.ts.
 */
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
	base,
	closeBrowsers,
	download,
	FORM,
	launch,
	LIMA,
	parseExport,
	POLICY,
	poll,
	question,
	radio,
	readCsv,
	SLOW,
	startRound
} from './autoevaluacion.helpers';

afterEach(closeBrowsers);

describe('self-assessment in Chromium: completion, plan, print', () => {
	it(
		'lists what is missing before completing, each item a link to its question',
		async () => {
			const { page, errors } = await launch();
			await startRound(page, '2025');
			const [a, b, c] = POLICY;
			await radio(page, a.indicator_id, 'Cumple').check(); // no evidence
			await radio(page, b.indicator_id, 'No sabe').check();
			await question(page, c.indicator_id).getByLabel('Enlace a la fuente').fill('ftp://archivo');
			await page.getByRole('button', { name: 'Marcar la ronda como completa' }).click();
			const missing = page.getByTestId('missing');
			await missing.waitFor();
			const items = await missing.locator('li a').allTextContents();
			expect(items.slice(0, 4)).toEqual([
				`${a.indicator_id} · Falta la evidencia`,
				`${b.indicator_id} · Responder en lugar de «No sabe»`,
				`${c.indicator_id} · Falta responder`,
				`${c.indicator_id} · El enlace no es http ni https`
			]);
			expect(items).toHaveLength(POLICY.length + 1); // c twice, everything else once
			expect(await axeViolations(page)).toEqual([]);
			await missing.getByRole('link', { name: `${a.indicator_id} · Falta la evidencia` }).click();
			expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
			expect(
				await page.evaluate(() =>
					document.activeElement?.closest('article')?.getAttribute('data-indicator')
				)
			).toBe(a.indicator_id);
			expect(await page.getByTestId('round-status').textContent()).toBe('Borrador');
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'keeps an action plan: create, flag overdue against the injected date, close, reload, export and import',
		async () => {
			const { page, errors } = await launch();
			await page.goto(`${base()}/autoevaluacion/${LIMA}`);
			const plan = page.getByTestId('action-plan');
			await plan.locator('[data-testid="actions"] tbody tr').first().waitFor({ timeout: 90_000 });
			const existing = readCsv('data/actions.csv').filter((r) => r.ubigeo === LIMA);
			const next = `PA-${LIMA}-${String(Math.max(...existing.map((r) => Number(r.action_id.split('-')[2]))) + 1).padStart(2, '0')}`;

			await plan.getByRole('button', { name: 'Nueva acción' }).click();
			const form = page.getByTestId('action-form');
			await form.getByRole('button', { name: 'Guardar la acción' }).click();
			await form.getByText('Describa la acción.').waitFor(); // a description is required
			const description = 'Aprobar la directiva de atención "sin DNI"; difundirla';
			await form.getByLabel('Descripción').fill(description);
			await form.getByLabel('Indicador').selectOption(POLICY[0].indicator_id);
			await form.getByLabel('Responsable').fill('DEMUNA');
			await form.getByLabel('Plazo').fill('2025-06-01');
			expect(await axeViolations(page)).toEqual([]);
			await form.getByRole('button', { name: 'Guardar la acción' }).click();
			const row = plan.locator(`tr[data-action="${next}"]`);
			await row.waitFor();
			expect(await row.getAttribute('data-overdue')).toBe('true');
			expect(await row.getByTestId('overdue').textContent()).toBe('Vencida hace 14 días'); // 1 → 15 June
			expect(await row.textContent()).toContain(description);

			await row.getByRole('button', { name: `Marcar completada ${next}` }).click();
			await poll(() => row.getAttribute('data-status')).toBe('completada');
			expect(await row.getAttribute('data-overdue')).toBe('false');
			expect(await row.textContent()).toMatch(/Completada\s*15 jun\.? 2025/);

			await page.reload();
			await plan
				.locator(`tr[data-action="${next}"][data-status="completada"]`)
				.waitFor({ timeout: 90_000 });

			const exported = parseExport(
				await download(page, () => page.getByTestId('export-actions').click())
			);
			expect(exported.find((r) => r.action_id === next)).toEqual({
				action_id: next,
				ubigeo: LIMA,
				indicator_id: POLICY[0].indicator_id,
				description,
				responsible: 'DEMUNA',
				due_date: '2025-06-01',
				status: 'completada',
				completed_on: '2025-06-15'
			});
			expect(exported).toHaveLength(existing.length + 1);

			// import a changed plan: the change is shown, then applied
			const changed = exported.map((r) =>
				r.action_id === next ? { ...r, responsible: 'Gerencia de Desarrollo Social' } : r
			);
			await plan.locator('summary', { hasText: 'Importar un plan' }).click();
			await plan.getByLabel('Archivo CSV').setInputFiles({
				name: `actions-${LIMA}.csv`,
				mimeType: 'text/csv',
				buffer: Buffer.from(Papa.unparse(changed))
			});
			await plan.getByText('Responsable: DEMUNA → Gerencia de Desarrollo Social').waitFor();
			await plan.getByText('Acciones que cambiarían (1)').waitFor();
			await plan.getByRole('button', { name: 'Aplicar los cambios (1)' }).click();
			await poll(() => row.locator('td').first().textContent()).toBe(
				'Gerencia de Desarrollo Social'
			);

			// the district profile reads it from the engine's actions table
			await page.goto(`${base()}/distritos/${LIMA}`);
			await page.waitForFunction(
				() =>
					document.querySelector('[data-testid="profile"]')?.getAttribute('data-source') ===
					'engine',
				null,
				{ timeout: 90_000 }
			);
			await poll(() => page.getByTestId('action-plan').textContent()).toContain(description);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'prints a blank form and a filled one',
		async () => {
			const { page, errors } = await launch();
			await page.goto(`${base()}/autoevaluacion/${LIMA}?vista=imprimir`);
			const sheet = page.getByTestId('print-form');
			await sheet.waitFor({ timeout: 90_000 });
			expect(await sheet.getAttribute('data-blank')).toBe('true');
			expect(await sheet.locator('.item').count()).toBe(POLICY.length);
			expect(await sheet.locator('.boxes li.on').count()).toBe(0);
			expect(await axeViolations(page)).toEqual([]);
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('.site-header').isVisible()).toBe(false);
			expect(await sheet.getByRole('button', { name: 'Imprimir' }).isVisible()).toBe(false);
			const blank = await page.pdf({ format: 'A4' });
			expect(blank.subarray(0, 4).toString()).toBe('%PDF');

			await page.emulateMedia({ media: 'screen' });
			await page.goto(FORM('2024', 'imprimir'));
			await sheet.waitFor({ timeout: 90_000 });
			const rows = readCsv('data/assessments.csv').filter(
				(r) => r.ubigeo === LIMA && r.round === '2024'
			);
			expect(await sheet.getAttribute('data-blank')).toBe('false');
			expect(await sheet.locator('.boxes li.on').count()).toBe(rows.length);
			const first = rows[0];
			expect(
				await sheet
					.locator(`.item[data-indicator="${first.indicator_id}"] .value`)
					.first()
					.textContent()
			).toBe(first.evidence || '—');
			const filled = await page.pdf({ format: 'A4' });
			expect(filled.length).toBeGreaterThan(10_000);
			expect(errors).toEqual([]);
		},
		SLOW
	);

	it(
		'has no axe violations on the rounds page, the form with a missing list, and the summary',
		async () => {
			const { page, errors } = await launch();
			await page.goto(`${base()}/autoevaluacion/${LIMA}`);
			await page.waitForSelector('[data-testid="rounds"]', { timeout: 90_000 });
			expect(await axeViolations(page)).toEqual([]);
			await startRound(page, '2025', 'latest');
			expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('link', { name: 'Resumen', exact: true }).click();
			await page.getByTestId('summary').waitFor();
			await page
				.getByTestId('summary')
				.getByRole('button', { name: 'Marcar la ronda como completa' })
				.click();
			await page.getByTestId('missing').waitFor();
			expect(await axeViolations(page)).toEqual([]);
			// English too
			await page.getByRole('button', { name: 'English' }).click();
			await page.getByText('Indicators to work on', { exact: false }).waitFor();
			expect(await axeViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
		},
		SLOW
	);
});
