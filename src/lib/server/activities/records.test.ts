/**
 * Logged activities on the server (issue 13 §3), against PGlite in memory
 * and a Node DuckDB loaded with the reference data: only the UIM logs, a
 * repeated send stored once, 409 on a taken id, the import pipeline's
 * checks, the published activities.csv, and the stamp of the server records.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../auth/sessions';
import { viewFiles } from '../published';
import { parseCsv, publishedRow, referenceRows, useRecordsWorld } from '../records/test-world';
import { refusal, rowCount } from '../test-kit';
import { listActivities, logActivity, type Activity } from './service';
import { activityCheck } from './check';
import { parseActivity } from './body';

const world = useRecordsWorld();

const count = (from: string, params: unknown[] = []) => rowCount(world.store, from, params);

/** The activity the tests log first (its id made by a device). */
const activity = {
	activity_id: 'REG-20250401-ABCDEF',
	date: '2025-04-01',
	ubigeo: '150132',
	type: 'capacitacion',
	audience: 'gobierno_local',
	topic: 'regularizacion',
	modality: 'presencial',
	participants_total: 30,
	participants_women: 18,
	participants_men: 12,
	participants_migrants: 5,
	partner: 'OIM'
};

describe('logged activities', () => {
	const check = () => activityCheck(world.engine);
	const t0 = new Date('2025-04-01T15:00:00Z');
	const t1 = new Date('2025-04-02T09:00:00Z');
	const log = (user: User | null, body: Record<string, unknown>, now = t0) =>
		logActivity(world.store, user, parseActivity(body), check(), now);

	it('only the UIM logs activities: anonymous 401, every other role 403', async () => {
		expect((await refusal(log(null, activity))).status).toBe(401);
		for (const who of [world.users.admin, world.users.lima, world.users.analyst])
			expect((await refusal(log(who, activity))).status, who.email).toBe(403);
		expect(await count('logged_activities')).toBe(0);
	});

	it('a new activity is stored, attributed to the assistant at the server time', async () => {
		const { created, activity: stored } = await log(world.users.uim, activity, t0);
		expect(created).toBe(true);
		expect(stored).toEqual({
			...activity,
			logged_at: '2025-04-01T15:00:00.000Z',
			logged_by: 'uim@test.integra'
		});
		const [audit] = await world.store.query(
			`SELECT target, detail FROM audit_log WHERE action = 'activity_logged'`
		);
		expect(audit).toEqual({
			target: 'REG-20250401-ABCDEF',
			detail: 'ubigeo 150132, 2025-04-01'
		});
	});

	it('the same activity sent again is stored once and given back as stored', async () => {
		const again = await log(world.users.uim, activity, t1);
		expect(again.created).toBe(false);
		expect(again.activity.logged_at).toBe('2025-04-01T15:00:00.000Z');
		expect(await count('logged_activities')).toBe(1);
	});

	it('the same id with other content, or an id of the published file, is a 409', async () => {
		const e = await refusal(log(world.users.uim, { ...activity, participants_total: 31 }));
		expect(e.status).toBe(409);
		expect((e.detail.current as Activity).participants_total).toBe(30);
		// ACT-2021-0001 is in data/activities.csv
		const taken = await refusal(
			log(world.users.uim, { ...activity, activity_id: 'ACT-2021-0001' })
		);
		expect(taken.status).toBe(409);
		expect(await count('logged_activities')).toBe(1);
	});

	it('is checked by the import pipeline: canonical values, and a 400 naming the field', async () => {
		const { activity: stored } = await log(
			world.users.uim,
			{
				...activity,
				activity_id: 'REG-20240403-XYZXYZ',
				date: '3/4/2024',
				type: 'Taller',
				modality: 'en línea',
				participants_total: '12',
				participants_women: null,
				participants_men: null,
				participants_migrants: null,
				partner: ''
			},
			t1
		);
		expect(stored).toMatchObject({
			date: '2024-04-03',
			type: 'capacitacion',
			modality: 'virtual',
			participants_total: 12,
			participants_women: null,
			partner: null
		});
		const cases: [Record<string, unknown>, string][] = [
			[{ ...activity, ubigeo: '999999' }, 'ubigeo'],
			[{ ...activity, type: 'fiesta' }, 'type'],
			[{ ...activity, participants_women: 20 }, 'participants_women'],
			[{ ...activity, participants_total: 2.5 }, 'participants_total'],
			[{ ...activity, date: '2025-13-01' }, 'date']
		];
		for (const [body, field] of cases) {
			const e = await refusal(log(world.users.uim, { ...body, activity_id: 'REG-BAD' }));
			expect(e.status, field).toBe(400);
			expect((e.detail.problems as { field: string }[])[0].field, field).toBe(field);
		}
		expect(() => parseActivity({ ...activity, activity_id: '' })).toThrow(/Falta activity_id/);
		expect(() => parseActivity({ ...activity, participants_total: [1] })).toThrow(
			/participants_total/
		);
		expect(await count(`logged_activities WHERE activity_id = 'REG-BAD'`)).toBe(0);
	});

	it('staff read who logged what; officials 403, anonymous 401', async () => {
		expect((await refusal(listActivities(world.store, null))).status).toBe(401);
		expect((await refusal(listActivities(world.store, world.users.lima))).status).toBe(403);
		for (const who of [world.users.uim, world.users.admin, world.users.analyst]) {
			const list = await listActivities(world.store, who);
			expect(
				list.map((a) => [a.activity_id, a.logged_by]),
				who.email
			).toEqual([
				// newest logged first (t1, then t0)
				['REG-20240403-XYZXYZ', 'uim@test.integra'],
				['REG-20250401-ABCDEF', 'uim@test.integra']
			]);
		}
		const sjl = await listActivities(world.store, world.users.analyst, { ubigeo: '150101' });
		expect(sjl).toEqual([]);
	});
});

