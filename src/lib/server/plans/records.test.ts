/**
 * Action plans and logged activities on the server (issue 13 §3), against
 * PGlite in memory and a Node DuckDB loaded with the reference data: who may
 * read and write (roles × districts), a repeated send stored once, 409 on a
 * stale base version or a taken id, attribution, the import pipeline's
 * checks, and the published actions.csv and activities.csv.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { openEmbedded, type Store } from '../db/store';
import { migrate } from '../db/migrate';
import type { Role, User } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { createNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { importFiles } from '../../data/import';
import { readDemoFiles } from '../demo-files';
import { viewFiles } from '../published';
import { getPlan, saveItem, type PlanItem } from './service';
import { planItemCheck } from './check';
import { parsePlanItem } from './body';
import { listActivities, logActivity, type Activity } from '../activities/service';
import { activityCheck } from '../activities/check';
import { parseActivity } from '../activities/body';

let store: Store;
let engine: Engine;
const users = {} as Record<'admin' | 'uim' | 'lima' | 'sjl' | 'analyst', User>;

async function addUser(key: keyof typeof users, role: Role, ubigeos: string[] = []) {
	const email = `${key}@test.integra`;
	const [row] = await store.query<{ id: number }>(
		`INSERT INTO users (email, role, ubigeos, password_hash) VALUES ($1, $2, $3, 'x') RETURNING id::int AS id`,
		[email, role, ubigeos]
	);
	users[key] = { id: row.id, email, name: '', role, ubigeos };
}

beforeAll(async () => {
	store = await openEmbedded('memory://');
	await migrate(store);
	await addUser('admin', 'admin');
	await addUser('uim', 'uim');
	await addUser('lima', 'official', ['150101']);
	await addUser('sjl', 'official', ['150132']);
	await addUser('analyst', 'analyst');
	engine = await createNodeEngine();
	await importFiles(engine, readDemoFiles('data'), {
		mode: 'replace',
		today: '9999-12-31',
		locale: 'es'
	});
});

afterAll(async () => {
	await engine?.close();
	await store?.close();
});

/** The ApiError a call throws (or fails the test). */
async function refusal(p: Promise<unknown>): Promise<ApiError> {
	try {
		await p;
	} catch (error) {
		if (error instanceof ApiError) return error;
		throw error;
	}
	throw new Error('expected an ApiError');
}

