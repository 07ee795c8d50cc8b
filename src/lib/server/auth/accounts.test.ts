import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, TEST_PASSWORD } from '../../../../tests/fixtures/server-store';
import type { Store } from '../db/store';
import { AccountError, addUser, findUser, listUsers, resetPassword, signIn } from './accounts';
import { endSession, IDLE_LIMIT_MS, sessionUser, startSession } from './sessions';

const T0 = new Date('2025-03-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let store: Store;
let close: () => Promise<void>;

beforeAll(async () => {
	({ store, close } = await tempStore());
	await addUser(
		store,
		{
			email: 'Ana@Lima.gob.pe ',
			name: 'Ana',
			role: 'official',
			ubigeos: ['150101'],
			password: TEST_PASSWORD
		},
		T0
	);
	await addUser(store, { email: 'uim@test.pe', role: 'uim', password: TEST_PASSWORD }, T0);
});
afterAll(() => close());

async function failures(): Promise<Record<string, number>> {
	const rows = await store.query<{ key: string; failures: number }>(
		'SELECT key, failures FROM sign_in_failures ORDER BY key'
	);
	return Object.fromEntries(rows.map((r) => [r.key, r.failures]));
}

describe('addUser', () => {
	it('stores the e-mail trimmed and in lower case, an official with its districts', async () => {
		const ana = await findUser(store, 'ana@lima.gob.pe');
		expect(ana).toMatchObject({ email: 'ana@lima.gob.pe', role: 'official', ubigeos: ['150101'] });
		const [row] = await store.query<{ password_hash: string }>(
			'SELECT password_hash FROM users WHERE email = $1',
			['ana@lima.gob.pe']
		);
		expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
		expect(row.password_hash).not.toContain(TEST_PASSWORD);
	});

	it('gives districts to officials only (another role keeps none)', async () => {
		const u = await addUser(
			store,
			{ email: 'analyst@test.pe', role: 'analyst', ubigeos: ['150101'], password: TEST_PASSWORD },
			T0
		);
		expect(u.ubigeos).toEqual([]);
		expect((await findUser(store, 'analyst@test.pe'))!.ubigeos).toEqual([]);
	});

	it.each([
		['bad_email', { email: 'not-an-address', role: 'admin' }],
		['bad_email', { email: 'two words@test.pe', role: 'admin' }],
		['bad_role', { email: 'x1@test.pe', role: 'superuser' }],
		['bad_role', { email: 'x2@test.pe', role: '' }],
		['bad_ubigeo', { email: 'x3@test.pe', role: 'official' }],
		['bad_ubigeo', { email: 'x4@test.pe', role: 'official', ubigeos: [] }],
		['bad_ubigeo', { email: 'x5@test.pe', role: 'official', ubigeos: ['150101', '15010'] }],
		['bad_ubigeo', { email: 'x6@test.pe', role: 'official', ubigeos: ['lima00'] }],
		['bad_password', { email: 'x7@test.pe', role: 'admin', password: 'short' }],
		['bad_password', { email: 'x8@test.pe', role: 'admin', password: 'x'.repeat(201) }],
		['exists', { email: 'ANA@lima.gob.pe', role: 'admin' }]
	])('refuses %s: %j, and stores nothing', async (code, account) => {
		const before = (await listUsers(store)).length;
		const error = await addUser(store, { password: TEST_PASSWORD, ...account }, T0).catch((e) => e);
		expect(error).toBeInstanceOf(AccountError);
		expect(error.code).toBe(code);
		expect((await listUsers(store)).length).toBe(before);
	});
});

describe('signIn and sessions', () => {
	it('signs in with the right password (any case of the e-mail) and starts a session', async () => {
		const result = await signIn(store, ' ANA@lima.gob.pe', TEST_PASSWORD, '10.0.0.1', T0);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.user).toEqual({
			id: result.user.id,
			email: 'ana@lima.gob.pe',
			name: 'Ana',
			role: 'official',
			ubigeos: ['150101']
		});
		expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
		expect(await sessionUser(store, result.token, at(MINUTE))).toMatchObject({
			email: 'ana@lima.gob.pe'
		});
	});

	it('answers the same whether the account exists or the password is wrong', async () => {
		const wrong = await signIn(store, 'ana@lima.gob.pe', 'wrong password!', '10.0.0.2', T0);
		const nobody = await signIn(store, 'nobody@lima.gob.pe', TEST_PASSWORD, '10.0.0.3', T0);
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(nobody).toEqual(wrong);
		// both count as a failure, so the throttle does not tell them apart either
		const f = await failures();
		expect(f['email:nobody@lima.gob.pe']).toBe(1);
		expect(f['ip:10.0.0.3']).toBe(1);
		expect(f['ip:10.0.0.2']).toBe(1);
	});

	it('stores only a hash of the session token, never the token', async () => {
		const result = await signIn(store, 'uim@test.pe', TEST_PASSWORD, '10.0.0.4', T0);
		if (!result.ok) throw new Error('sign-in failed');
		const rows = await store.query('SELECT * FROM sessions');
		const dump = JSON.stringify(rows);
		expect(dump).not.toContain(result.token);
		const sha = createHash('sha256').update(result.token).digest('hex');
		expect(rows.map((r) => r.token_hash)).toContain(sha);
		// the hash itself opens no session: a copy of the table is no key
		expect(await sessionUser(store, sha, at(MINUTE))).toBeNull();
	});

	it('ends a session after 8 hours without a request, and not before', async () => {
		const user = (await findUser(store, 'uim@test.pe'))!;
		const token = await startSession(store, user.id, T0);
		// exactly the limit is still inside; each request moves the last-seen time on
		expect(await sessionUser(store, token, at(IDLE_LIMIT_MS))).not.toBeNull();
		expect(await sessionUser(store, token, at(IDLE_LIMIT_MS + 7 * HOUR))).not.toBeNull();
		// 8 h and one second after that last request: gone, and the row says when it ended
		const late = at(IDLE_LIMIT_MS + 7 * HOUR + IDLE_LIMIT_MS + 1000);
		expect(await sessionUser(store, token, late)).toBeNull();
		const [row] = await store.query<{ ended_at: Date }>(
			'SELECT ended_at FROM sessions WHERE token_hash = $1',
			[createHash('sha256').update(token).digest('hex')]
		);
		expect(new Date(row.ended_at).toISOString()).toBe(late.toISOString());
		// an ended session stays ended, even if asked at an earlier time
		expect(await sessionUser(store, token, at(HOUR))).toBeNull();
	});

	it('ends a session 14 days after it started, however busy', async () => {
		const user = (await findUser(store, 'uim@test.pe'))!;
		const token = await startSession(store, user.id, T0);
		for (let t = 7 * HOUR; t <= 14 * DAY; t += 7 * HOUR)
			expect(await sessionUser(store, token, at(t))).not.toBeNull();
		expect(await sessionUser(store, token, at(14 * DAY + 7 * HOUR))).toBeNull();
	});

	it('ends a session on sign-out, and only that one', async () => {
		const user = (await findUser(store, 'uim@test.pe'))!;
		const a = await startSession(store, user.id, T0);
		const b = await startSession(store, user.id, T0);
		await endSession(store, a, at(MINUTE));
		expect(await sessionUser(store, a, at(2 * MINUTE))).toBeNull();
		expect(await sessionUser(store, b, at(2 * MINUTE))).not.toBeNull();
	});

	it('knows no session for a made-up token', async () => {
		expect(await sessionUser(store, 'A'.repeat(43), T0)).toBeNull();
	});

	it('ends every session of an account whose password is reset; the old password stops working', async () => {
		await addUser(store, { email: 'reset@test.pe', role: 'analyst', password: TEST_PASSWORD }, T0);
		const s1 = await signIn(store, 'reset@test.pe', TEST_PASSWORD, '10.0.1.1', T0);
		const s2 = await signIn(store, 'reset@test.pe', TEST_PASSWORD, '10.0.1.2', T0);
		const other = await signIn(store, 'uim@test.pe', TEST_PASSWORD, '10.0.1.3', T0);
		if (!s1.ok || !s2.ok || !other.ok) throw new Error('sign-in failed');
		await resetPassword(store, 'RESET@test.pe', 'a new password 2025', at(MINUTE));
		expect(await sessionUser(store, s1.token, at(2 * MINUTE))).toBeNull();
		expect(await sessionUser(store, s2.token, at(2 * MINUTE))).toBeNull();
		expect(await sessionUser(store, other.token, at(2 * MINUTE))).not.toBeNull();
		expect(await signIn(store, 'reset@test.pe', TEST_PASSWORD, '10.0.1.4', at(3 * MINUTE))).toEqual(
			{
				ok: false,
				reason: 'invalid'
			}
		);
		const again = await signIn(
			store,
			'reset@test.pe',
			'a new password 2025',
			'10.0.1.5',
			at(4 * MINUTE)
		);
		expect(again.ok).toBe(true);
	});

	it('refuses a reset with a short password or for an unknown account', async () => {
		await expect(resetPassword(store, 'reset@test.pe', 'short', T0)).rejects.toMatchObject({
			code: 'bad_password'
		});
		await expect(resetPassword(store, 'ghost@test.pe', TEST_PASSWORD, T0)).rejects.toMatchObject({
			code: 'not_found'
		});
	});

	it('lets a disabled account neither sign in nor keep its session', async () => {
		await addUser(store, { email: 'gone@test.pe', role: 'analyst', password: TEST_PASSWORD }, T0);
		const s = await signIn(store, 'gone@test.pe', TEST_PASSWORD, '10.0.2.1', T0);
		if (!s.ok) throw new Error('sign-in failed');
		await store.query("UPDATE users SET disabled_at = $1 WHERE email = 'gone@test.pe'", [T0]);
		expect(await sessionUser(store, s.token, at(MINUTE))).toBeNull();
		expect(await signIn(store, 'gone@test.pe', TEST_PASSWORD, '10.0.2.2', T0)).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});
});

