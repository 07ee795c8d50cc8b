/**
 * An official's action plan in server mode: saved on the device first, then
 * sent; a failure keeps it pending (never lost), a server that moved on is a
 * conflict the official settles. The server here is a fake with the real
 * one's rules (base_version, a repeated send stores nothing).
 */
import { describe, expect, it } from 'vitest';
import { ActionPlan } from './action-plan.svelte';
import { memoryPendingStore, type PendingStore, type ServerAction } from './plan-sync';
import { MemoryRecordStore } from './store';
import type { PlanAction } from './actions';

const action = (over: Partial<PlanAction> = {}): PlanAction => ({
	action_id: 'PA-150101-08',
	ubigeo: '150101',
	indicator_id: 'D1.01',
	description: 'Aceptar el CPP',
	responsible: null,
	due_date: '2025-09-30',
	status: 'pendiente',
	completed_on: null,
	...over
});

/** A fake of the server's two endpoints, with its rules. */
class FakeServer {
	items = new Map<string, ServerAction>();
	down = false;
	puts: { id: string; body: Record<string, unknown> }[] = [];
	gets = 0;

	fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
		if (this.down) throw new TypeError('Failed to fetch');
		const url = String(input);
		const json = (status: number, body: unknown) =>
			new Response(JSON.stringify(body), {
				status,
				headers: { 'content-type': 'application/json' }
			});
		if (!init.method || init.method === 'GET') {
			this.gets++;
			return json(200, { ubigeo: '150101', items: [...this.items.values()] });
		}
		const id = decodeURIComponent(url.split('/items/')[1]);
		const body = JSON.parse(String(init.body));
		this.puts.push({ id, body });
		const current = this.items.get(id) ?? null;
		const same =
			current &&
			['description', 'status', 'due_date', 'indicator_id', 'responsible', 'completed_on'].every(
				(c) => (current as unknown as Record<string, unknown>)[c] === body[c]
			);
		if (current && same) return json(200, current);
		if (body.base_version !== (current?.version ?? null))
			return json(409, {
				error: { code: 'conflict', message: 'moved on', current_version: current?.version, current }
			});
		const stored = this.store(body as PlanAction, 'funcionario@integra.demo');
		return json(stored.version === 1 ? 201 : 200, stored);
	};

	/** What another person saving on the server does. */
	store(a: PlanAction, by = 'otra@integra.demo'): ServerAction {
		const version = (this.items.get(a.action_id)?.version ?? 0) + 1;
		const stored: ServerAction = {
			...action(),
			...a,
			version,
			saved_at: '2025-03-02T10:00:00.000Z',
			saved_by: by
		};
		this.items.set(a.action_id, stored);
		return stored;
	}
}

function setup(opts: { pending?: PendingStore; allowed?: boolean } = {}) {
	const server = new FakeServer();
	const store = new MemoryRecordStore();
	const pending = opts.pending ?? memoryPendingStore();
	// (the tests run Svelte's server build: the engine query's $effect does not run)
	const plan = new ActionPlan({
		ubigeo: () => '150101',
		store,
		engine: () => null,
		dataChanged: () => {},
		today: () => '2025-03-01',
		sync: { fetch: server.fetch, pending, allowed: () => opts.allowed ?? true }
	});
	return { server, store, pending, plan };
}

