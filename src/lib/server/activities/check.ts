import type { Engine } from '../../engine/types';
import { checkKeyedRow } from '../records/one-row';
import { ACTIVITY_COLUMNS, type Activity, type ActivityCheck } from './service';

const int = (v: string | null) => (v === null ? null : Number(v));

/**
 * An activity checked against what `engine` holds (the published districts
 * and activities.csv): canonical values, and the district that already has
 * its id in the published file.
 */
export function activityCheck(engine: Engine): ActivityCheck {
	return async (input) => {
		const { row, publishedIn } = await checkKeyedRow(engine, 'activities', ACTIVITY_COLUMNS, input);
		const activity: Activity = {
			activity_id: row.activity_id!,
			date: row.date!,
			ubigeo: row.ubigeo!,
			type: row.type!,
			audience: row.audience!,
			topic: row.topic!,
			modality: row.modality!,
			participants_total: Number(row.participants_total),
			participants_women: int(row.participants_women),
			participants_men: int(row.participants_men),
			participants_migrants: int(row.participants_migrants),
			partner: row.partner
		};
		return { activity, publishedIn };
	};
}
