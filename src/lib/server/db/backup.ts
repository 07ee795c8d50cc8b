/**
 * A backup of the Integra store that reads back on either store (PGlite or
 * PostgreSQL): every row of every table of Integra's schema, as JSON, taken
 * in one read-only snapshot so a server that keeps writing meanwhile still
 * gives a consistent file. PostgreSQL's own JSON conversion writes and reads
 * the values (`json_agg`, `json_populate_recordset`), so timestamps keep
 * their microseconds, arrays stay arrays and bigints stay exact.
 */
import { migrate, readMigrations, type Migration } from './migrate';
import type { Queryable, Store } from './store';

export const BACKUP_FORMAT = 'integra-backup';
export const BACKUP_VERSION = 1;

/**
 * The tables a backup holds, in the order a restore inserts them (a table
 * after those it references).
 */
export const BACKED_UP_TABLES = [
	'users',
	'publications',
	'rounds',
	'round_versions',
	'round_answers',
	'round_events',
	'round_comments',
	'audit_log',
	'action_items',
	'action_item_versions',
	'logged_activities'
] as const;

/**
 * Left out on purpose: the migrations' own bookkeeping (a restore applies them),
 * open sessions and failed sign-ins (after a restore everyone signs in again).
 */
export const NOT_BACKED_UP_TABLES = ['schema_migrations', 'sessions', 'sign_in_failures'];

export type BackupRow = Record<string, unknown>;

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	/** When the snapshot was taken (the database's clock). */
	taken_at: string;
	/** The migrations applied to the database it was taken from. */
	migrations: string[];
	tables: Record<string, BackupRow[]>;
}

/** The restore cannot go ahead; the message says why, for the person running it. */
export class BackupRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupRefused';
	}
}

/** Rows in a fixed order (by their JSON text), so two backups of the same data are equal. */
const selectRows = (table: string) =>
	`SELECT coalesce(json_agg(t ORDER BY to_jsonb(t)::text), '[]'::json) AS rows FROM ${table} t`;

/** Every table of the schema, except the migrations' bookkeeping. */
async function schemaTables(db: Queryable): Promise<string[]> {
	const rows = await db.query<{ name: string }>(
		`SELECT table_name AS name FROM information_schema.tables
		 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`
	);
	return rows.map((r) => r.name);
}

/**
 * Reads the whole store in one REPEATABLE READ, READ ONLY transaction. A table of
 * the schema that is neither backed up nor left out on purpose is an error, so a
 * new migration's table cannot be forgotten silently.
 */
export async function takeBackup(store: Store): Promise<Backup> {
	return store.transaction(async (tx) => {
		await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
		// timestamps written in UTC, whatever the server's zone: the same data, the same file
		await tx.query("SET LOCAL TIME ZONE 'UTC'");
		const unknown = (await schemaTables(tx)).filter(
			(t) =>
				!(BACKED_UP_TABLES as readonly string[]).includes(t) && !NOT_BACKED_UP_TABLES.includes(t)
		);
		if (unknown.length)
			throw new Error(`The backup does not know the table(s) ${unknown.join(', ')} (backup.ts).`);
		const [{ now }] = await tx.query<{ now: string }>(
			`SELECT to_json(now())#>>'{}' AS now` // as text: the same on both drivers
		);
		const migrations = await tx.query<{ version: string }>(
			'SELECT version FROM schema_migrations ORDER BY version'
		);
		const tables: Record<string, BackupRow[]> = {};
		for (const table of BACKED_UP_TABLES) {
			const [row] = await tx.query<{ rows: BackupRow[] }>(selectRows(table));
			tables[table] = row.rows;
		}
		return {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			taken_at: now,
			migrations: migrations.map((m) => m.version),
			tables
		};
	});
}

/** Reads a backup file's text, refusing anything that is not one this code can restore. */
export function parseBackup(text: string): Backup {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new BackupRefused('The file is not an Integra backup (it is not JSON).');
	}
	const b = value as Partial<Backup> | null;
	if (!b || b.format !== BACKUP_FORMAT)
		throw new BackupRefused('The file is not an Integra backup (no "integra-backup" format).');
	if (b.version !== BACKUP_VERSION)
		throw new BackupRefused(
			`The backup is of format version ${String(b.version)}; this Integra reads version ${BACKUP_VERSION}.`
		);
	if (!Array.isArray(b.migrations) || typeof b.tables !== 'object' || b.tables === null)
		throw new BackupRefused('The backup is incomplete (no migrations or tables).');
	for (const table of BACKED_UP_TABLES)
		if (!Array.isArray(b.tables[table]))
			throw new BackupRefused(`The backup is incomplete: table ${table} is missing.`);
	return b as Backup;
}

/** The columns that take their value from a sequence (`bigserial`). */
async function serialColumns(db: Queryable): Promise<{ table: string; column: string }[]> {
	return db.query(
		`SELECT table_name AS table, column_name AS column FROM information_schema.columns
		 WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'
		 ORDER BY 1, 2`
	);
}

/** Rows per INSERT: one JSON parameter each, a few MB at most. */
const BATCH = 2_000;

/**
 * Restores `backup` into a store that holds no data: applies the migrations up to
 * the backup's, inserts every row in one transaction, moves each id sequence past
 * the restored ids, then applies the newer migrations. A store with data in it is
 * refused, and so is a backup from a newer Integra (a migration this code lacks).
 * Returns the rows restored per table.
 */
export async function restoreBackup(
	store: Store,
	backup: Backup,
	known: Migration[] = readMigrations()
): Promise<Record<string, number>> {
	const knownVersions = new Set(known.map((m) => m.version));
	const newer = backup.migrations.filter((v) => !knownVersions.has(v));
	if (newer.length)
		throw new BackupRefused(
			`The backup comes from a newer Integra (migration ${newer.join(', ')}): update Integra first.`
		);
	const last = backup.migrations.at(-1) ?? '';
	await migrate(
		store,
		known.filter((m) => m.version <= last)
	);
	const counts: Record<string, number> = {};
	await store.transaction(async (tx) => {
		for (const table of BACKED_UP_TABLES) {
			const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
			if (n > 0)
				throw new BackupRefused(
					`The database is not empty (${table} has ${n} rows): restore into an empty database.`
				);
		}
		for (const table of BACKED_UP_TABLES) {
			const rows = backup.tables[table];
			for (let i = 0; i < rows.length; i += BATCH)
				await tx.query(
					`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
					[JSON.stringify(rows.slice(i, i + BATCH))]
				);
			counts[table] = rows.length;
		}
		// the next id the server makes must not collide with a restored one
		for (const { table, column } of await serialColumns(tx))
			await tx.query(
				`SELECT setval(pg_get_serial_sequence($1, $2), (SELECT coalesce(max(${column}), 0) + 1 FROM ${table}), false)`,
				[table, column]
			);
	});
	await migrate(store, known);
	return counts;
}
