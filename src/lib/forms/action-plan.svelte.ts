/**
 * A district's action plan: read from the engine's `actions` table (the
 * loaded actions.csv with this browser's changes on top), changed through
 * IndexedDB first and then the engine, so that it survives a reload and the
 * district profile shows it at once. In server mode, for an official of the
 * district, each change is then sent to the Integra server (plan-sync.ts):
 * where it stands is in `syncOf`, and a failed send keeps the change on this
 * device, in the pending list, to send again.
 */
import { Query } from '../engine/query.svelte';
import { engineState } from '../engine/state.svelte';
import type { Engine } from '../engine/types';
import {
	ACTION_COLUMNS,
	actionsCsv,
	diffActions,
	nextActionId,
	parseActionsCsv,
	sortActions,
	toActions,
	withStatus,
	type ActionStatus,
	type ParsedActions,
	type PlanAction
} from './actions';
import { localToday } from '../clock';
import { announce, thisTab } from './coordination';
import { districtActionsSql } from './queries';
import { writeActionToEngine } from './records';
import { getRecordStore, type RecordStore } from './store';
import {
	fetchServerPlan,
	localPendingStore,
	sameAsServer,
	sendAction,
	type PendingStore,
	type ServerAction
} from './plan-sync';

/** Talking to the Integra server (server mode, an official of the district). */
export interface PlanSyncOptions {
	fetch: typeof fetch;
	pending: PendingStore;
	/** Whether the person signed in may change this district's plan on the server. */
	allowed: (ubigeo: string) => boolean;
}

/** Where one action's last change stands, in server mode. */
export type ActionSync =
	/** saved on this device on an earlier visit, not yet on the server */
	| { state: 'local' }
	| { state: 'sending' }
	| { state: 'server'; version: number }
	/** no answer from the server: kept on this device, to send again */
	| { state: 'failed'; message: string }
	/** the server refused it (a value it does not accept, signed out…) */
	| { state: 'rejected'; message: string }
	/** someone changed it on the server since: a person decides */
	| { state: 'conflict'; current: ServerAction; message: string };

export interface ActionPlanOptions {
	ubigeo: () => string;
	store: RecordStore;
	engine: () => Engine | null;
	dataChanged: () => void;
	today: () => string;
	/** Server mode, an official of the district: send each change to the server. */
	sync?: PlanSyncOptions | null;
}

export class ActionPlan {
	/** The last storage failure (the change is in the engine, but not kept after a reload). */
	storageError = $state<unknown>(null);
	/** The last write into the engine failed (the action is stored all the same). */
	engineError = $state<unknown>(null);
	#query: Query;
	#opts: ActionPlanOptions;

	constructor(opts: ActionPlanOptions) {
		this.#opts = opts;
		this.#query = new Query(() => districtActionsSql(opts.ubigeo()));
	}

	get loaded(): boolean {
		return this.#query.rows !== null;
	}

	get error() {
		return this.#query.error;
	}

