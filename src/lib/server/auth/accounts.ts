import type { Queryable } from '../db/store';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password';
import { clearFailures, recordFailure, secondsToWait } from './throttle';
import { endUserSessions, ROLES, startSession, type Role, type User } from './sessions';

/** A bad account request, in words a person can act on (the CLI prints it, the API sends it as 400). */
export class AccountError extends Error {
	constructor(
		readonly code:
			'bad_email' | 'bad_role' | 'bad_ubigeo' | 'bad_password' | 'exists' | 'not_found',
		message: string
	) {
		super(message);
		this.name = 'AccountError';
	}
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export interface NewAccount {
	email: string;
	name?: string;
	role: string;
	ubigeos?: string[];
	password: string;
}

export async function addUser(db: Queryable, account: NewAccount, now: Date): Promise<User> {
	const email = normaliseEmail(account.email);
	if (!/^[^\s@]+@[^\s@]+$/.test(email))
		throw new AccountError('bad_email', `«${account.email}» is not an e-mail address.`);
	if (!ROLES.includes(account.role as Role))
		throw new AccountError('bad_role', `The role must be one of ${ROLES.join(', ')}.`);
	const role = account.role as Role;
	const ubigeos = role === 'official' ? (account.ubigeos ?? []) : [];
	if (role === 'official' && ubigeos.length === 0)
		throw new AccountError(
			'bad_ubigeo',
			'An official needs at least one ubigeo (--ubigeo 150101).'
		);
	const badUbigeo = ubigeos.find((u) => !/^\d{6}$/.test(u));
	if (badUbigeo !== undefined)
		throw new AccountError('bad_ubigeo', `«${badUbigeo}» is not a 6-digit ubigeo.`);
	const problem = passwordProblem(account.password);
	if (problem) throw new AccountError('bad_password', problem);
	const taken = await db.query('SELECT 1 FROM users WHERE email = $1', [email]);
	if (taken.length) throw new AccountError('exists', `An account for ${email} already exists.`);
	const rows = await db.query<{ id: number }>(
		`INSERT INTO users (email, name, role, ubigeos, password_hash, created_at)
		 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::int AS id`,
		[email, account.name ?? '', role, ubigeos, await hashPassword(account.password), now]
	);
	return { id: rows[0].id, email, name: account.name ?? '', role, ubigeos };
}

/** A new password; every open session of the account ends. */
export async function resetPassword(
	db: Queryable,
	emailIn: string,
	password: string,
	now: Date
): Promise<User> {
	const email = normaliseEmail(emailIn);
	const problem = passwordProblem(password);
	if (problem) throw new AccountError('bad_password', problem);
	const user = await findUser(db, email);
	if (!user) throw new AccountError('not_found', `There is no account for ${email}.`);
	await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
		user.id,
		await hashPassword(password)
	]);
	await endUserSessions(db, user.id, now);
	await clearFailures(db, `email:${email}`);
	return user;
}

export async function findUser(db: Queryable, email: string): Promise<User | null> {
	const rows = await db.query<User>(
		`SELECT id::int AS id, email, name, role, ubigeos FROM users
		 WHERE email = $1 AND disabled_at IS NULL`,
		[normaliseEmail(email)]
	);
	return rows[0] ?? null;
}

export async function listUsers(db: Queryable): Promise<(User & { created_at: Date })[]> {
	return db.query(
		`SELECT id::int AS id, email, name, role, ubigeos, created_at FROM users
		 WHERE disabled_at IS NULL ORDER BY role, email`
	);
}

export type SignIn =
	| { ok: true; user: User; token: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

/**
 * Checks an e-mail and password. The answer never says whether the account
 * exists (the same message, and a hash computed either way).
 */
export async function signIn(
	db: Queryable,
	emailIn: string,
	password: string,
	address: string,
	now: Date
): Promise<SignIn> {
	const email = normaliseEmail(emailIn);
	const keys = [`email:${email}`, `ip:${address}`];
	const wait = await secondsToWait(db, keys, now);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfter: wait };
	const rows = await db.query<User & { password_hash: string }>(
		`SELECT id::int AS id, email, name, role, ubigeos, password_hash FROM users
		 WHERE email = $1 AND disabled_at IS NULL`,
		[email]
	);
	const row = rows[0];
	const good = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
	if (!row || !good) {
		await recordFailure(db, keys, now);
		return { ok: false, reason: 'invalid' };
	}
	await clearFailures(db, `email:${email}`);
	const token = await startSession(db, row.id, now);
	const user: User = {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		ubigeos: row.ubigeos
	};
	return { ok: true, user, token };
}
