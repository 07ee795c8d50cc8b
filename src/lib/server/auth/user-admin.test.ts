import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../../tests/fixtures/server-store';
import { ApiError } from '../http/errors';
import { usePeopleStore } from '../test-kit';
import { findUser, signIn } from './accounts';
import { createAccount, listAccounts, setPassword } from './user-admin';
import { sessionUser, type User } from './sessions';
import { chooseView } from '../view-switch';

const T0 = new Date('2025-03-01T12:00:00Z');
/** Three districts stand for the reference data here. */
const known = async (u: string) => ['150101', '150102', '150132'].includes(u);

const world = usePeopleStore();

async function refusal(work: Promise<unknown>): Promise<[number, string]> {
	const error = await work.then(
		() => null,
		(e) => e
	);
	expect(error).toBeInstanceOf(ApiError);
	return [error.status, error.code];
}

const official = {
	email: ' Rosa@SJL.gob.pe',
	name: 'Rosa',
	role: 'official',
	ubigeos: ['150132', '150132'],
	password: 'una clave larga'
};

describe('listAccounts', () => {
	it('lists every account for an admin, without any hash', async () => {
		const rows = await listAccounts(world.store, world.people.admin);
		expect(rows.map((r) => r.email)).toEqual([
			'admin@test.pe',
			'analyst@test.pe',
			'ancon@test.pe',
			'lima@test.pe',
			'uim@test.pe'
		]);
		expect(rows.find((r) => r.email === 'lima@test.pe')).toEqual({
			id: world.people.official.id,
			email: 'lima@test.pe',
			name: 'lima',
			role: 'official',
			ubigeos: ['150101'],
			created_at: '2025-01-01T00:00:00.000Z'
		});
		expect(JSON.stringify(rows)).not.toMatch(/scrypt|hash/);
	});

	it.each([
		['nobody', null, 401],
		['uim', 'uim', 403],
		['official', 'official', 403],
		['analyst', 'analyst', 403]
	] as const)('refuses %s (%s)', async (_, who, status) => {
		const viewer = who ? world.people[who] : null;
		expect((await refusal(listAccounts(world.store, viewer)))[0]).toBe(status);
	});
});

describe('createAccount', () => {
	it('adds an official for a known district, e-mail normalised, district once', async () => {
		const user = await createAccount(world.store, world.people.admin, official, known, T0);
		expect(user).toEqual({
			id: user.id,
			email: 'rosa@sjl.gob.pe',
			name: 'Rosa',
			role: 'official',
			ubigeos: ['150132']
		});
		expect(JSON.stringify(user)).not.toContain('una clave larga');
		const signed = await signIn(world.store, 'rosa@sjl.gob.pe', 'una clave larga', '10.1.0.1', T0);
		expect(signed.ok).toBe(true);
	});

	it.each([
		['no password', { ...official, email: 'a1@x.pe', password: '' }, 400, 'bad_request'],
		['short password', { ...official, email: 'a2@x.pe', password: 'corta' }, 400, 'bad_request'],
		['bad e-mail', { ...official, email: 'no es correo' }, 400, 'bad_request'],
		['unknown role', { ...official, email: 'a3@x.pe', role: 'root' }, 400, 'bad_request'],
		['official, no district', { ...official, email: 'a4@x.pe', ubigeos: [] }, 400, 'bad_request'],
		[
			'unknown district',
			{ ...official, email: 'a5@x.pe', ubigeos: ['159999'] },
			400,
			'bad_request'
		],
		['not a ubigeo', { ...official, email: 'a6@x.pe', ubigeos: ['lima'] }, 400, 'bad_request'],
		['taken e-mail', { ...official, email: 'LIMA@test.pe' }, 409, 'conflict']
	])('refuses %s and stores nothing', async (_, body, status, code) => {
		const before = (await listAccounts(world.store, world.people.admin)).length;
		expect(await refusal(createAccount(world.store, world.people.admin, body, known, T0))).toEqual([
			status,
			code
		]);
		expect((await listAccounts(world.store, world.people.admin)).length).toBe(before);
	});

	it('says the refusal in Spanish, never with the password', async () => {
		const error = await createAccount(
			world.store,
			world.people.admin,
			{ ...official, email: 'a7@x.pe', password: 'corta' },
			known,
			T0
		).catch((e) => e);
		expect(error.message).toBe('La contraseña debe tener entre 10 y 200 caracteres.');
	});

	it('gives no district to other roles', async () => {
		const user = await createAccount(
			world.store,
			world.people.admin,
			{ email: 'ana@uim.pe', role: 'analyst', ubigeos: ['150101'], password: TEST_PASSWORD },
			known,
			T0
		);
		expect(user.ubigeos).toEqual([]);
	});

	it.each([
		['nobody', null, 401],
		['uim', 'uim', 403],
		['official', 'official', 403]
	] as const)('refuses %s', async (_, who, status) => {
		const viewer = who ? world.people[who] : null;
		const body = { ...official, email: `by-${_}@x.pe` };
		expect((await refusal(createAccount(world.store, viewer, body, known, T0)))[0]).toBe(status);
		expect(await findUser(world.store, `by-${_}@x.pe`)).toBeNull();
	});
});

