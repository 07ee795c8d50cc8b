/**
 * A district's action plan: read from the engine's `actions` table (the
 * loaded actions.csv with this browser's changes on top), changed through
 * IndexedDB first and then the engine, so that it survives a reload and the
 * district profile shows it at once.
 */
import { Query } from '../engine/query.svelte';
import { engineState } from '../engine/state.svelte';
import type { Engine } from '../engine/types';
import {
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

export interface ActionPlanOptions {
	ubigeo: () => string;
	store: RecordStore;
	engine: () => Engine | null;
	dataChanged: () => void;
	today: () => string;
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

	/** A new action's id, after every id this district has in the engine and in storage. */
	async newId(): Promise<string> {
		const ubigeo = this.#opts.ubigeo();
		const ids = this.actions.map((a) => a.action_id);
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
	 * screen and can be exported.
	 */
	async save(action: PlanAction): Promise<void> {
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

/** The action plan of one district, wired to the page's engine and IndexedDB. */
export function browserActionPlan(ubigeo: () => string): ActionPlan {
	return new ActionPlan({
		ubigeo,
		store: getRecordStore(),
		engine: () => engineState.engine,
		dataChanged: () => (engineState.dataVersion += 1),
		today: () => localToday()
	});
}