describe('an action plan in server mode', () => {
	it('a new action is kept on the device, then sent with base_version null, and is on the server', async () => {
		const { server, store, pending, plan } = setup();
		await plan.connect();
		await plan.save(action());
		// on the device before any answer from the server
		expect(store.actions.get('PA-150101-08')?.description).toBe('Aceptar el CPP');
		await plan.whenSent();
		expect(server.puts).toHaveLength(1);
		expect(server.puts[0].body).toEqual({ base_version: null, ...action() });
		expect(plan.syncOf['PA-150101-08']).toEqual({ state: 'server', version: 1 });
		expect(pending.all()).toEqual({});
		expect(plan.pendingIds).toEqual([]);
		// the next change starts from version 1
		await plan.save(action({ status: 'en_curso' }));
		await plan.whenSent();
		expect(server.puts[1].body.base_version).toBe(1);
		expect(plan.syncOf['PA-150101-08']).toEqual({ state: 'server', version: 2 });
	});

	it('a failed send keeps the change on the device and in the pending list, and it goes later', async () => {
		const { server, store, pending, plan } = setup();
		await plan.connect();
		server.down = true;
		await plan.save(action());
		await plan.whenSent();
		expect(plan.syncOf['PA-150101-08'].state).toBe('failed');
		expect(store.actions.has('PA-150101-08')).toBe(true);
		expect(pending.all()).toEqual({ 'PA-150101-08': { ubigeo: '150101', base: null } });
		expect(plan.pendingIds).toEqual(['PA-150101-08']);
		// a second change while offline still starts from what the server had (nothing)
		await plan.save(action({ responsible: 'Gerencia' }));
		await plan.whenSent();
		expect(pending.all()['PA-150101-08'].base).toBeNull();
		server.down = false;
		await plan.sendPending();
		expect(server.items.get('PA-150101-08')?.responsible).toBe('Gerencia');
		expect(plan.syncOf['PA-150101-08']).toEqual({ state: 'server', version: 1 });
		expect(pending.all()).toEqual({});
	});

	it('what a previous visit left pending is sent when the page connects', async () => {
		const pending = memoryPendingStore();
		pending.set('PA-150101-08', { ubigeo: '150101', base: null });
		const { server, store, plan } = setup({ pending });
		await store.putAction(action());
		await plan.connect();
		expect(server.puts.map((p) => p.id)).toEqual(['PA-150101-08']);
		expect(plan.syncOf['PA-150101-08'].state).toBe('server');
	});

	it('a change someone else overtook on the server is a conflict; "send mine" goes on top of theirs', async () => {
		const { server, pending, plan } = setup();
		server.store(action());
		await plan.connect();
		// someone else saves version 2 after this page read version 1
		server.store(action({ status: 'cancelada' }));
		await plan.save(action({ status: 'completada', completed_on: '2025-03-01' }));
		await plan.whenSent();
		const s = plan.syncOf['PA-150101-08'];
		expect(s.state).toBe('conflict');
		expect(s.state === 'conflict' && [s.current.version, s.current.status]).toEqual([
			2,
			'cancelada'
		]);
		expect(pending.all()['PA-150101-08'].base).toBe(1);
		expect(server.items.get('PA-150101-08')?.status).toBe('cancelada');
		await plan.keepMine('PA-150101-08');
		expect(server.puts.at(-1)!.body.base_version).toBe(2);
		expect(server.items.get('PA-150101-08')?.status).toBe('completada');
		expect(plan.syncOf['PA-150101-08']).toEqual({ state: 'server', version: 3 });
	});

	it('"use the server\'s" puts their version on the device and sends nothing', async () => {
		const { server, store, pending, plan } = setup();
		server.store(action());
		await plan.connect();
		server.store(action({ status: 'cancelada' }));
		await plan.save(action({ description: 'Mi cambio' }));
		await plan.whenSent();
		const puts = server.puts.length;
		await plan.takeServer('PA-150101-08');
		expect(server.puts.length).toBe(puts);
		expect(store.actions.get('PA-150101-08')).toEqual(action({ status: 'cancelada' }));
		expect(pending.all()).toEqual({});
		expect(plan.syncOf['PA-150101-08']).toEqual({ state: 'server', version: 2 });
	});

	it('a change saved while the server could not be read is not sent over a version it never saw', async () => {
		const { server, plan } = setup();
		server.store(action());
		server.down = true;
		await plan.connect();
		expect(plan.serverPlan).toBe('failed');
		await plan.save(action({ description: 'Sin conexión' }));
		await plan.whenSent();
		expect(plan.syncOf['PA-150101-08'].state).toBe('failed');
		server.down = false;
		await plan.sendPending();
		expect(plan.syncOf['PA-150101-08'].state).toBe('conflict');
		expect(server.puts).toEqual([]);
		expect(server.items.get('PA-150101-08')?.description).toBe('Aceptar el CPP');
	});

	it('a new id comes after the ids the server has (another device of the district)', async () => {
		const { server, store, plan } = setup();
		await store.putAction(action({ action_id: 'PA-150101-03' }));
		server.store(action({ action_id: 'PA-150101-09' }));
		expect(await plan.newId()).toBe('PA-150101-04');
		await plan.connect();
		expect(await plan.newId()).toBe('PA-150101-10');
	});

	it('someone who may not change the plan on the server sends nothing', async () => {
		const { server, store, plan } = setup({ allowed: false });
		await plan.connect();
		await plan.save(action());
		await plan.whenSent();
		expect(store.actions.has('PA-150101-08')).toBe(true);
		expect(server.gets + server.puts.length).toBe(0);
		expect(plan.syncOf).toEqual({});
	});
});
