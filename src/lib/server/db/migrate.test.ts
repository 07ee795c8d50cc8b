import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../../../../tests/fixtures/server-store';
import {
	MIGRATIONS_DIR,
	MigrationFailed,
	migrate,
	readMigrations,
	splitStatements
} from './migrate';
import { StoreUnavailable, type Store } from './store';

let store: Store;
let close: () => Promise<void>;
let extra: string;

beforeAll(async () => {
	({ store, close } = await tempStore({ migrate: false }));
	extra = mkdtempSync(join(tmpdir(), 'integra-migrations-'));
});
afterAll(async () => {
	await close();
	rmSync(extra, { recursive: true, force: true });
});

const applied = () =>
	store.query<{ version: string; name: string }>(
		'SELECT version, name FROM schema_migrations ORDER BY version'
	);
const tableExists = async (name: string) =>
	(await store.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name]))[0].t !==
	null;

describe('migrate', () => {
	it('applies every migration of db/migrations once; a second run applies nothing', async () => {
		const names = readMigrations().map((m) => m.name);
		expect(names[0]).toBe('0001_accounts_and_rounds');
		expect(await migrate(store)).toEqual(names);
		expect((await applied()).map((r) => r.name)).toEqual(names);
		expect(await tableExists('round_versions')).toBe(true);
		expect(await migrate(store)).toEqual([]);
		expect((await applied()).map((r) => r.name)).toEqual(names);
	});

	it('rolls a failing migration back whole, says which one, and stops there', async () => {
		writeFileSync(
			join(extra, '0101_plans.sql'),
			'-- a good one first\nCREATE TABLE plans (id bigserial PRIMARY KEY, title text);\n'
		);
		writeFileSync(
			join(extra, '0102_broken.sql'),
			[
				'CREATE TABLE half_done (id integer);',
				'INSERT INTO half_done VALUES (1);',
				'ALTER TABLE no_such_table ADD COLUMN x integer;',
				''
			].join('\n')
		);
		writeFileSync(join(extra, '0103_after.sql'), 'CREATE TABLE never_reached (id integer);\n');
		const before = await applied();
		const error = await migrate(store, [...readMigrations(), ...readMigrations(extra)]).catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(MigrationFailed);
		expect(error.migration).toBe('0102_broken');
		expect(error.message).toMatch(/^Migration 0102_broken failed and was rolled back/);
		expect(error.message).toMatch(/no_such_table/);
		// the one before it stays; nothing of the failed one; nothing after it
		expect(await tableExists('plans')).toBe(true);
		expect(await tableExists('half_done')).toBe(false);
		expect(await tableExists('never_reached')).toBe(false);
		expect((await applied()).map((r) => r.version)).toEqual([
			...before.map((r) => r.version),
			'0101'
		]);
	});

	it('applies the fixed migration on the next start', async () => {
		writeFileSync(join(extra, '0102_broken.sql'), 'CREATE TABLE half_done (id integer);\n');
		expect(await migrate(store, [...readMigrations(), ...readMigrations(extra)])).toEqual([
			'0102_broken',
			'0103_after'
		]);
		expect(await tableExists('never_reached')).toBe(true);
	});

	it('passes a lost connection on as it is, not as a failed migration', async () => {
		const lost: Store = {
			...store,
			exec: async () => {},
			transaction: async () => {
				throw new StoreUnavailable(new Error('connect ECONNREFUSED'));
			}
		};
		await expect(migrate(lost, readMigrations())).rejects.toBeInstanceOf(StoreUnavailable);
	});

	it('reads only files named NNNN_name.sql, in order', () => {
		const dir = mkdtempSync(join(tmpdir(), 'integra-migrations-'));
		try {
			for (const f of ['0002_b.sql', '0001_a.sql', 'README.md', '0003_c.sql.bak', '3_bad.sql'])
				writeFileSync(join(dir, f), 'SELECT 1;\n');
			expect(readMigrations(dir).map((m) => [m.version, m.name])).toEqual([
				['0001', '0001_a'],
				['0002', '0002_b']
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('splitStatements', () => {
	it('splits on a semicolon at the end of a line, leaving comments out', () => {
		expect(
			splitStatements(
				"-- head; comment;\nCREATE TABLE a (\n  x text DEFAULT 'a;b' -- inline;\n);\n\nCREATE INDEX i ON a (x);"
			)
		).toEqual(["CREATE TABLE a (\n  x text DEFAULT 'a;b' \n)", 'CREATE INDEX i ON a (x)']);
	});
});

/**
 * "A migration never destroys data" (issue 13 §1): no migration file may
 * drop a table or a column, truncate, delete rows, or drop anything with
 * ALTER. A change of shape adds; an old column stays (and may be left unused).
 */
describe('the migrations of db/migrations', () => {
	const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
	const DESTRUCTIVE: [string, RegExp][] = [
		['DROP TABLE', /\bDROP\s+TABLE\b/i],
		['DROP SCHEMA', /\bDROP\s+SCHEMA\b/i],
		['DROP COLUMN', /\bDROP\s+COLUMN\b/i],
		['ALTER … DROP', /\bALTER\b[^;]*\bDROP\b(?!\s+(NOT\s+NULL|DEFAULT)\b)/i],
		['TRUNCATE', /\bTRUNCATE\b/i],
		['DELETE', /\bDELETE\s+FROM\b/i],
		['DROP DATABASE', /\bDROP\s+DATABASE\b/i]
	];

	it('exist, each named NNNN_name.sql', () => {
		expect(files.length).toBeGreaterThan(0);
		for (const f of files) expect(f).toMatch(/^\d{4}_[a-z0-9_]+\.sql$/);
	});

	it.each(files)('%s destroys no data', (file) => {
		const sql = splitStatements(readFileSync(join(MIGRATIONS_DIR, file), 'utf8')).join(';\n');
		const found = DESTRUCTIVE.filter(([, re]) => re.test(sql)).map(([what]) => what);
		expect(found, `${file} has ${found.join(', ')}`).toEqual([]);
	});

	it('the check itself catches each destructive statement', () => {
		for (const sql of [
			'DROP TABLE users',
			'drop  table if exists x',
			'ALTER TABLE users DROP COLUMN name',
			'ALTER TABLE users DROP CONSTRAINT users_email_key',
			'TRUNCATE sessions',
			'DELETE FROM sessions WHERE ended_at IS NOT NULL'
		])
			expect(
				DESTRUCTIVE.some(([, re]) => re.test(sql)),
				sql
			).toBe(true);
		for (const sql of [
			'ALTER TABLE users ALTER COLUMN name DROP NOT NULL',
			'ALTER TABLE users ADD COLUMN phone text',
			'CREATE INDEX sessions_user ON sessions (user_id)'
		])
			expect(
				DESTRUCTIVE.some(([, re]) => re.test(sql)),
				sql
			).toBe(false);
	});
});
