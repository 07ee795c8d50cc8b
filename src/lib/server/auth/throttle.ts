import type { Queryable } from '../db/store';

/**
 * Repeated failed sign-ins are slowed down, per account and per address:
 * after FREE_FAILURES failures, each further attempt must wait
 * 2^(failures − FREE_FAILURES + 1) seconds since the last failure (2 s after
 * the fifth, 4 s after the sixth…, capped at 15 minutes). A success clears the account's count. Counts older than a
 * day are forgotten.
 */
export const FREE_FAILURES = 5;
const MAX_WAIT_S = 15 * 60;
const FORGET_MS = 24 * 60 * 60 * 1000;

export function waitAfter(failures: number): number {
	if (failures < FREE_FAILURES) return 0;
	return Math.min(MAX_WAIT_S, 2 ** (failures - FREE_FAILURES + 1));
}

/** Seconds this key must still wait before another attempt (0: go ahead). */
export async function secondsToWait(db: Queryable, keys: string[], now: Date): Promise<number> {
	const rows = await db.query<{ failures: number; last_failure_at: Date }>(
		'SELECT failures, last_failure_at FROM sign_in_failures WHERE key = ANY($1)',
		[keys]
	);
	let wait = 0;
	for (const r of rows) {
		const since = now.getTime() - new Date(r.last_failure_at).getTime();
		if (since > FORGET_MS) continue;
		wait = Math.max(wait, Math.ceil(waitAfter(r.failures) - since / 1000));
	}
	return Math.max(0, wait);
}

export async function recordFailure(db: Queryable, keys: string[], now: Date): Promise<void> {
	for (const key of keys)
		await db.query(
			`INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ($1, 1, $2)
			 ON CONFLICT (key) DO UPDATE SET
			   failures = CASE WHEN $2 - sign_in_failures.last_failure_at > interval '1 day'
			                   THEN 1 ELSE sign_in_failures.failures + 1 END,
			   last_failure_at = $2`,
			[key, now]
		);
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
	await db.query('DELETE FROM sign_in_failures WHERE key = $1', [key]);
}
