/**
 * The store on a real PostgreSQL: the same migrations and workflow as on
 * PGlite, what only a server with several connections shows (two requests
 * at once), and an outage in the middle of use (PostgreSQL unreachable, then
 * back) through a TCP proxy this test opens and closes.
 *
 * Uses DATABASE_URL when set, else postgres://postgres@127.0.0.1:5432/postgres
 * when it answers: creates a database integra_test_<random> and drops it after.
 * Without a PostgreSQL it says so (console.warn) and skips.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/lib/server/db/context';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { openPostgres, StoreUnavailable, type Store } from '../../src/lib/server/db/store';
import { ApiError } from '../../src/lib/server/http/errors';
import {
	assessmentRows,
	getRound,
	listRounds,
	publish,
	returnRound,
	submitVersion,
	validateRound,
	type Answer,
	type SubmissionCheck
} from '../../src/lib/server/rounds/service';
import { signIn } from '../../src/lib/server/auth/accounts';
import { addPeople, TEST_PASSWORD } from '../fixtures/server-store';
import { usePostgres } from '../fixtures/postgres';

const { ADMIN_URL, available, urlOf, createDatabase } = usePostgres();

const passes: SubmissionCheck = async () => {};
const a = (values: Record<string, string>): Answer[] =>
	Object.entries(values).map(([indicator_id, answer]) => ({
		indicator_id,
		answer,
		evidence: null,
		source_url: null
	}));
let minute = 0;
const tick = () => new Date(Date.UTC(2025, 5, 1, 9, minute++));

describe.skipIf(!available)('the store on PostgreSQL', () => {
	let store: Store;
	let name: string;
	let people: Awaited<ReturnType<typeof addPeople>>;

	beforeAll(async () => {
		name = await createDatabase();
		const lines: string[] = [];
		store = await openStore(
			{ databaseUrl: urlOf(name), dataDir: '/nonexistent', demoDataDir: 'data' },
			(l) => lines.push(l)
		);
		expect(lines).toEqual(readMigrations().map((m) => `Integra: migration ${m.name} applied.`));
	});
	afterAll(() => store?.close());

	it('is migrated and, being a real database, gets no demo account or round', async () => {
		expect(store.kind).toBe('postgres');
		const [row] = await store.query<{ users: number; rounds: number; migrations: number }>(
			`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM rounds)::int AS rounds,
			        (SELECT count(*) FROM schema_migrations)::int AS migrations`
		);
		expect(row).toEqual({ users: 0, rounds: 0, migrations: readMigrations().length });
		expect(await migrate(store)).toEqual([]);
	});

	it('runs the whole workflow: submit, return, resubmit, validate, publish', async () => {
		people = await addPeople(store);
		const signedIn = await signIn(store, 'lima@test.pe', TEST_PASSWORD, '127.0.0.1', tick());
		expect(signedIn.ok).toBe(true);
		const U = '150101';
		const R = '2025';
		const v1 = a({ 'D1.01': 'parcial', 'D1.02': 'no_sabe' });
		const v2 = a({ 'D1.01': 'cumple', 'D1.02': 'cumple' });
		expect(
			await submitVersion(
				store,
				people.official,
				U,
				R,
				{ base_version: null, answers: v1 },
				passes,
				tick()
			)
		).toEqual({ version: 1 });
		await returnRound(
			store,
			people.uim,
			U,
			R,
			[{ indicator_id: 'D1.02', text: 'Sin evidencia.' }],
			tick()
		);
		expect(
			await submitVersion(
				store,
				people.official,
				U,
				R,
				{ base_version: 1, answers: v2 },
				passes,
				tick()
			)
		).toEqual({ version: 2 });
		const stale = await submitVersion(
			store,
			people.official,
			U,
			R,
			{ base_version: 1, answers: v1 },
			passes,
			tick()
		).catch((e) => e);
		expect([stale.status, stale.detail]).toEqual([409, { current_version: 2, state: 'submitted' }]);
		await validateRound(store, people.uim, U, R, [], tick());
		const published = await publish(store, people.admin, 'all-validated', tick());
		expect(published.rounds).toEqual([{ ubigeo: U, round: R, version: 2 }]);
		const pub = await getRound(store, null, U, R);
		expect(pub).toMatchObject({ state: 'published', version: 2, answers: v2, comments: [] });
		const inside = await getRound(store, people.official, U, R);
		expect(inside.history.map((e) => `${e.action} v${e.version} ${e.by}`)).toEqual([
			'submitted v1 lima@test.pe',
			'returned v1 uim@test.pe',
			'submitted v2 lima@test.pe',
			'validated v2 uim@test.pe',
			'published v2 admin@test.pe'
		]);
		expect(inside.comments.map((c) => c.text)).toEqual(['Sin evidencia.']);
		expect((await assessmentRows(store, 'published')).map((r) => r.answer)).toEqual([
			'cumple',
			'cumple'
		]);
		// v1 is still there
		const [{ n }] = await store.query<{ n: number }>(
			"SELECT count(*)::int AS n FROM round_answers WHERE version = 1 AND round = '2025'"
		);
		expect(n).toBe(2);
		expect((await listRounds(store, null, {})).map((r) => r.round)).toEqual(['2025']);
	});

	it('takes one of two first submissions sent at the same time; the other gets 409', async () => {
		const send = () =>
			submitVersion(
				store,
				people.official,
				'150101',
				'2024',
				{ base_version: null, answers: a({ 'D1.01': 'cumple' }) },
				passes,
				tick()
			);
		const results = await Promise.allSettled([send(), send(), send(), send()]);
		const ok = results.filter((r) => r.status === 'fulfilled');
		const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
		expect(ok.map((r) => (r as PromiseFulfilledResult<unknown>).value)).toEqual([{ version: 1 }]);
		expect(refused.map((e) => (e instanceof ApiError ? e.status : String(e)))).toEqual([
			409, 409, 409
		]);
	});

	it('takes one of two new versions from the same base; the other gets 409', async () => {
		const send = () =>
			submitVersion(
				store,
				people.official,
				'150101',
				'2024',
				{ base_version: 1, answers: a({ 'D1.01': 'parcial' }) },
				passes,
				tick()
			);
		const results = await Promise.allSettled([send(), send()]);
		expect(
			results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason.status)).sort()
		).toEqual([409, { version: 2 }].sort());
	});

	it('lets two servers start on a new database at once: the migrations apply once', async () => {
		const fresh = await createDatabase();
		const one = openPostgres(urlOf(fresh), { max: 2 });
		const two = openPostgres(urlOf(fresh), { max: 2 });
		try {
			const [x, y] = await Promise.all([migrate(one), migrate(two)]);
			expect([...x, ...y].sort()).toEqual(readMigrations().map((m) => m.name));
		} finally {
			await one.close();
			await two.close();
		}
	});
});

/** A TCP proxy in front of PostgreSQL that the test can cut and restore on the same port. */
class Proxy {
	private server: Server | null = null;
	private sockets = new Set<Socket>();
	port = 0;
	constructor(private target: { host: string; port: number }) {}

