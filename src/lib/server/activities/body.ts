import { parseCells } from '../records/cells';
import { ACTIVITY_COLUMNS } from './service';

/** `{ activity_id, date, ubigeo, type, … }` (the columns of activities.csv), or a 400 naming what is wrong. */
export function parseActivity(body: unknown): Record<string, string | number | null> {
	return parseCells(body, ACTIVITY_COLUMNS, 'activity_id');
}