describe('the sign-in throttle', () => {
	it('makes the sixth attempt after five failures wait 2 s, even with the right password', async () => {
		await addUser(store, { email: 'slow@test.pe', role: 'analyst', password: TEST_PASSWORD }, T0);
		// five failures from five addresses: only the account's count reaches five
		for (let i = 1; i <= 5; i++)
			expect(await signIn(store, 'slow@test.pe', 'wrong password!', `10.0.3.${i}`, T0)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		expect((await failures())['email:slow@test.pe']).toBe(5);
		expect(await signIn(store, 'slow@test.pe', TEST_PASSWORD, '10.0.3.9', at(500))).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfter: 2 // ceil(2 − 0.5)
		});
		// a throttled attempt is not another failure
		expect((await failures())['email:slow@test.pe']).toBe(5);
		// a sixth failure once the wait is over: the next one waits 4 s
		expect(await signIn(store, 'slow@test.pe', 'wrong password!', '10.0.3.9', at(2000))).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await signIn(store, 'slow@test.pe', TEST_PASSWORD, '10.0.3.9', at(3000))).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfter: 3 // ceil(4 − 1)
		});
	});

	it('clears the account count on a success, not the address count', async () => {
		const ok = await signIn(store, 'slow@test.pe', TEST_PASSWORD, '10.0.3.9', at(6000));
		expect(ok.ok).toBe(true);
		const f = await failures();
		expect(f['email:slow@test.pe']).toBeUndefined();
		expect(f['ip:10.0.3.9']).toBe(1);
		expect(f['ip:10.0.3.1']).toBe(1);
	});

	it('slows down one address trying many accounts', async () => {
		for (let i = 1; i <= 5; i++)
			await signIn(store, `guess${i}@test.pe`, 'wrong password!', '10.0.4.1', T0);
		expect((await failures())['ip:10.0.4.1']).toBe(5);
		expect(await signIn(store, 'uim@test.pe', TEST_PASSWORD, '10.0.4.1', at(1000))).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfter: 1
		});
		// the same account from elsewhere is not slowed down
		expect((await signIn(store, 'uim@test.pe', TEST_PASSWORD, '10.0.4.2', at(1000))).ok).toBe(true);
	});

	it('forgets failures after a day', async () => {
		for (let i = 0; i < 8; i++)
			await signIn(store, 'uim@test.pe', 'wrong password!', `10.0.5.${i}`, at(i * 100_000));
		// eight failures: 16 s from the last one; but a day later nothing is owed
		const lastFailure = 7 * 100_000;
		expect(
			await signIn(store, 'uim@test.pe', TEST_PASSWORD, '10.0.5.99', at(lastFailure + 10_000))
		).toMatchObject({ reason: 'throttled', retryAfter: 6 });
		const dayLater = at(lastFailure + DAY + 1000);
		expect(await signIn(store, 'uim@test.pe', 'wrong password!', '10.0.5.99', dayLater)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		// …and the count starts again from one
		expect((await failures())['email:uim@test.pe']).toBe(1);
	});
});
