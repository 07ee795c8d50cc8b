import type { Engine } from '../../engine/types';
import { checkKeyedRow } from '../records/one-row';
import { PLAN_COLUMNS, type PlanItem, type PlanItemCheck } from './service';

/**
 * An action checked with the import pipeline as a one-row actions.csv
 * against what `engine` holds (the published districts and framework: a
 * known ubigeo and indicator, an allowed status, real dates): canonical
 * values, and the district that has its id in the published actions.csv.
 * (The key is not checked against the loaded file: changing an action of
 * the file is what a plan is for.)
 */
export function planItemCheck(engine: Engine): PlanItemCheck {
	return async (input) => {
		const { row, publishedIn } = await checkKeyedRow(engine, 'actions', PLAN_COLUMNS, input);
		const item: PlanItem = {
			action_id: row.action_id!,
			ubigeo: row.ubigeo!,
			indicator_id: row.indicator_id,
			description: row.description!,
			responsible: row.responsible,
			due_date: row.due_date,
			status: row.status as PlanItem['status'],
			completed_on: row.completed_on
		};
		return { item, publishedIn };
	};
}
