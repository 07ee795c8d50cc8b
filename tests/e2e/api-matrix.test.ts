/**
 * The HTTP API's authorisation, on the built server: every endpoint × every
 * role × own and other district, with the status each cell must get (worked
 * out from src/lib/server/rounds/access.ts), then the gate in front of every
 * handler (Origin on writes, 400/413 bodies, 429 after failed sign-ins) and
 * the shape of every error (JSON, no stack trace).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openBareStore } from '../../src/lib/server/db/context';
import { LOCK_FILE } from '../../src/lib/server/db/folder-lock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	answer,
	EMAIL,
	MATRIX,
	OTHER,
	passwordOf,
	RETURN,
	ROLES,
	SUBMISSION,
	type Reply,
	type Role
} from './api-matrix.table';
import { apiClient } from './api-matrix.client';
import { DEMO, seededDataDir, startIntegraServer, type IntegraServer } from './server';

let server: IntegraServer;
let dataDir: string;
const cookies = new Map<Role, string>();

const { call, signIn } = apiClient(() => server.url, cookies);

/** Every error the tests saw, to check their shape once at the end. */
const errors: { where: string; reply: Reply }[] = [];

beforeAll(async () => {
	// the store the server makes on first start (a copy), and a second official, for 150102,
	// added with the CLI
	dataDir = await seededDataDir();
	const cli = spawnSync(
		'node_modules/.bin/tsx',
		[
			'scripts/user.ts',
			'add',
			'--email',
			OTHER.email,
			'--role',
			'official',
			'--ubigeo',
			'150102',
			'--password-stdin'
		],
		{
			input: OTHER.password + '\n',
			encoding: 'utf8',
			env: { ...process.env, INTEGRA_DATA_DIR: dataDir, DATABASE_URL: '' }
		}
	);
	expect(cli.status, cli.stderr).toBe(0);
	expect(cli.stdout).toContain('Account created: otra@integra.demo (official 150102)');
	server = await startIntegraServer({ dataDir });
	for (const role of ROLES)
		if (role !== 'anonymous') cookies.set(role, await signIn(EMAIL[role], passwordOf(role)));

	// The rounds the matrix acts on, in each district (2030…2035: none in the demo data):
	// 2030 submitted (read) · 2031 none (first version) · 2032 submitted (return)
	// 2033 submitted (validate) · 2034 validated (publish) · 150101/2035 validated (publish all)
	const owner = { '150101': 'official', '150102': 'other' } as const;
	for (const [u, who] of Object.entries(owner)) {
		for (const r of ['2030', '2032', '2033', '2034', ...(u === '150101' ? ['2035'] : [])]) {
			const sent = await call(who, 'POST', `/api/rounds/${u}/${r}/versions`, { body: SUBMISSION });
			expect(sent.status, sent.text).toBe(201);
		}
		for (const r of ['2034', ...(u === '150101' ? ['2035'] : [])]) {
			const validated = await call('uim', 'POST', `/api/rounds/${u}/${r}/validate`);
			expect(validated.status, validated.text).toBe(200);
		}
	}
});

