import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/store';

export const SESSION_COOKIE = 'integra_session';
/** A session ends after this long without a request. */
export const IDLE_LIMIT_MS = 8 * 60 * 60 * 1000;
/** …and in any case after this long. */
export const ABSOLUTE_LIMIT_MS = 14 * 24 * 60 * 60 * 1000;

export type Role = 'admin' | 'uim' | 'official' | 'analyst';
export const ROLES: readonly Role[] = ['admin', 'uim', 'official', 'analyst'];

/** The signed-in person as every handler sees them. */
export interface User {
	id: number;
	email: string;
	name: string;
	role: Role;
	/** The districts an official answers for; empty for other roles. */
	ubigeos: string[];
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session: the token goes to the cookie, only its hash to the database. */
export async function startSession(db: Queryable, userId: number, now: Date): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await db.query(
		'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)',
		[hash(token), userId, now]
	);
	return token;
}

/**
 * The user of a session token, or null when it is unknown, ended, expired,
 * or its account is disabled. A valid session's last-seen time moves on
 * (at most once a minute, to spare the database a write per request).
 */
export async function sessionUser(db: Queryable, token: string, now: Date): Promise<User | null> {
	const rows = await db.query<{
		id: number;
		email: string;
		name: string;
		role: Role;
		ubigeos: string[];
		last_seen_at: Date;
		created_at: Date;
	}>(
		`SELECT u.id::int AS id, u.email, u.name, u.role, u.ubigeos, s.last_seen_at, s.created_at
		 FROM sessions s JOIN users u ON u.id = s.user_id
		 WHERE s.token_hash = $1 AND s.ended_at IS NULL AND u.disabled_at IS NULL`,
		[hash(token)]
	);
	const row = rows[0];
	if (!row) return null;
	const idle = now.getTime() - new Date(row.last_seen_at).getTime();
	const age = now.getTime() - new Date(row.created_at).getTime();
	if (idle > IDLE_LIMIT_MS || age > ABSOLUTE_LIMIT_MS) {
		await endSession(db, token, now);
		return null;
	}
	if (idle > 60_000)
		await db.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [
			hash(token),
			now
		]);
	return { id: row.id, email: row.email, name: row.name, role: row.role, ubigeos: row.ubigeos };
}

export async function endSession(db: Queryable, token: string, now: Date): Promise<void> {
	await db.query('UPDATE sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [
		hash(token),
		now
	]);
}

/** Every session of a user ends (password reset, account disabled). */
export async function endUserSessions(db: Queryable, userId: number, now: Date): Promise<void> {
	await db.query('UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL', [
		userId,
		now
	]);
}
