import type { Queryable } from '../db/store';
import type { User } from '../auth/sessions';
import { listRounds, type RoundState, type RoundSummary } from './service';

/** A row of the UIM's review queue: a round, and who sent its latest version, when. */
export interface QueueRow extends RoundSummary {
	submitted_at: string;
	/** e-mail of the person who sent the latest version (null: the demo seed) */
	submitted_by: string | null;
	submitted_by_name: string | null;
}

/** The states a review screen shows by default: the work not yet published. */
export const WORK_STATES: readonly RoundState[] = ['submitted', 'returned', 'validated'];

/**
 * The rounds the viewer may see (listRounds decides, with its access rules),
 * each with the sender of its latest version, in queue order.
 */
export async function reviewQueue(
	db: Queryable,
	viewer: User | null,
	filter: { ubigeo?: string; states: readonly RoundState[] }
): Promise<QueueRow[]> {
	const lists = await Promise.all(
		filter.states.map((state) => listRounds(db, viewer, { ubigeo: filter.ubigeo, state }))
	);
	const rounds = lists.flat();
	if (rounds.length === 0) return [];
	const senders = await db.query<{
		ubigeo: string;
		round: string;
		submitted_at: unknown;
		email: string | null;
		name: string | null;
	}>(
		`SELECT v.ubigeo, v.round, v.submitted_at, u.email, u.name
		 FROM unnest($1::text[], $2::text[], $3::int[]) AS k(ubigeo, round, version)
		 JOIN round_versions v ON v.ubigeo = k.ubigeo AND v.round = k.round AND v.version = k.version
		 LEFT JOIN users u ON u.id = v.submitted_by`,
		[rounds.map((r) => r.ubigeo), rounds.map((r) => r.round), rounds.map((r) => r.latest_version)]
	);
	const byKey = new Map(senders.map((s) => [`${s.ubigeo}/${s.round}`, s]));
	return queueOrder(
		rounds.map((r) => {
			const s = byKey.get(`${r.ubigeo}/${r.round}`);
			return {
				...r,
				submitted_at: s ? new Date(s.submitted_at as string).toISOString() : r.updated_at,
				submitted_by: s?.email ?? null,
				submitted_by_name: s?.name ?? null
			};
		})
	);
}

const STATE_ORDER: Record<RoundState, number> = {
	submitted: 0,
	returned: 1,
	validated: 2,
	published: 3
};

/**
 * Submitted rounds first, the oldest sent first (they have waited longest);
 * then returned, validated and published ones, the latest change first.
 */
export function queueOrder<T extends QueueRow>(rows: T[]): T[] {
	return [...rows].sort((a, b) => {
		const byState = STATE_ORDER[a.state] - STATE_ORDER[b.state];
		if (byState !== 0) return byState;
		const byTime =
			a.state === 'submitted'
				? a.submitted_at.localeCompare(b.submitted_at)
				: b.updated_at.localeCompare(a.updated_at);
		return byTime || a.ubigeo.localeCompare(b.ubigeo) || a.round.localeCompare(b.round);
	});
}

/**
 * The district's round just before `current` (rounds are named AAAA,
 * AAAA-S1, AAAA-S2, so their text order is their time order), or null.
 */
export function previousRound(rounds: readonly string[], current: string): string | null {
	let best: string | null = null;
	for (const r of rounds) if (r < current && (best === null || r > best)) best = r;
	return best;
}
