import type { Queryable } from '../db/store';
import { ApiError, type ErrorCode } from '../http/errors';
import { mustBeAdmin } from '../rounds/access';
import { AccountError, addUser, listUsers, resetPassword } from './accounts';
import { ROLES, type Role, type User } from './sessions';

/**
 * Accounts managed from /admin (issue 13 §2): the rules of `npm run user`
 * (accounts.ts: scrypt hash, password length, an official needs a district)
 * plus one the command line cannot check cheaply, that each district is a
 * known one. Admins only, decided here whatever the page showed. A password
 * is never logged and never sent back.
 */

/** An account as /admin lists it: no hash, no session. */
export interface AccountRow extends User {
	created_at: string;
}

/** Whether a ubigeo is a district of the reference data (districts.csv). */
export type KnownDistrict = (ubigeo: string) => Promise<boolean>;

export async function listAccounts(db: Queryable, viewer: User | null): Promise<AccountRow[]> {
	mustBeAdmin(viewer);
	return (await listUsers(db)).map((u) => ({
		id: u.id,
		email: u.email,
		name: u.name,
		role: u.role,
		ubigeos: u.ubigeos,
		created_at: new Date(u.created_at).toISOString()
	}));
}

export async function createAccount(
	db: Queryable,
	viewer: User | null,
	body: unknown,
	known: KnownDistrict,
	now: Date
): Promise<User> {
	mustBeAdmin(viewer);
	const b = (body ?? {}) as Record<string, unknown>;
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	if (!text(b.email).trim() || !text(b.password))
		throw new ApiError('bad_request', 'Escriba el correo y la contraseña inicial de la cuenta.');
	if (!ROLES.includes(b.role as Role))
		throw new ApiError('bad_request', 'Elija un rol: admin, uim, official o analyst.');
	const ubigeos =
		b.role === 'official' && Array.isArray(b.ubigeos)
			? [...new Set(b.ubigeos.map((u) => String(u).trim()).filter(Boolean))]
			: [];
	if (b.role === 'official') {
		if (ubigeos.length === 0)
			throw new ApiError(
				'bad_request',
				'Un funcionario o funcionaria necesita al menos un distrito.'
			);
		for (const u of ubigeos)
			if (!/^\d{6}$/.test(u) || !(await known(u)))
				throw new ApiError(
					'bad_request',
					`«${u}» no es un distrito conocido (ubigeo de 6 cifras).`
				);
	}
	try {
		return await addUser(
			db,
			{
				email: text(b.email),
				name: text(b.name).trim().slice(0, 200),
				role: String(b.role),
				ubigeos,
				password: text(b.password)
			},
			now
		);
	} catch (error) {
		throw spanish(error);
	}
}

/** A new password for account `id`; its open sessions end (accounts.ts resetPassword). */
export async function setPassword(
	db: Queryable,
	viewer: User | null,
	id: string,
	body: unknown,
	now: Date
): Promise<User> {
	mustBeAdmin(viewer);
	const password = ((body ?? {}) as Record<string, unknown>).password;
	if (typeof password !== 'string' || !password)
		throw new ApiError('bad_request', 'Escriba la nueva contraseña.');
	const rows = /^\d{1,9}$/.test(id)
		? await db.query<{ email: string }>(
				'SELECT email FROM users WHERE id = $1 AND disabled_at IS NULL',
				[Number(id)]
			)
		: [];
	if (!rows.length) throw new ApiError('not_found', 'No existe esa cuenta.');
	try {
		return await resetPassword(db, rows[0].email, password, now);
	} catch (error) {
		throw spanish(error);
	}
}

/** accounts.ts speaks English to the command line; the API speaks Spanish to people. */
const SPANISH: Record<AccountError['code'], [ErrorCode, string]> = {
	bad_email: ['bad_request', 'El correo no es una dirección válida.'],
	bad_password: ['bad_request', 'La contraseña debe tener entre 10 y 200 caracteres.'],
	exists: ['conflict', 'Ya existe una cuenta con ese correo.'],
	not_found: ['not_found', 'No existe esa cuenta.'],
	bad_ubigeo: ['bad_request', 'Revise los distritos: ubigeos de 6 cifras.'],
	bad_role: ['bad_request', 'Elija un rol: admin, uim, official o analyst.']
};

function spanish(error: unknown): unknown {
	if (!(error instanceof AccountError)) return error;
	const [code, message] = SPANISH[error.code];
	return new ApiError(code, message);
}
