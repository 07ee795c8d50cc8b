import type { Queryable, Store } from '../db/store';
import type { User } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { writeAudit } from '../audit';
import { iso } from '../db/timestamps';
import { contractColumns, sameColumns } from '../records/columns';
import { mustPlanFor, mustReadPlan } from './access';
import { ACTION_CSV_COLUMNS } from '../../data/tables';
import type { PlanAction } from '../../data/records';

/** One action of a district's plan, with the columns of actions.csv (docs/data-contract.md). */
export type PlanItem = PlanAction;

/** A version of an action as the server keeps it: its number, who saved it and when. */
export interface StoredPlanItem extends PlanItem {
	version: number;
	saved_at: string;
	saved_by: string | null;
}

/** The current version of an action, and every version before it (oldest first). */
export interface PlanItemDetail extends StoredPlanItem {
	history: StoredPlanItem[];
}

export const PLAN_COLUMNS = ACTION_CSV_COLUMNS satisfies readonly (keyof PlanItem)[];

/**
 * Checks an action with the import pipeline (as a one-row actions.csv
 * against the published districts and framework): throws a 400 ApiError
 * naming the problem, or gives the action with canonical values and the
 * district that has its id in the published actions.csv (null if none).
 */
export type PlanItemCheck = (
	item: Record<string, unknown>
) => Promise<{ item: PlanItem; publishedIn: string | null }>;

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

const SELECT = `SELECT v.action_id, v.version, v.ubigeo, v.indicator_id, v.description,
	v.responsible, v.due_date::text AS due_date, v.status, v.completed_on::text AS completed_on,
	v.saved_at, u.email AS saved_by
	FROM action_item_versions v LEFT JOIN users u ON u.id = v.saved_by`;

function version(r: Record<string, unknown>): StoredPlanItem {
	return {
		action_id: String(r.action_id),
		ubigeo: String(r.ubigeo),
		indicator_id: text(r.indicator_id),
		description: String(r.description),
		responsible: text(r.responsible),
		due_date: text(r.due_date),
		status: r.status as PlanItem['status'],
		completed_on: text(r.completed_on),
		version: Number(r.version),
		saved_at: iso(r.saved_at),
		saved_by: (r.saved_by as string | null) ?? null
	};
}

/**
 * A district's action plan as the server has it: every action sent, at its
 * latest version, with its history. The district's officials, the UIM,
 * admins and analysts only (401 anonymous, 403 another district's
 * official). Actions never changed through the server are only in the
 * published actions.csv.
 */
export async function getPlan(
	db: Queryable,
	user: User | null,
	ubigeo: string
): Promise<{ ubigeo: string; items: PlanItemDetail[] }> {
	mustReadPlan(user, ubigeo);
	const rows = (
		await db.query(
			`${SELECT} JOIN action_items i ON i.action_id = v.action_id
			 WHERE i.ubigeo = $1 ORDER BY v.action_id, v.version`,
			[ubigeo]
		)
	).map(version);
	const items = new Map<string, StoredPlanItem[]>();
	for (const r of rows) items.set(r.action_id, [...(items.get(r.action_id) ?? []), r]);
	return {
		ubigeo,
		items: [...items.values()].map((history) => ({ ...history[history.length - 1], history }))
	};
}

/**
 * An official saves an action of their district: a new version, unless the
 * content is the action's latest version already (a repeated send: nothing
 * stored, `created: false`). With `base_version` (the version the change
 * started from; null for an action the server does not have), a server that
 * has moved on answers 409 with its current version, nothing stored;
 * without it, the change is stored on top of whatever is there. An id of
 * another district's action (on the server or in the published file) is a
 * 409 too. One transaction; the server's clock dates the version.
 */
export async function saveItem(
	store: Store,
	user: User | null,
	ubigeo: string,
	actionId: string,
	change: { base_version?: number | null; item: Record<string, unknown> },
	check: PlanItemCheck,
	now: Date
): Promise<{ created: boolean; item: StoredPlanItem }> {
	mustPlanFor(user, ubigeo);
	const { item, publishedIn } = await check({ ...change.item, action_id: actionId, ubigeo });
	const otherDistrict = () =>
		new ApiError(
			'conflict',
			`El id «${actionId}» es de una acción de otro distrito: use otro id para esta acción.`
		);
	return store.transaction(async (tx) => {
		// one save of an action at a time (also its first, when there is no row to lock yet)
		await tx.query('SELECT pg_advisory_xact_lock(4243, hashtext($1))', [actionId]);
		const [head] = await tx.query<{ ubigeo: string; latest_version: number }>(
			'SELECT ubigeo, latest_version FROM action_items WHERE action_id = $1',
			[actionId]
		);
		if (head ? head.ubigeo !== ubigeo : publishedIn !== null && publishedIn !== ubigeo)
			throw otherDistrict();
		const latest = head ? Number(head.latest_version) : null;
		const current = head
			? version(
					(
						await tx.query(`${SELECT} WHERE v.action_id = $1 AND v.version = $2`, [
							actionId,
							latest
						])
					)[0]
				)
			: null;
		if (current && sameColumns(PLAN_COLUMNS, current, item))
			return { created: false, item: current };
		if (change.base_version !== undefined && change.base_version !== latest)
			throw new ApiError(
				'conflict',
				latest === null
					? `El servidor aún no tiene la acción «${actionId}»: envíela con base_version null.`
					: `La acción «${actionId}» ya tiene la versión ${latest} en el servidor; su cambio partía de ${change.base_version ?? 'ninguna'}.`,
				{ current_version: latest, current }
			);
		const next = (latest ?? 0) + 1;
		if (head)
			await tx.query(
				'UPDATE action_items SET latest_version = $2, updated_at = $3 WHERE action_id = $1',
				[actionId, next, now]
			);
		else
			await tx.query(
				`INSERT INTO action_items (action_id, ubigeo, latest_version, created_by, created_at, updated_at)
				 VALUES ($1, $2, 1, $3, $4, $4)`,
				[actionId, ubigeo, user.id, now]
			);
		await tx.query(
			`INSERT INTO action_item_versions (action_id, version, ubigeo, indicator_id, description,
			   responsible, due_date, status, completed_on, saved_by, saved_at)
			 VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9::date, $10, $11)`,
			[
				actionId,
				next,
				ubigeo,
				item.indicator_id,
				item.description,
				item.responsible,
				item.due_date,
				item.status,
				item.completed_on,
				user.id,
				now
			]
		);
		await writeAudit(
			tx,
			user,
			'action_saved',
			`${ubigeo}/${actionId}`,
			`version ${next}, ${item.status}`,
			now
		);
		return {
			created: true,
			item: { ...item, version: next, saved_at: now.toISOString(), saved_by: user.email }
		};
	});
}

/** Every action on the server at its latest version, contract columns only (the published file's rows). */
export async function currentItems(db: Queryable): Promise<PlanItem[]> {
	const rows = await db.query(
		`${SELECT} JOIN action_items i ON i.action_id = v.action_id AND i.latest_version = v.version
		 ORDER BY v.action_id`
	);
	return rows.map((r) => contractColumns(PLAN_COLUMNS, version(r)));
}