const count = async (sql: string, params: unknown[] = []) =>
	(await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

describe('before anything is stored', () => {
	it('the published actions.csv and activities.csv are the reference files, byte for byte', async () => {
		const files = await viewFiles(store, 'published', 'data');
		for (const name of ['actions.csv', 'activities.csv'])
			expect(
				Buffer.from(files.find((f) => f.fileName === name)!.bytes).equals(
					readFileSync(`data/${name}`)
				),
				name
			).toBe(true);
	});
});

describe('action plans', () => {
	const checkItem = () => planItemCheck(engine);
	const t0 = new Date('2025-03-01T10:00:00Z');
	const t1 = new Date('2025-03-02T11:00:00Z');
	const t2 = new Date('2025-03-03T12:00:00Z');
	const draft = {
		indicator_id: 'D1.01',
		description: 'Aceptar el CPP en todos los trámites municipales',
		responsible: 'Gerencia de Desarrollo Social',
		due_date: '2025-09-30',
		status: 'pendiente',
		completed_on: null
	};
	const save = (
		user: User | null,
		ubigeo: string,
		id: string,
		item: Record<string, unknown>,
		base?: number | null,
		now = t0
	) =>
		saveItem(
			store,
			user,
			ubigeo,
			id,
			base === undefined ? { item } : { base_version: base, item },
			checkItem(),
			now
		);

	it('only an official of the district saves its plan: anonymous 401, every other role or district 403', async () => {
		expect((await refusal(save(null, '150101', 'PA-150101-50', draft))).status).toBe(401);
		for (const who of [users.admin, users.uim, users.analyst, users.sjl]) {
			const e = await refusal(save(who, '150101', 'PA-150101-50', draft));
			expect(e.status, who.email).toBe(403);
		}
		expect(await count('action_items')).toBe(0);
	});

	it('a new action is stored as version 1, attributed to the official at the server time', async () => {
		const { created, item } = await save(users.lima, '150101', 'PA-150101-50', draft, null, t0);
		expect(created).toBe(true);
		expect(item).toEqual({
			action_id: 'PA-150101-50',
			ubigeo: '150101',
			...draft,
			version: 1,
			saved_at: '2025-03-01T10:00:00.000Z',
			saved_by: 'lima@test.integra'
		});
		const [audit] = await store.query(
			`SELECT action, target, detail FROM audit_log WHERE action = 'action_saved'`
		);
		expect(audit).toEqual({
			action: 'action_saved',
			target: '150101/PA-150101-50',
			detail: 'version 1, pendiente'
		});
	});

	it('a repeated send stores nothing and gives back the stored version', async () => {
		const again = await save(users.lima, '150101', 'PA-150101-50', draft, null, t1);
		expect(again.created).toBe(false);
		expect(again.item.version).toBe(1);
		expect(again.item.saved_at).toBe('2025-03-01T10:00:00.000Z');
		expect(await count('action_item_versions')).toBe(1);
	});

	it('a change from the latest version is a new version; the old one is kept as it was', async () => {
		const done = { ...draft, status: 'completada', completed_on: '2025-03-02' };
		const { created, item } = await save(users.lima, '150101', 'PA-150101-50', done, 1, t1);
		expect(created).toBe(true);
		expect(item.version).toBe(2);
		const plan = await getPlan(store, users.uim, '150101');
		expect(plan.items).toHaveLength(1);
		expect(plan.items[0].status).toBe('completada');
		expect(plan.items[0].version).toBe(2);
		expect(plan.items[0].history.map((v) => [v.version, v.status, v.saved_at])).toEqual([
			[1, 'pendiente', '2025-03-01T10:00:00.000Z'],
			[2, 'completada', '2025-03-02T11:00:00.000Z']
		]);
	});

	it('a change from a stale version is a 409 with the current one, and nothing is stored', async () => {
		const e = await refusal(
			save(users.lima, '150101', 'PA-150101-50', { ...draft, responsible: 'Otra' }, 1, t2)
		);
		expect(e.status).toBe(409);
		expect(e.detail.current_version).toBe(2);
		expect((e.detail.current as PlanItem).status).toBe('completada');
		// base null: "the server does not have it yet", but it does
		expect(
			(await refusal(save(users.lima, '150101', 'PA-150101-50', { ...draft }, null, t2))).status
		).toBe(409);
		expect(await count('action_item_versions')).toBe(2);
	});

	it('without a base version, the change is stored on top of the latest', async () => {
		const { item } = await save(
			users.lima,
			'150101',
			'PA-150101-50',
			{ ...draft, status: 'en_curso' },
			undefined,
			t2
		);
		expect(item.version).toBe(3);
	});

	it('an action of the reference file can be changed by its district only', async () => {
		// PA-150101-01 is in data/actions.csv, for 150101
		const e = await refusal(save(users.sjl, '150132', 'PA-150101-01', draft));
		expect(e.status).toBe(409);
		const { item } = await save(users.lima, '150101', 'PA-150101-01', draft, null, t1);
		expect(item.version).toBe(1);
		// an id another district has on the server
		expect((await refusal(save(users.sjl, '150132', 'PA-150101-50', draft))).status).toBe(409);
	});

	it('is checked by the import pipeline: canonical values, and a 400 naming the field', async () => {
		const { item } = await save(users.sjl, '150132', 'PA-150132-50', {
			...draft,
			indicator_id: null,
			status: 'Terminada',
			completed_on: '4/3/2025',
			due_date: null
		});
		expect(item.status).toBe('completada');
		expect(item.completed_on).toBe('2025-03-04');
		expect(item.indicator_id).toBeNull();
		const cases: [Record<string, unknown>, string][] = [
			[{ ...draft, indicator_id: 'Z9.99' }, 'indicator_id'],
			[{ ...draft, status: 'hecho' }, 'status'],
			[{ ...draft, due_date: '31/2/2025' }, 'due_date'],
			[{ ...draft, description: '  ' }, 'description']
		];
		for (const [body, field] of cases) {
			const e = await refusal(save(users.sjl, '150132', 'PA-150132-51', body));
			expect(e.status, field).toBe(400);
			expect(e.code).toBe('invalid_submission');
			expect((e.detail.problems as { field: string }[])[0].field, field).toBe(field);
			expect(e.message).toContain(`campo ${field}`);
		}
		expect(
			await count(`action_items WHERE action_id = 'PA-150132-51'`),
			'nothing stored after a 400'
		).toBe(0);
	});

	it('who reads a plan: its officials, uim, admin, analyst; anonymous 401, another district 403', async () => {
		expect((await refusal(getPlan(store, null, '150101'))).status).toBe(401);
		expect((await refusal(getPlan(store, users.sjl, '150101'))).status).toBe(403);
		for (const who of [users.lima, users.uim, users.admin, users.analyst]) {
			const plan = await getPlan(store, who, '150101');
			expect(plan.items.map((i) => i.action_id).sort(), who.email).toEqual([
				'PA-150101-01',
				'PA-150101-50'
			]);
		}
		expect((await getPlan(store, users.sjl, '150132')).items.map((i) => i.action_id)).toEqual([
			'PA-150132-50'
		]);
	});

	it('the body: the address names the action and the district', () => {
		expect(() => parsePlanItem({ ...draft, ubigeo: '150132' }, '150101', 'PA-1')).toThrow(
			/ubigeo del cuerpo/
		);
		expect(() => parsePlanItem({ ...draft, base_version: '2' }, '150101', 'PA-1')).toThrow(
			/base_version/
		);
		expect(() => parsePlanItem([draft], '150101', 'PA-1')).toThrow(/objeto JSON/);
		expect(parsePlanItem({ ...draft, base_version: 2 }, '150101', 'PA-1')).toEqual({
			base_version: 2,
			item: { action_id: 'PA-1', ubigeo: '150101', ...draft }
		});
		expect('base_version' in parsePlanItem(draft, '150101', 'PA-1')).toBe(false);
	});
});

describe('logged activities', () => {
	const check = () => activityCheck(engine);
	const t0 = new Date('2025-04-01T15:00:00Z');
	const t1 = new Date('2025-04-02T09:00:00Z');
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
	const log = (user: User | null, body: Record<string, unknown>, now = t0) =>
		logActivity(store, user, parseActivity(body), check(), now);

	it('only the UIM logs activities: anonymous 401, every other role 403', async () => {
		expect((await refusal(log(null, activity))).status).toBe(401);
		for (const who of [users.admin, users.lima, users.analyst])
			expect((await refusal(log(who, activity))).status, who.email).toBe(403);
		expect(await count('logged_activities')).toBe(0);
	});

	it('a new activity is stored, attributed to the assistant at the server time', async () => {
		const { created, activity: stored } = await log(users.uim, activity, t0);
		expect(created).toBe(true);
		expect(stored).toEqual({
			...activity,
			logged_at: '2025-04-01T15:00:00.000Z',
			logged_by: 'uim@test.integra'
		});
		const [audit] = await store.query(
			`SELECT target, detail FROM audit_log WHERE action = 'activity_logged'`
		);
		expect(audit).toEqual({
			target: 'REG-20250401-ABCDEF',
			detail: 'ubigeo 150132, 2025-04-01'
		});
	});

	it('the same activity sent again is stored once and given back as stored', async () => {
		const again = await log(users.uim, activity, t1);
		expect(again.created).toBe(false);
		expect(again.activity.logged_at).toBe('2025-04-01T15:00:00.000Z');
		expect(await count('logged_activities')).toBe(1);
	});

	it('the same id with other content, or an id of the published file, is a 409', async () => {
		const e = await refusal(log(users.uim, { ...activity, participants_total: 31 }));
		expect(e.status).toBe(409);
		expect((e.detail.current as Activity).participants_total).toBe(30);
		// ACT-2021-0001 is in data/activities.csv
		const taken = await refusal(log(users.uim, { ...activity, activity_id: 'ACT-2021-0001' }));
		expect(taken.status).toBe(409);
		expect(await count('logged_activities')).toBe(1);
	});

	it('is checked by the import pipeline: canonical values, and a 400 naming the field', async () => {
		const { activity: stored } = await log(
			users.uim,
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
			const e = await refusal(log(users.uim, { ...body, activity_id: 'REG-BAD' }));
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
		expect((await refusal(listActivities(store, null))).status).toBe(401);
		expect((await refusal(listActivities(store, users.lima))).status).toBe(403);
		for (const who of [users.uim, users.admin, users.analyst]) {
			const list = await listActivities(store, who);
			expect(
				list.map((a) => [a.activity_id, a.logged_by]),
				who.email
			).toEqual([
				// newest logged first (t1, then t0)
				['REG-20240403-XYZXYZ', 'uim@test.integra'],
				['REG-20250401-ABCDEF', 'uim@test.integra']
			]);
		}
		const sjl = await listActivities(store, users.analyst, { ubigeo: '150101' });
		expect(sjl).toEqual([]);
	});
});

describe('the published files', () => {
	const parse = (bytes: Uint8Array) =>
		Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), {
			header: true,
			skipEmptyLines: true
		}).data;
	const reference = (name: string) => parse(readFileSync(`data/${name}`));

	it('activities.csv: the reference rows and every activity logged on the server', async () => {
		const files = await viewFiles(store, 'published', 'data');
		const rows = parse(files.find((f) => f.fileName === 'activities.csv')!.bytes);
		const ref = reference('activities.csv');
		expect(rows).toHaveLength(ref.length + 2);
		expect(rows.slice(0, ref.length)).toEqual(ref);
		expect(rows.find((r) => r.activity_id === 'REG-20250401-ABCDEF')).toEqual({
			activity_id: 'REG-20250401-ABCDEF',
			date: '2025-04-01',
			ubigeo: '150132',
			type: 'capacitacion',
			audience: 'gobierno_local',
			topic: 'regularizacion',
			modality: 'presencial',
			participants_total: '30',
			participants_women: '18',
			participants_men: '12',
			participants_migrants: '5',
			partner: 'OIM'
		});
	});

	it('actions.csv: each action at its current version, in place of the reference row', async () => {
		const files = await viewFiles(store, 'in-progress', 'data');
		const rows = parse(files.find((f) => f.fileName === 'actions.csv')!.bytes);
		const ref = reference('actions.csv');
		// PA-150101-01 replaced in place; PA-150101-50 and PA-150132-50 added
		expect(rows).toHaveLength(ref.length + 2);
		const at = ref.findIndex((r) => r.action_id === 'PA-150101-01');
		expect(rows[at]).toMatchObject({
			action_id: 'PA-150101-01',
			description: 'Aceptar el CPP en todos los trámites municipales',
			status: 'pendiente'
		});
		expect(rows.find((r) => r.action_id === 'PA-150101-50')).toMatchObject({
			status: 'en_curso',
			completed_on: ''
		});
		// the other reference rows as they were
		expect(rows.filter((r, i) => i !== at && i < ref.length)).toEqual(
			ref.filter((_, i) => i !== at)
		);
	});

	it('the merged files load through the import pipeline without a problem', async () => {
		const fresh = await createNodeEngine();
		try {
			const result = await importFiles(fresh, await viewFiles(store, 'published', 'data'), {
				mode: 'replace',
				today: '9999-12-31',
				locale: 'es'
			});
			const problems = result.reports
				.filter((r) => r.dataset === 'actions' || r.dataset === 'activities')
				.flatMap((r) => r.issues.filter((i) => i.severity === 'error'));
			expect(problems).toEqual([]);
			const [row] = await fresh.query(
				`SELECT status FROM actions WHERE action_id = 'PA-150101-50'`
			);
			expect(row.status).toBe('en_curso');
		} finally {
			await fresh.close();
		}
	});
});

describe('the stamp of the server records', () => {
	it('changes with each stored action version or activity, and has no space (an ETag may carry it)', async () => {
		const { serverRecordsStamp } = await import('../records/merge-csv');
		const before = await serverRecordsStamp(store);
		expect(before).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
		await logActivity(
			store,
			users.uim,
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
			activityCheck(engine),
			new Date('2025-06-01T00:00:00Z')
		);
		const after = await serverRecordsStamp(store);
		expect(after).not.toBe(before);
		expect(after.split('.').slice(2)).toEqual(['3', String(Date.parse('2025-06-01T00:00:00Z'))]);
	});
});