afterAll(async () => {
	await server?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the authorisation matrix', () => {
	it.each(MATRIX)('%s %s', async (method, path, body, expected) => {
		const got: number[] = [];
		for (const role of ROLES) {
			const reply = await call(role, method, path, body === undefined ? {} : { body });
			got.push(reply.status);
			if (reply.status >= 400) errors.push({ where: `${role} ${method} ${path}`, reply });
		}
		expect(Object.fromEntries(ROLES.map((r, i) => [r, got[i]]))).toEqual(
			Object.fromEntries(ROLES.map((r, i) => [r, expected[i]]))
		);
	});

	it('DELETE /api/session: anyone may sign out (204), and the session ends on the server', async () => {
		for (const role of ROLES) {
			const fresh = role === 'anonymous' ? '' : await signIn(EMAIL[role], passwordOf(role));
			const out = await call(role, 'DELETE', '/api/session', { cookie: fresh });
			expect(out.status, role).toBe(204);
			if (!fresh) continue;
			const after = await call(role, 'GET', '/api/session', { cookie: fresh });
			expect(after.json, role).toEqual({ user: null, view: 'published' });
		}
		// the matrix's own sessions are untouched
		expect(
			((await call('uim', 'GET', '/api/session')).json as { user: { email: string } }).user.email
		).toBe(DEMO.uim);
	});

	it('did what each authorised cell asked', async () => {
		const round = async (u: string, r: string) =>
			(await call('admin', 'GET', `/api/rounds/${u}/${r}`)).json as {
				state: string;
				latest_version: number;
			};
		for (const u of ['150101', '150102']) {
			expect(await round(u, '2031')).toMatchObject({ state: 'submitted', latest_version: 1 });
			expect(await round(u, '2032')).toMatchObject({ state: 'returned' });
			// validated by its row, then published with every validated round by POST /api/publications
			expect(await round(u, '2033')).toMatchObject({ state: 'published' });
			expect(await round(u, '2034')).toMatchObject({ state: 'published' });
		}
		expect(await round('150101', '2035')).toMatchObject({ state: 'published' });
		const audit = await call('admin', 'GET', '/api/audit.csv');
		expect(audit.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(audit.text.split('\n')[0]).toBe('at,actor,action,target,detail');
		expect(audit.text).toContain(',uim@integra.demo,returned,150102/2032,');
		// one publication of every round validated by then
		expect(audit.text).toMatch(
			/,admin@integra\.demo,published,150101\/2033 150101\/2035 150102\/2033,publication \d+\n/
		);
		// the matrix's admin cell downloaded a backup of the running store: it holds what the
		// cells above stored, and the download is in the audit log
		expect(audit.text).toMatch(/,admin@integra\.demo,backup,store,\d+ rows\n/);
		const backup = await call('admin', 'GET', '/api/backup');
		expect(backup.headers.get('cache-control')).toBe('no-store');
		const { format, tables } = backup.json as {
			format: string;
			tables: Record<string, { ubigeo: string; round: string; state: string }[]>;
		};
		expect(format).toBe('integra-backup');
		expect(tables.rounds).toContainEqual(
			expect.objectContaining({ ubigeo: '150102', round: '2032', state: 'returned' })
		);
	});
});

describe('what each viewer is told', () => {
	it('lists the public published rounds only; an official its own work and what is published', async () => {
		const list = async (role: Role, query: string) =>
			(
				(await call(role, 'GET', `/api/rounds${query}`)).json as {
					rounds: { round: string; state: string }[];
				}
			).rounds
				.map((r) => `${r.round} ${r.state}`)
				.sort();
		expect(await list('anonymous', '?ubigeo=150102')).toEqual(['2033 published', '2034 published']);
		expect(await list('official', '?ubigeo=150102')).toEqual(['2033 published', '2034 published']);
		expect(await list('other', '?ubigeo=150102')).toEqual([
			'2030 submitted',
			'2031 submitted',
			'2032 returned',
			'2033 published',
			'2034 published'
		]);
		expect(await list('analyst', '?ubigeo=150102')).toEqual(await list('other', '?ubigeo=150102'));
	});

	it('gives an official crafting requests for another district 403 on writes and 404 on its unpublished work', async () => {
		const before = await call('admin', 'GET', '/api/rounds/150102/2030');
		const writes: [string, unknown][] = [
			['/api/rounds/150102/2030/versions', { ...SUBMISSION, base_version: 1 }],
			['/api/rounds/150102/2099/versions', SUBMISSION],
			['/api/rounds/150102/2030/return', RETURN],
			['/api/rounds/150102/2030/validate', {}],
			['/api/rounds/150102/2030/publish', {}]
		];
		for (const [path, body] of writes) {
			const reply = await call('official', 'POST', path, { body });
			expect(reply.status, path).toBe(403);
			expect((reply.json as { error: { code: string } }).error.code).toBe('forbidden');
			errors.push({ where: `official POST ${path}`, reply });
		}
		for (const path of ['/api/rounds/150102/2030', '/api/rounds/150102/2099']) {
			const reply = await call('official', 'GET', path);
			expect(reply.status, path).toBe(404);
			// the same answer as for a round that does not exist: nothing to learn from it
			expect((reply.json as { error: { code: string } }).error.code).toBe('not_found');
		}
		expect((await call('admin', 'GET', '/api/rounds/150102/2030')).text).toBe(before.text);
		expect((await call('admin', 'GET', '/api/rounds/150102/2099')).status).toBe(404);
	});
});

describe('the gate in front of every handler', () => {
	it('refuses a write without Origin, or from another origin, with 403, and does nothing', async () => {
		for (const origin of [
			null,
			'http://evil.example',
			server.url.replace('127.0.0.1', 'localhost')
		]) {
			const sent = await call('official', 'POST', '/api/rounds/150101/2040/versions', {
				body: SUBMISSION,
				origin
			});
			expect(sent.status, String(origin)).toBe(403);
			expect((sent.json as { error: { code: string } }).error.code).toBe('forbidden');
			errors.push({ where: `origin ${origin}`, reply: sent });
			const signIn = await call('anonymous', 'POST', '/api/session', {
				body: { email: DEMO.admin, password: DEMO.password },
				origin
			});
			expect(signIn.status).toBe(403);
			expect(signIn.headers.getSetCookie()).toEqual([]);
			const signOut = await call('uim', 'DELETE', '/api/session', { origin });
			expect(signOut.status).toBe(403);
		}
		expect((await call('official', 'GET', '/api/rounds/150101/2040')).status).toBe(404);
		expect(
			((await call('uim', 'GET', '/api/session')).json as { user: unknown }).user
		).not.toBeNull();
	});

	it('refuses malformed JSON with 400 and where it breaks', async () => {
		const reply = await call('official', 'POST', '/api/rounds/150101/2041/versions', {
			raw: '{"base_version": null,\n "answers": [}'
		});
		expect(reply.status).toBe(400);
		expect(reply.json).toEqual({
			error: {
				code: 'invalid_json',
				message: 'El cuerpo no es JSON válido: línea 2, columna 14.',
				line: 2,
				column: 14
			}
		});
		errors.push({ where: 'malformed JSON', reply });
		const session = await call('anonymous', 'POST', '/api/session', { raw: '{"email": "a@b.pe",' });
		expect(session.status).toBe(400);
		const notJson = await call('official', 'POST', '/api/rounds/150101/2041/versions', {
			raw: 'base_version=1',
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(notJson.status).toBe(415);
		errors.push({ where: 'form body', reply: notJson });
	});

	it('refuses a submission the pipeline refuses with 400 naming each problem; nothing is stored', async () => {
		const reply = await call('official', 'POST', '/api/rounds/150101/2042/versions', {
			body: { base_version: null, answers: [answer('D1.01', 'quizás'), answer('X9.99', 'cumple')] }
		});
		expect(reply.status).toBe(400);
		const error = (
			reply.json as { error: { code: string; problems: { answer_index: number; field: string }[] } }
		).error;
		expect(error.code).toBe('invalid_submission');
		expect(error.problems.map((p) => [p.answer_index, p.field])).toEqual([
			[0, 'answer'],
			[1, 'indicator_id']
		]);
		errors.push({ where: 'invalid submission', reply });
		const bad = await call('official', 'POST', '/api/rounds/150101/2024-S3/versions', {
			body: SUBMISSION
		});
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('2024-S3');
		expect((await call('official', 'GET', '/api/rounds/150101/2042')).status).toBe(404);
	});

	it('refuses a body over 256 KB with 413, with or without Content-Length', async () => {
		const big = JSON.stringify({
			base_version: null,
			answers: [{ ...answer('D1.01', 'cumple'), evidence: 'x'.repeat(300 * 1024) }]
		});
		const declared = await call('official', 'POST', '/api/rounds/150101/2043/versions', {
			raw: big
		});
		expect(declared.status).toBe(413);
		expect((declared.json as { error: { code: string } }).error.code).toBe('too_large');
		errors.push({ where: '413', reply: declared });
		const bytes = new TextEncoder().encode(big);
		const chunked = new ReadableStream<Uint8Array>({
			start(c) {
				for (let i = 0; i < bytes.length; i += 16_384) c.enqueue(bytes.slice(i, i + 16_384));
				c.close();
			}
		});
		const streamed = await call('official', 'POST', '/api/rounds/150101/2043/versions', {
			raw: chunked
		});
		expect(streamed.status).toBe(413);
		// before the body is read: who may send is checked first
		expect(
			(await call('anonymous', 'POST', '/api/rounds/150101/2043/versions', { raw: big })).status
		).toBe(401);
		expect((await call('official', 'GET', '/api/rounds/150101/2043')).status).toBe(404);
	});

	it('answers 409 to a version from a stale base, naming the current one', async () => {
		const reply = await call('official', 'POST', '/api/rounds/150101/2030/versions', {
			body: SUBMISSION
		});
		expect(reply.status).toBe(409);
		expect(reply.json).toMatchObject({
			error: { code: 'conflict', current_version: 1, state: 'submitted' }
		});
		errors.push({ where: '409', reply });
	});

	it('sends every error as JSON {error:{code,message}}, never a stack trace', () => {
		expect(errors.length).toBeGreaterThan(50);
		for (const { where, reply } of errors) {
			expect(reply.headers.get('content-type'), where).toMatch(/^application\/json/);
			const body = reply.json as { error: { code: unknown; message: unknown } };
			expect(typeof body.error.code, where).toBe('string');
			expect(typeof body.error.message, where).toBe('string');
			expect(Object.keys(body), where).toEqual(['error']);
			expect(reply.text, where).not.toMatch(/\n\s+at |node_modules|\.(ts|js):\d|stack/i);
			expect(reply.headers.get('cache-control'), where).toBe('private, no-store');
		}
	});
});

// Last: the failures below slow down every sign-in from 127.0.0.1 for a while.
describe('failed sign-ins', () => {
	it('answers the same whether the account exists or the password is wrong', async () => {
		const wrong = await call('anonymous', 'POST', '/api/session', {
			body: { email: DEMO.analyst, password: 'not the password' }
		});
		const nobody = await call('anonymous', 'POST', '/api/session', {
			body: { email: 'nadie@integra.demo', password: 'not the password' }
		});
		expect([wrong.status, nobody.status]).toEqual([401, 401]);
		expect(wrong.json).toEqual(nobody.json);
		expect(wrong.json).toEqual({
			error: { code: 'unauthenticated', message: 'Correo o contraseña incorrectos.' }
		});
	});

	it('answers 429 with Retry-After by the sixth attempt after failures, even to the right password', async () => {
		// Five failures of one account (or of one address: this file's earlier failures count
		// for 127.0.0.1 too) are free; the next attempt must wait. Throttled attempts are
		// answered at once (no hash), so the right password follows well within the wait.
		const statuses: number[] = [];
		while (statuses.length < 6 && !statuses.includes(429))
			statuses.push(
				(
					await call('anonymous', 'POST', '/api/session', {
						body: { email: DEMO.uim, password: `wrong password ${statuses.length}` }
					})
				).status
			);
		expect(statuses.at(-1)).toBe(429);
		expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
		const right = await call('anonymous', 'POST', '/api/session', {
			body: { email: DEMO.uim, password: DEMO.password }
		});
		expect(right.status).toBe(429);
		const seconds = Number(right.headers.get('retry-after'));
		expect(seconds).toBeGreaterThanOrEqual(1);
		expect(right.json).toEqual({
			error: {
				code: 'too_many_attempts',
				message: `Demasiados intentos fallidos. Espere ${seconds} s antes de volver a intentarlo.`,
				retry_after: seconds
			}
		});
		expect(right.headers.getSetCookie()).toEqual([]);
	});
});

describe('stopping the server', () => {
	it('closes the store on SIGTERM: the folder reopens with what the API stored, unlocked', async () => {
		await server.stop();
		expect(server.logs.join('\n')).not.toMatch(/error/i);
		// the lock goes with the store's close(): gone, so the store was closed, not abandoned
		expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
		const store = await openBareStore({ databaseUrl: null, dataDir, demoDataDir: 'data' });
		try {
			const rows = await store.query<{ state: string }>(
				`SELECT state FROM rounds WHERE ubigeo = '150102' AND round = '2032'`
			);
			expect(rows).toEqual([{ state: 'returned' }]);
		} finally {
			await store.close();
		}
	}, 60_000);
});
