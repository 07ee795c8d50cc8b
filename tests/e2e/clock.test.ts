/**
 * One clock: the district profile and the self-assessment form judge
 * "overdue" against the same day, the user's local date. At 23:30 in Lima
 * (UTC−5) the UTC date is already tomorrow; a screen that took the UTC date
 * would call an action due today overdue while the other does not.
 *
 * The browser's time zone is America/Lima (browser.ts) and its clock is fixed
 * (Playwright's clock), so nothing here depends on when or where it runs.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';

const base = () => inject('baseUrl');
const LIMA = '150101';
/** 30 June 2025, 23:30 in Lima = 1 July 2025, 04:30 UTC. */
const LATE_EVENING = new Date('2025-07-01T04:30:00Z');

// Lima's open actions in data/actions.csv (status, due date), judged by hand on 30 June:
// PA-150101-04 en_curso 2025-04-30 → overdue; PA-150101-01 pendiente 2025-05-31 → overdue;
// PA-150101-05 pendiente and PA-150101-06 en_curso, both due 2025-06-30 → due today, not overdue.
const OVERDUE = ['PA-150101-01', 'PA-150101-04'];
const DUE_TODAY = ['PA-150101-05', 'PA-150101-06'];

const ACTIONS = Papa.parse<Record<string, string>>(readFileSync('data/actions.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data.filter((r) => r.ubigeo === LIMA);

describe('one clock: the profile and the form agree at 23:30 in Lima', () => {
	let session: Session;

	beforeAll(async () => {
		session = await openSession();
		await session.context.clock.setFixedTime(LATE_EVENING);
	}, 60_000);

	afterAll(async () => {
		await session?.close();
	});

	it('checks the demo data the dates were worked out from', () => {
		const due = (id: string) => ACTIONS.find((r) => r.action_id === id)?.due_date;
		expect(OVERDUE.map(due)).toEqual(['2025-05-31', '2025-04-30']);
		expect(DUE_TODAY.map(due)).toEqual(['2025-06-30', '2025-06-30']);
	});

	it('marks the same actions overdue on /distritos and on /autoevaluacion', async () => {
		const { page } = session;

		// The district profile: one row per action, "· Vencida" on the overdue ones.
		await page.goto(`${base()}/distritos/${LIMA}`);
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid="profile"]')?.getAttribute('data-source') === 'engine',
			null,
			{ timeout: 90_000 }
		);
		const profileRows = await page.$$eval('[data-testid="action-plan"] tbody tr', (trs) =>
			trs.map((tr) => ({
				description: tr.querySelector('td')?.textContent?.trim() ?? '',
				overdue: tr.querySelector('.flag') !== null
			}))
		);
		const idOf = (description: string) =>
			ACTIONS.find((r) => r.description === description)?.action_id;
		const profileOverdue = profileRows
			.filter((r) => r.overdue)
			.map((r) => idOf(r.description))
			.sort();
		expect(profileRows).toHaveLength(ACTIONS.length);
		expect(profileOverdue).toEqual(OVERDUE);

		// The self-assessment form's action plan.
		await page.goto(`${base()}/autoevaluacion/${LIMA}`);
		const plan = page.getByTestId('action-plan');
		await plan.locator('[data-testid="actions"] tbody tr').first().waitFor({ timeout: 90_000 });
		const formRows = await plan.locator('[data-testid="actions"] tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({
				id: tr.getAttribute('data-action'),
				overdue: tr.getAttribute('data-overdue') === 'true'
			}))
		);
		const formOverdue = formRows
			.filter((r) => r.overdue)
			.map((r) => r.id)
			.sort();
		expect(formOverdue).toEqual(OVERDUE);
		expect(await plan.getByTestId('overdue-count').textContent()).toContain('30 jun');

		expect(profileOverdue).toEqual(formOverdue);
		expect(session.errors).toEqual([]);
	}, 240_000);
});
