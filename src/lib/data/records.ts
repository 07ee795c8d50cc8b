/**
 * The rows a person writes through Integra rather than imports: an action of
 * a district's plan (actions.csv) and a logged activity (activities.csv).
 * The browser's forms and the server keep the same records, so both import
 * them from here (DESIGN.md §4, docs/data-contract.md).
 */

export const ACTION_STATUSES = ['pendiente', 'en_curso', 'completada', 'cancelada'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** One row of actions.csv. Optional fields are null when empty. */
export interface PlanAction {
	action_id: string;
	ubigeo: string;
	indicator_id: string | null;
	description: string;
	responsible: string | null;
	/** `YYYY-MM-DD` */
	due_date: string | null;
	status: ActionStatus;
	completed_on: string | null;
}

/** One row of activities.csv as the contract types it. Optional fields are null when empty. */
export interface ActivityRecord {
	activity_id: string;
	/** `YYYY-MM-DD` */
	date: string;
	ubigeo: string;
	type: string;
	audience: string;
	topic: string;
	modality: string;
	participants_total: number;
	participants_women: number | null;
	participants_men: number | null;
	participants_migrants: number | null;
	partner: string | null;
}