describe('setPassword', () => {
	it('sets a new password and ends the account’s sessions', async () => {
		const before = await signIn(world.store, 'ancon@test.pe', TEST_PASSWORD, '10.1.1.1', T0);
		if (!before.ok) throw new Error('sign-in failed');
		const user = await setPassword(
			world.store,
			world.people.admin,
			String(world.people.other.id),
			{ password: 'otra clave segura' },
			T0
		);
		expect(user.email).toBe('ancon@test.pe');
		expect(await sessionUser(world.store, before.token, T0)).toBeNull();
		expect((await signIn(world.store, 'ancon@test.pe', TEST_PASSWORD, '10.1.1.2', T0)).ok).toBe(
			false
		);
		expect(
			(await signIn(world.store, 'ancon@test.pe', 'otra clave segura', '10.1.1.3', T0)).ok
		).toBe(true);
	});

	it.each([
		['a short password', 'admin', 'official', { password: 'corta' }, 400],
		['no password', 'admin', 'official', {}, 400],
		['an unknown account', 'admin', 999999, { password: 'otra clave segura' }, 404],
		['a made-up id', 'admin', 'x1', { password: 'otra clave segura' }, 404],
		['a uim', 'uim', 'official', { password: 'otra clave segura' }, 403],
		['nobody', null, 'official', { password: 'otra clave segura' }, 401]
	] as const)('refuses %s', async (_, who, target, body, status) => {
		const viewer: User | null = who ? world.people[who] : null;
		const id =
			typeof target === 'string' && target in world.people
				? String(world.people.official.id)
				: String(target);
		expect((await refusal(setPassword(world.store, viewer, id, body, T0)))[0]).toBe(status);
		// the official's password is still the old one
		expect((await signIn(world.store, 'lima@test.pe', TEST_PASSWORD, '10.1.2.1', T0)).ok).toBe(
			true
		);
	});
});

describe('chooseView', () => {
	it.each(['uim', 'admin', 'analyst'] as const)('lets %s choose either view', (who) => {
		expect(chooseView(world.people[who], { view: 'in-progress' })).toBe('in-progress');
		expect(chooseView(world.people[who], { view: 'published' })).toBe('published');
	});

	it('refuses nobody (401), an official (403), any other value (400)', () => {
		const status = (f: () => unknown) => {
			try {
				f();
			} catch (e) {
				return (e as ApiError).status;
			}
			return 200;
		};
		expect(status(() => chooseView(null, { view: 'in-progress' }))).toBe(401);
		expect(status(() => chooseView(world.people.official, { view: 'in-progress' }))).toBe(403);
		expect(status(() => chooseView(world.people.official, { view: 'published' }))).toBe(403);
		for (const body of [{ view: 'draft' }, { view: '' }, {}, null, 'in-progress'])
			expect(status(() => chooseView(world.people.uim, body))).toBe(400);
	});
});
