/**
 * A backup taken from a store with every kind of record restores, row for row,
 * into an empty PGlite and (when one answers) an empty PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeople, tempStore } from '../../../../tests/fixtures/server-store';
import { usePostgres } from '../../../../tests/fixtures/postgres';
import {
	BACKED_UP_TABLES,
	BackupRefused,
	parseBackup,
	restoreBackup,
	takeBackup,
	type Backup
} from './backup';
import { readMigrations } from './migrate';
import { openPostgres, type Store } from './store';

const pg = usePostgres();

/** Every row of `table`, as PostgreSQL's JSON text in UTC, in a fixed order. */
async function rowsOf(store: Store, table: string): Promise<string[]> {
	return store.transaction(async (tx) => {
		await tx.query("SET LOCAL TIME ZONE 'UTC'");
		const rows = await tx.query<{ r: string }>(
			`SELECT to_jsonb(t)::text AS r FROM ${table} t ORDER BY 1`
		);
		return rows.map((x) => x.r);
	});
}

async function everyRow(store: Store): Promise<Record<string, string[]>> {
	const all: Record<string, string[]> = {};
	for (const t of BACKED_UP_TABLES) all[t] = await rowsOf(store, t);
	return all;
}

/** Two rounds (one returned with a comment, one published), an action plan, an activity, the audit log. */
async function fill(store: Store): Promise<void> {
	const people = await addPeople(store);
	const uim = people.uim.id;
	const official = people.official.id;
	await store.exec(`
		INSERT INTO publications (published_by, published_at) VALUES (${people.admin.id}, '2025-02-01 10:00:00.123456+00');
		INSERT INTO rounds VALUES ('150101', '2024', 'returned', 2, NULL, '2025-01-05 09:00:00+00'),
		                          ('150102', '2024-S1', 'published', 1, 1, '2025-02-01 10:00:00.123456+00');
		INSERT INTO round_versions VALUES ('150101', '2024', 1, ${official}, '2025-01-03 08:00:00+00'),
		                                  ('150101', '2024', 2, ${official}, '2025-01-04 08:00:00.5+00'),
		                                  ('150102', '2024-S1', 1, NULL, '2025-01-20 12:00:00+00');
		INSERT INTO round_answers VALUES
			('150101', '2024', 1, 'D1.01', 'parcial', NULL, NULL, NULL),
			('150101', '2024', 2, 'D1.01', 'cumple', E'Ordenanza N.º 123\\n"con comillas"; y, comas', 'https://muni.gob.pe/o?id=1&x=ñ', '2025-01-04 07:59:59.999999+00'),
			('150102', '2024-S1', 1, 'D2.03', 'no_sabe', 'Sí — migración 😀', NULL, NULL);
		INSERT INTO round_events (ubigeo, round, version, action, actor_id, at, publication_id) VALUES
			('150101', '2024', 1, 'submitted', ${official}, '2025-01-03 08:00:00+00', NULL),
			('150101', '2024', 1, 'returned', ${uim}, '2025-01-03 15:00:00+00', NULL),
			('150102', '2024-S1', 1, 'published', ${people.admin.id}, '2025-02-01 10:00:00.123456+00', 1);
		INSERT INTO round_comments (ubigeo, round, version, indicator_id, text, author_id, at) VALUES
			('150101', '2024', 1, 'D1.01', 'Adjunte la ordenanza, por favor.', ${uim}, '2025-01-03 15:00:00+00');
		INSERT INTO audit_log (at, actor_id, action, target, detail) VALUES
			('2025-01-03 15:00:00+00', ${uim}, 'return', '150101/2024', 'v1'),
			('2025-02-01 10:00:00+00', NULL, 'publish', '150102/2024-S1', '');
		DELETE FROM audit_log WHERE action = 'return';
		INSERT INTO action_items VALUES ('a-1', '150101', 2, ${official}, '2025-01-06 10:00:00+00', '2025-01-07 10:00:00+00');
		INSERT INTO action_item_versions VALUES
			('a-1', 1, '150101', 'D1.01', 'Aprobar ordenanza', 'Gerencia Social', '2025-06-30', 'pendiente', NULL, ${official}, '2025-01-06 10:00:00+00'),
			('a-1', 2, '150101', 'D1.01', 'Aprobar ordenanza', 'Gerencia Social', '2025-06-30', 'completada', '2025-05-02', ${official}, '2025-01-07 10:00:00+00');
		INSERT INTO logged_activities VALUES ('act-1', '2025-03-10', '150101', 'taller', 'funcionarios', 'salud', 'presencial', 25, 15, 10, NULL, 'OIM', ${uim}, '2025-03-10 18:30:00+00');
		UPDATE users SET disabled_at = '2025-04-01 00:00:00+00' WHERE id = ${people.other.id};
	`);
}

