import type { Queryable, Store } from '../db/store';
import type { User } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { writeAudit } from '../audit';
import { iso } from '../db/timestamps';
import { contractColumns, sameColumns } from '../records/columns';
import { mustLogActivities, mustReadActivities } from './access';
import { ACTIVITY_COLUMNS as CONTRACT_ACTIVITY_COLUMNS } from '../../metrics/activity-cube/rows';
import type { ActivityRecord } from '../../data/records';

/** One activity with the columns of activities.csv (docs/data-contract.md). */
export type Activity = ActivityRecord;

/** An activity as the server keeps it: who logged it and when (the server's clock). */
export interface StoredActivity extends Activity {
	logged_at: string;
	logged_by: string | null;
}

/** The columns of activities.csv in the contract's order (the cube's list); an Activity has each. */
export const ACTIVITY_COLUMNS = CONTRACT_ACTIVITY_COLUMNS satisfies readonly (keyof Activity)[];

/**
 * Checks an activity with the import pipeline (as a one-row activities.csv
 * against the published districts): throws a 400 ApiError naming the
 * problem, or gives the activity with canonical values and the district
 * that already holds its id in the published activities.csv (null if none).
 */
export type ActivityCheck = (
	activity: Record<string, unknown>
) => Promise<{ activity: Activity; publishedIn: string | null }>;

const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const SELECT = `SELECT a.activity_id, a.date::text AS date, a.ubigeo, a.type, a.audience, a.topic,
	a.modality, a.participants_total, a.participants_women, a.participants_men,
	a.participants_migrants, a.partner, a.logged_at, u.email AS logged_by
	FROM logged_activities a LEFT JOIN users u ON u.id = a.logged_by`;

function stored(r: Record<string, unknown>): StoredActivity {
	return {
		activity_id: String(r.activity_id),
		date: String(r.date),
		ubigeo: String(r.ubigeo),
		type: String(r.type),
		audience: String(r.audience),
		topic: String(r.topic),
		modality: String(r.modality),
		participants_total: Number(r.participants_total),
		participants_women: intOrNull(r.participants_women),
		participants_men: intOrNull(r.participants_men),
		participants_migrants: intOrNull(r.participants_migrants),
		partner: (r.partner as string | null) ?? null,
		logged_at: iso(r.logged_at),
		logged_by: (r.logged_by as string | null) ?? null
	};
}

/**
 * A UIM assistant logs an activity. The id is the one the device made: a
 * repeated send of the same activity stores nothing and gives back the one
 * stored (`created: false`, HTTP 200); the same id with other content is a
 * 409 with the stored one, as is an id the published activities.csv
 * already has. Checked with the import pipeline before anything is stored.
 */
export async function logActivity(
	store: Store,
	user: User | null,
	input: Record<string, unknown>,
	check: ActivityCheck,
	now: Date
): Promise<{ created: boolean; activity: StoredActivity }> {
	mustLogActivities(user);
	const { activity, publishedIn } = await check(input);
	const id = activity.activity_id;
	return store.transaction(async (tx) => {
		const repeat = async (): Promise<{ created: false; activity: StoredActivity } | null> => {
			const [row] = await tx.query(`${SELECT} WHERE a.activity_id = $1`, [id]);
			if (!row) return null;
			const existing = stored(row);
			if (sameColumns(ACTIVITY_COLUMNS, existing, activity))
				return { created: false, activity: existing };
			throw new ApiError(
				'conflict',
				`Ya hay otra actividad con el id «${id}» en el servidor: no se cambia una actividad registrada.`,
				{ current: existing }
			);
		};
		const before = await repeat();
		if (before) return before;
		if (publishedIn !== null)
			throw new ApiError(
				'conflict',
				`El id «${id}» ya es de una actividad del archivo publicado activities.csv; use otro.`
			);
		const inserted = await tx.query(
			`INSERT INTO logged_activities (activity_id, date, ubigeo, type, audience, topic, modality,
			   participants_total, participants_women, participants_men, participants_migrants, partner,
			   logged_by, logged_at)
			 VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
			 ON CONFLICT (activity_id) DO NOTHING RETURNING activity_id`,
			[
				id,
				activity.date,
				activity.ubigeo,
				activity.type,
				activity.audience,
				activity.topic,
				activity.modality,
				activity.participants_total,
				activity.participants_women,
				activity.participants_men,
				activity.participants_migrants,
				activity.partner,
				user.id,
				now
			]
		);
		// another request stored it a moment ago (PostgreSQL, two sends at once)
		if (inserted.length === 0) return (await repeat())!;
		await writeAudit(
			tx,
			user,
			'activity_logged',
			id,
			`ubigeo ${activity.ubigeo}, ${activity.date}`,
			now
		);
		return {
			created: true,
			activity: { ...activity, logged_at: now.toISOString(), logged_by: user.email }
		};
	});
}

/** Activities logged on the server, newest first, with who logged them (staff only). */
export async function listActivities(
	db: Queryable,
	user: User | null,
	filter: { ubigeo?: string } = {}
): Promise<StoredActivity[]> {
	mustReadActivities(user);
	const params: unknown[] = [];
	let where = '';
	if (filter.ubigeo) {
		params.push(filter.ubigeo);
		where = 'WHERE a.ubigeo = $1';
	}
	const rows = await db.query(
		`${SELECT} ${where} ORDER BY a.logged_at DESC, a.activity_id`,
		params
	);
	return rows.map(stored);
}

/** Every activity logged on the server, contract columns only, by id (the published file's rows). */
export async function activityRows(db: Queryable): Promise<Activity[]> {
	const rows = await db.query(`${SELECT} ORDER BY a.activity_id`);
	return rows.map((r) => contractColumns(ACTIVITY_COLUMNS, stored(r)));
}
