/**
 * Action plans on the server (issue 13 §3), against PGlite in memory and a
 * Node DuckDB loaded with the reference data: who may read and write (roles ×
 * districts), a repeated send stored once, 409 on a stale base version or a
 * taken id, attribution, the import pipeline's checks, and the published
 * actions.csv. Logged activities: src/lib/server/activities/records.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { User } from '../auth/sessions';
import { viewFiles } from '../published';
import { parseCsv, publishedRow, referenceRows, useRecordsWorld } from '../records/test-world';
import { refusal, rowCount } from '../test-kit';
import { getPlan, saveItem, type PlanItem } from './service';
import { planItemCheck } from './check';
import { parsePlanItem } from './body';

const world = useRecordsWorld();

const count = (from: string, params: unknown[] = []) => rowCount(world.store, from, params);

describe('before anything is stored', () => {
	it('the published actions.csv and activities.csv are the reference files, byte for byte', async () => {
		const files = await viewFiles(world.store, 'published', 'data');
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
	const checkItem = () => planItemCheck(world.engine);
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
			world.store,
			user,
			ubigeo,
			id,
			base === undefined ? { item } : { base_version: base, item },
			checkItem(),
			now
		);

	it('only an official of the district saves its plan: anonymous 401, every other role or district 403', async () => {
		expect((await refusal(save(null, '150101', 'PA-150101-50', draft))).status).toBe(401);
		for (const who of [world.users.admin, world.users.uim, world.users.analyst, world.users.sjl]) {
			const e = await refusal(save(who, '150101', 'PA-150101-50', draft));
			expect(e.status, who.email).toBe(403);
		}
		expect(await count('action_items')).toBe(0);
	});

	it('a new action is stored as version 1, attributed to the official at the server time', async () => {
		const { created, item } = await save(
			world.users.lima,
			'150101',
			'PA-150101-50',
			draft,
			null,
			t0
		);
		expect(created).toBe(true);
		expect(item).toEqual({
			action_id: 'PA-150101-50',
			ubigeo: '150101',
			...draft,
			version: 1,
			saved_at: '2025-03-01T10:00:00.000Z',
			saved_by: 'lima@test.integra'
		});
		const [audit] = await world.store.query(
			`SELECT action, target, detail FROM audit_log WHERE action = 'action_saved'`
		);
		expect(audit).toEqual({
			action: 'action_saved',
			target: '150101/PA-150101-50',
			detail: 'version 1, pendiente'
		});
	});

	it('a repeated send stores nothing and gives back the stored version', async () => {
		const again = await save(world.users.lima, '150101', 'PA-150101-50', draft, null, t1);
		expect(again.created).toBe(false);
		expect(again.item.version).toBe(1);
		expect(again.item.saved_at).toBe('2025-03-01T10:00:00.000Z');
		expect(await count('action_item_versions')).toBe(1);
	});

	it('a change from the latest version is a new version; the old one is kept as it was', async () => {
		const done = { ...draft, status: 'completada', completed_on: '2025-03-02' };
		const { created, item } = await save(world.users.lima, '150101', 'PA-150101-50', done, 1, t1);
		expect(created).toBe(true);
		expect(item.version).toBe(2);
		const plan = await getPlan(world.store, world.users.uim, '150101');
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
			save(world.users.lima, '150101', 'PA-150101-50', { ...draft, responsible: 'Otra' }, 1, t2)
		);
		expect(e.status).toBe(409);
		expect(e.detail.current_version).toBe(2);
		expect((e.detail.current as PlanItem).status).toBe('completada');
		// base null: "the server does not have it yet", but it does
		expect(
			(await refusal(save(world.users.lima, '150101', 'PA-150101-50', { ...draft }, null, t2)))
				.status
		).toBe(409);
		expect(await count('action_item_versions')).toBe(2);
	});

	it('without a base version, the change is stored on top of the latest', async () => {
		const { item } = await save(
			world.users.lima,
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
		const e = await refusal(save(world.users.sjl, '150132', 'PA-150101-01', draft));
		expect(e.status).toBe(409);
		const { item } = await save(world.users.lima, '150101', 'PA-150101-01', draft, null, t1);
		expect(item.version).toBe(1);
		// an id another district has on the server
		expect((await refusal(save(world.users.sjl, '150132', 'PA-150101-50', draft))).status).toBe(
			409
		);
	});

	it('is checked by the import pipeline: canonical values, and a 400 naming the field', async () => {
		const { item } = await save(world.users.sjl, '150132', 'PA-150132-50', {
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
			const e = await refusal(save(world.users.sjl, '150132', 'PA-150132-51', body));
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
		expect((await refusal(getPlan(world.store, null, '150101'))).status).toBe(401);
		expect((await refusal(getPlan(world.store, world.users.sjl, '150101'))).status).toBe(403);
		for (const who of [world.users.lima, world.users.uim, world.users.admin, world.users.analyst]) {
			const plan = await getPlan(world.store, who, '150101');
			expect(plan.items.map((i) => i.action_id).sort(), who.email).toEqual([
				'PA-150101-01',
				'PA-150101-50'
			]);
		}
		expect(
			(await getPlan(world.store, world.users.sjl, '150132')).items.map((i) => i.action_id)
		).toEqual(['PA-150132-50']);
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

describe('the published files', () => {
	it('actions.csv: each action at its current version, in place of the reference row', async () => {
		const files = await viewFiles(world.store, 'in-progress', 'data');
		const rows = parseCsv(files.find((f) => f.fileName === 'actions.csv')!.bytes);
		const ref = referenceRows('actions.csv');
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
		const row = await publishedRow(
			world.store,
			`SELECT status FROM actions WHERE action_id = 'PA-150101-50'`
		);
		expect(row.status).toBe('en_curso');
	}, 60_000);
});
