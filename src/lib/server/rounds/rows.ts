/** The SQL and row shapes every round query shares. */
import type { Queryable } from '../db/store';
import { iso } from '../db/timestamps';
import type { RoundState, RoundSummary } from './types';

export const SUMMARY_COLUMNS = `r.ubigeo, r.round, r.state, r.latest_version, r.published_version, r.updated_at`;

/** When a round's published version was published: the only time of it the public may know. */
export const PUBLISHED_AT = `(SELECT max(e.at) FROM round_events e
	WHERE e.ubigeo = r.ubigeo AND e.round = r.round AND e.action = 'published')`;

export function summary(r: Record<string, unknown>): RoundSummary {
	return {
		ubigeo: String(r.ubigeo),
		round: String(r.round),
		state: r.state as RoundState,
		latest_version: Number(r.latest_version),
		published_version: r.published_version === null ? null : Number(r.published_version),
		updated_at: iso(r.updated_at)
	};
}

/** The round's row, locked until the transaction ends (two reviewers, one decision). */
export async function lockRound(tx: Queryable, ubigeo: string, round: string) {
	const rows = await tx.query(
		`SELECT ${SUMMARY_COLUMNS} FROM rounds r WHERE r.ubigeo = $1 AND r.round = $2 FOR UPDATE`,
		[ubigeo, round]
	);
	return rows[0] ? summary(rows[0]) : null;
}