	/** Overdue first, then open by due date, then closed. */
	actions = $derived.by(() => sortActions(toActions(this.#query.rows ?? []), this.#opts.today()));

	/** The open actions (pendiente, en curso) already linked to an indicator. */
	openFor(indicatorId: string): PlanAction[] {
		return this.actions.filter(
			(a) => a.indicator_id === indicatorId && (a.status === 'pendiente' || a.status === 'en_curso')
		);
	}

	/** A new action's id, after every id this district has in the engine, in storage and (server mode) on the server. */
	async newId(): Promise<string> {
		const ubigeo = this.#opts.ubigeo();
		const ids = [...this.actions.map((a) => a.action_id), ...this.#server.keys()];
		try {
			ids.push(...(await this.#opts.store.listActions(ubigeo)).map((a) => a.action_id));
		} catch {
			// storage trouble is reported by the save
		}
		return nextActionId(ubigeo, ids);
	}

	/**
	 * Stores the action, then puts it in the engine. A storage failure is kept
	 * in `storageError` but does not stop the work: the plan still changes on
	 * screen and can be exported. In server mode the change is then sent to
	 * the server, in the background, one send after the other (`whenSent`).
	 */
	async save(action: PlanAction): Promise<void> {
		const plain = await this.#saveLocal(action);
		this.lastSaved = plain.action_id;
		if (this.syncing) this.#enqueue(plain);
	}

	async #saveLocal(action: PlanAction): Promise<PlanAction> {
		const plain = { ...action };
		try {
			await this.#opts.store.putAction(plain);
			this.storageError = null;
		} catch (error) {
			this.storageError = error;
		}
		const engine = this.#opts.engine();
		this.engineError = null;
		try {
			// without an engine (or if it fails) the action is still stored, and applied on its next start
			if (engine) await writeActionToEngine(engine, plain);
		} catch (error) {
			this.engineError = error;
		}
		this.#opts.dataChanged();
		announce({ kind: 'action', actionId: plain.action_id, tab: thisTab() });
		return plain;
	}

	// ---- the server (server mode, an official of the district)

	/** True when changes go to the server too. */
	get syncing(): boolean {
		return !!this.#opts.sync?.allowed(this.#opts.ubigeo());
	}
	/** Where each action's last change stands, by id. */
	syncOf = $state<Record<string, ActionSync>>({});
	/** The action saved last on this page (the status line speaks of it). */
	lastSaved = $state<string | null>(null);
	/** Whether the server's copy of the plan could be read. */
	serverPlan = $state<'unread' | 'ready' | 'failed'>('unread');
	/** Ids of this district's changes kept on this device and not yet on the server. */
	pendingIds = $state<string[]>([]);
	// not state: the screen shows `syncOf`; this is what the next send starts from
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#server = new Map<string, ServerAction>();
	#queue: Promise<void> = Promise.resolve();

	/** Resolves when every send asked for so far has its answer. */
	whenSent(): Promise<void> {
		return this.#queue;
	}

	#refreshPending() {
		const ubigeo = this.#opts.ubigeo();
		const all = this.#opts.sync?.pending.all() ?? {};
		this.pendingIds = Object.keys(all)
			.filter((id) => all[id].ubigeo === ubigeo)
			.sort();
	}

	async #readServer(): Promise<boolean> {
		try {
			this.#server = await fetchServerPlan(this.#opts.ubigeo(), this.#opts.sync!.fetch);
			this.serverPlan = 'ready';
			return true;
		} catch {
			this.serverPlan = 'failed';
			return false;
		}
	}

	/**
	 * Reads the server's versions of the plan, then sends again what this
	 * device kept from earlier visits. Call once the page is up.
	 */
	async connect(): Promise<void> {
		if (!this.syncing) return;
		await this.#readServer();
		this.#refreshPending();
		for (const id of this.pendingIds) this.syncOf[id] ??= { state: 'local' };
		if (this.pendingIds.length) await this.sendPending();
	}

	/** Sends every change of this district that is not on the server yet (conflicts aside). */
	async sendPending(): Promise<void> {
		const sync = this.#opts.sync;
		if (!sync || !this.syncing) return;
		this.#refreshPending();
		let local: PlanAction[];
		try {
			local = await this.#opts.store.listActions(this.#opts.ubigeo());
		} catch (error) {
			this.storageError = error;
			return;
		}
		for (const id of this.pendingIds) {
			// a conflict waits for the official's choice (keepMine, takeServer)
			if (this.syncOf[id]?.state === 'conflict') continue;
			const action = local.find((a) => a.action_id === id);
			if (action) this.#enqueue(action);
			else sync.pending.delete(id);
		}
		this.#refreshPending();
		await this.whenSent();
	}

	#enqueue(action: PlanAction) {
		this.syncOf[action.action_id] = { state: 'sending' };
		this.#queue = this.#queue.then(() => this.#send(action)).catch(() => {});
	}

	async #send(action: PlanAction): Promise<void> {
		const sync = this.#opts.sync!;
		const id = action.action_id;
		const ubigeo = action.ubigeo;
		const set = (s: ActionSync) => (this.syncOf[id] = s);
		// the version this device's change started from: the one it knew when first changed here
		const before = sync.pending.all()[id];
		let base: number | null | 'unknown' = before
			? before.base
			: this.serverPlan === 'ready'
				? (this.#server.get(id)?.version ?? null)
				: 'unknown';
		sync.pending.set(id, { ubigeo, base });
		this.#refreshPending();
		if (base === 'unknown') {
			if (!(await this.#readServer())) {
				set({ state: 'failed', message: '' });
				return;
			}
			const there = this.#server.get(id);
			// a version this device never saw: only a person can tell which one is right
			if (there && !sameAsServer(action, there)) {
				set({ state: 'conflict', current: there, message: '' });
				return;
			}
			base = there?.version ?? null;
			sync.pending.set(id, { ubigeo, base });
		}
		const result = await sendAction(action, base, sync.fetch);
		if (result.kind === 'stored') {
			this.#server.set(id, result.item);
			sync.pending.delete(id);
			set({ state: 'server', version: result.item.version });
		} else if (result.kind === 'conflict' && result.current) {
			this.#server.set(id, result.current);
			set({ state: 'conflict', current: result.current, message: result.message });
		} else if (result.kind === 'unreachable') {
			set({ state: 'failed', message: result.message });
		} else {
			set({ state: 'rejected', message: result.message });
		}
		this.#refreshPending();
	}

	/** A conflict: send this device's version anyway, on top of the server's. */
	async keepMine(actionId: string): Promise<void> {
		const sync = this.#opts.sync;
		const s = this.syncOf[actionId];
		if (!sync || s?.state !== 'conflict') return;
		sync.pending.set(actionId, { ubigeo: this.#opts.ubigeo(), base: s.current.version });
		const local = (await this.#opts.store.listActions(this.#opts.ubigeo())).find(
			(a) => a.action_id === actionId
		);
		if (local) this.#enqueue(local);
		await this.whenSent();
	}

	/** A conflict: take the server's version on this device (this device's change is dropped). */
	async takeServer(actionId: string): Promise<void> {
		const sync = this.#opts.sync;
		const s = this.syncOf[actionId];
		if (!sync || s?.state !== 'conflict') return;
		const action = Object.fromEntries(
			ACTION_COLUMNS.map((c) => [c, s.current[c] ?? null])
		) as unknown as PlanAction;
		await this.#saveLocal(action);
		sync.pending.delete(actionId);
		this.syncOf[actionId] = { state: 'server', version: s.current.version };
		this.#refreshPending();
	}

	async setStatus(action: PlanAction, status: ActionStatus): Promise<void> {
		await this.save(withStatus(action, status, this.#opts.today()));
	}

	exportCsv(): string {
		return actionsCsv(this.actions);
	}

	// ---- importing a plan: read, show what would change, then apply

	/** A file read and not applied yet. */
	pendingImport = $state<ParsedActions | null>(null);

	/** New actions and changed fields of existing ones, if the file were applied. */
	importChanges = $derived.by(() =>
		this.pendingImport ? diffActions(this.actions, this.pendingImport.actions) : []
	);

	readImport(bytes: Uint8Array, indicatorIds: ReadonlySet<string>): void {
		this.pendingImport = parseActionsCsv(bytes, { ubigeo: this.#opts.ubigeo(), indicatorIds });
	}

	discardImport(): void {
		this.pendingImport = null;
	}

	/** Saves every new or changed action of the file; returns how many. */
	async applyImport(): Promise<number> {
		const list = this.importChanges.map((c) => c.action);
		for (const action of list) await this.save(action);
		this.pendingImport = null;
		return list.length;
	}
}

/**
 * The action plan of one district, wired to the page's engine and IndexedDB;
 * with `sync` (server mode: whether the person signed in is an official of
 * the district), to the server too.
 */
export function browserActionPlan(
	ubigeo: () => string,
	opts: { sync?: (ubigeo: string) => boolean } = {}
): ActionPlan {
	return new ActionPlan({
		ubigeo,
		store: getRecordStore(),
		engine: () => engineState.engine,
		dataChanged: () => (engineState.dataVersion += 1),
		today: () => localToday(),
		sync: opts.sync
			? { fetch: (...args) => fetch(...args), pending: localPendingStore(), allowed: opts.sync }
			: null
	});
}