describe('backup and restore', () => {
	let source: Awaited<ReturnType<typeof tempStore>>;
	let backup: Backup;

	beforeAll(async () => {
		source = await tempStore();
		await fill(source.store);
		// through the file's text, as the command line does
		backup = parseBackup(JSON.stringify(await takeBackup(source.store)));
	});
	afterAll(() => source?.close());

	it('holds every row of every table, and the migrations applied', () => {
		const counts = Object.fromEntries(BACKED_UP_TABLES.map((t) => [t, backup.tables[t].length]));
		expect(counts).toEqual({
			users: 5,
			publications: 1,
			rounds: 2,
			round_versions: 3,
			round_answers: 3,
			round_events: 3,
			round_comments: 1,
			audit_log: 1,
			action_items: 1,
			action_item_versions: 2,
			logged_activities: 1
		});
		expect(backup.migrations).toEqual(readMigrations().map((m) => m.version));
	});

	it('restores into an empty PGlite row for row, and new ids follow the restored ones', async () => {
		const target = await tempStore({ migrate: false });
		try {
			const counts = await restoreBackup(target.store, backup);
			expect(counts.round_answers).toBe(3);
			expect(await everyRow(target.store)).toEqual(await everyRow(source.store));
			// the microseconds, the text with a line break and an emoji, the array, the null
			const [answer] = await target.store.query<{ us: string; evidence: string }>(
				`SELECT to_char(updated_at AT TIME ZONE 'UTC', 'US') AS us, evidence FROM round_answers WHERE version = 2`
			);
			expect(answer).toEqual({
				us: '999999',
				evidence: 'Ordenanza N.º 123\n"con comillas"; y, comas'
			});
			const [lima] = await target.store.query<{ ubigeos: string[] }>(
				`SELECT ubigeos FROM users WHERE email = 'lima@test.pe'`
			);
			expect(lima.ubigeos).toEqual(['150101']);
			// the deleted audit row had id 1, the kept one 2: the next is 3, not 1
			const [next] = await target.store.query<{ id: number }>(
				`INSERT INTO audit_log (at, action, target) VALUES (now(), 'x', 'y') RETURNING id::int AS id`
			);
			expect(next.id).toBe(3);
		} finally {
			await target.close();
		}
	});

	it('refuses a store that holds data, and leaves it as it was', async () => {
		const error = await restoreBackup(source.store, backup).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BackupRefused);
		expect(String(error)).toMatch(/not empty \(users has 5 rows\)/);
		expect((await everyRow(source.store)).round_answers).toHaveLength(3);
	});

	it('refuses a backup from a newer Integra, and a file that is not a backup', async () => {
		const newer = { ...backup, migrations: [...backup.migrations, '9999'] };
		// checked before the store is touched, so any store will do
		await expect(restoreBackup(source.store, newer)).rejects.toThrow(/migration 9999/);
		expect(() => parseBackup('{"rows": []}')).toThrow(/not an Integra backup/);
		expect(() => parseBackup('DROP TABLE users;')).toThrow(/not JSON/);
		const partial = { ...backup.tables } as Partial<Backup['tables']>;
		delete partial.round_answers;
		expect(() => parseBackup(JSON.stringify({ ...backup, tables: partial }))).toThrow(
			/round_answers is missing/
		);
	});

	it('knows every table of the schema (a new one must be backed up or left out on purpose)', async () => {
		await source.store.exec('CREATE TABLE forgotten (x int)');
		try {
			await expect(takeBackup(source.store)).rejects.toThrow(/forgotten/);
		} finally {
			await source.store.exec('DROP TABLE forgotten');
		}
	});

	it.skipIf(!pg.available)('restores the same backup into an empty PostgreSQL', async () => {
		const store = openPostgres(pg.urlOf(await pg.createDatabase()));
		try {
			await restoreBackup(store, backup);
			expect(await everyRow(store)).toEqual(await everyRow(source.store));
			// and a backup of it is the same file's tables
			expect((await takeBackup(store)).tables).toEqual(backup.tables);
		} finally {
			await store.close();
		}
	});
});
