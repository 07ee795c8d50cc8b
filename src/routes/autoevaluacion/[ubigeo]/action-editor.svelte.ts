/**
 * The action plan's edit form: which action is open (a new one or a copy of
 * an existing one), what still stops it from being saved, and where focus
 * goes when the form opens and after a save.
 */
import { tick } from 'svelte';
import type { ActionPlan } from '$lib/forms/action-plan.svelte';
import {
	actionProblems,
	withStatus,
	type ActionProblem,
	type ActionStatus,
	type PlanAction
} from '$lib/forms/actions';

export class ActionEditor {
	/** The action being edited (a copy: the plan changes only on save), or null when closed. */
	editing = $state<PlanAction | null>(null);
	isNew = $state(false);
	/** A save was tried: the problems are shown from now on. */
	tried = $state(false);
	saving = $state(false);
	/** The form's heading, focused when the form opens. */
	heading = $state<HTMLElement | null>(null);

	#plan: ActionPlan;
	#ubigeo: () => string;
	#indicatorIds: () => ReadonlySet<string>;
	#today: () => string;

	constructor(opts: {
		plan: ActionPlan;
		ubigeo: () => string;
		indicatorIds: () => ReadonlySet<string>;
		today: () => string;
	}) {
		this.#plan = opts.plan;
		this.#ubigeo = opts.ubigeo;
		this.#indicatorIds = opts.indicatorIds;
		this.#today = opts.today;
	}

	/** What still stops the open action from being saved. */
	get problems(): ActionProblem[] {
		return this.editing ? actionProblems(this.editing, this.#indicatorIds()) : [];
	}

	async startNew(): Promise<void> {
		const action_id = await this.#plan.newId();
		await this.#open(true, {
			action_id,
			ubigeo: this.#ubigeo(),
			indicator_id: null,
			description: '',
			responsible: null,
			due_date: null,
			status: 'pendiente',
			completed_on: null
		});
	}

	async edit(action: PlanAction): Promise<void> {
		await this.#open(false, { ...action });
	}

	async #open(isNew: boolean, action: PlanAction): Promise<void> {
		this.editing = action;
		this.isNew = isNew;
		this.tried = false;
		await tick();
		this.heading?.focus();
	}

	/** Saves when nothing is missing, closes the form and focuses the saved action's row. */
	async submit(): Promise<void> {
		this.tried = true;
		if (!this.editing || this.problems.length) return;
		this.saving = true;
		const action = { ...this.editing, description: this.editing.description.trim() };
		await this.#plan.save(action);
		this.saving = false;
		this.editing = null;
		await tick();
		document.getElementById(`accion-${action.action_id}`)?.focus();
	}

	cancel(): void {
		this.editing = null;
	}

	/** A status change also sets or clears the completion date. */
	setStatus(status: ActionStatus): void {
		if (this.editing) this.editing = withStatus(this.editing, status, this.#today());
	}
}