describe('the published files', () => {
	it('activities.csv: the reference rows and every activity logged on the server', async () => {
		const files = await viewFiles(world.store, 'published', 'data');
		const rows = parseCsv(files.find((f) => f.fileName === 'activities.csv')!.bytes);
		const ref = referenceRows('activities.csv');
		expect(rows).toHaveLength(ref.length + 2);
		expect(rows.slice(0, ref.length)).toEqual(ref);
		// the logged activity as the contract writes it: every value as text
		expect(rows.find((r) => r.activity_id === 'REG-20250401-ABCDEF')).toEqual(
			Object.fromEntries(Object.entries(activity).map(([k, v]) => [k, String(v)]))
		);
	});

	it('the merged activities.csv loads through the import pipeline without a problem', async () => {
		const row = await publishedRow(
			world.store,
			`SELECT partner FROM activities WHERE activity_id = 'REG-20250401-ABCDEF'`
		);
		expect(row.partner).toBe('OIM');
	}, 60_000);
});

describe('the stamp of the server records', () => {
	it('changes with each stored action version or activity, and has no space (an ETag may carry it)', async () => {
		const { serverRecordsStamp } = await import('../records/merge-csv');
		const before = await serverRecordsStamp(world.store);
		expect(before).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
		await logActivity(
			world.store,
			world.users.uim,
			parseActivity({
				activity_id: 'REG-STAMP',
				date: '2025-04-01',
				ubigeo: '150132',
				type: 'otro',
				audience: 'academia',
				topic: 'otro',
				modality: 'mixta',
				participants_total: 1
			}),
			activityCheck(world.engine),
			new Date('2025-06-01T00:00:00Z')
		);
		const after = await serverRecordsStamp(world.store);
		expect(after).not.toBe(before);
		expect(after.split('.').slice(2)).toEqual(['3', String(Date.parse('2025-06-01T00:00:00Z'))]);
	});
});