	async open(): Promise<void> {
		const server = createServer((client) => {
			const upstream = connect(this.target.port, this.target.host);
			this.sockets.add(client).add(upstream);
			const drop = () => {
				client.destroy();
				upstream.destroy();
				this.sockets.delete(client);
				this.sockets.delete(upstream);
			};
			client.on('error', drop).on('close', drop);
			upstream.on('error', drop).on('close', drop);
			client.pipe(upstream).pipe(client);
		});
		await new Promise<void>((done, fail) => {
			server.once('error', fail);
			server.listen(this.port, '127.0.0.1', () => done());
		});
		this.port = (server.address() as { port: number }).port;
		this.server = server;
	}

	/** PostgreSQL "goes away": no new connection, and every open one is cut. */
	async cut(): Promise<void> {
		const server = this.server;
		this.server = null;
		for (const s of this.sockets) s.destroy();
		this.sockets.clear();
		await new Promise<void>((done) => server?.close(() => done()) ?? done());
	}
}

describe.skipIf(!available)('PostgreSQL unreachable in the middle of use', () => {
	let proxy: Proxy;
	let store: Store;
	let people: Awaited<ReturnType<typeof addPeople>>;

	beforeAll(async () => {
		const name = await createDatabase();
		const target = new URL(ADMIN_URL);
		proxy = new Proxy({ host: target.hostname, port: Number(target.port || 5432) });
		await proxy.open();
		store = await openStore(
			{ databaseUrl: urlOf(name, proxy.port), dataDir: '/nonexistent', demoDataDir: 'data' },
			() => {}
		);
		people = await addPeople(store);
	});
	afterAll(async () => {
		await proxy?.cut();
		await store?.close().catch(() => {});
	});

	const count = async () =>
		(await store.query<{ n: number }>('SELECT count(*)::int AS n FROM round_versions'))[0].n;

	it('answers through the proxy', async () => {
		expect(await count()).toBe(0);
	});

	it('throws StoreUnavailable while PostgreSQL is unreachable, and stores nothing of a submission', async () => {
		await proxy.cut();
		await expect(count()).rejects.toBeInstanceOf(StoreUnavailable);
		const error = await submitVersion(
			store,
			people.official,
			'150101',
			'2025',
			{ base_version: null, answers: a({ 'D1.01': 'cumple' }) },
			passes,
			tick()
		).catch((e) => e);
		expect(error).toBeInstanceOf(StoreUnavailable);
		await expect(store.transaction(async (tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(
			StoreUnavailable
		);
	});

	it('works again, without a restart, once PostgreSQL is back on the same address', async () => {
		await proxy.open();
		expect(await count()).toBe(0); // the submission during the outage left nothing
		expect(
			await submitVersion(
				store,
				people.official,
				'150101',
				'2025',
				{ base_version: null, answers: a({ 'D1.01': 'cumple' }) },
				passes,
				tick()
			)
		).toEqual({ version: 1 });
		expect(await count()).toBe(1);
	});

	it('rolls back a transaction cut in the middle: nothing of it is stored', async () => {
		const error = await store
			.transaction(async (tx) => {
				await tx.query(
					"INSERT INTO audit_log (at, action, target) VALUES (now(), 'test', 'half-done')"
				);
				await proxy.cut();
				await tx.query('SELECT 1');
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(StoreUnavailable);
		await proxy.open();
		const rows = await store.query("SELECT 1 FROM audit_log WHERE target = 'half-done'");
		expect(rows).toEqual([]);
		expect(await count()).toBe(1);
	});
});
