import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StoreUnavailable, type Store } from './store';

/** Where the versioned SQL files live (relative to where the server starts, like the data folder). */
export const MIGRATIONS_DIR = resolve(process.env.INTEGRA_MIGRATIONS_DIR ?? 'db/migrations');

export interface Migration {
	/** `0001`, from the file name `0001_what_it_does.sql` */
	version: string;
	name: string;
	sql: string;
}

/** The migration files in version order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
	return readdirSync(dir)
		.filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
		.sort()
		.map((file) => ({
			version: file.slice(0, 4),
			name: file.replace(/\.sql$/, ''),
			sql: readFileSync(join(dir, file), 'utf8')
		}));
}

export class MigrationFailed extends Error {
	constructor(
		readonly migration: string,
		cause: unknown
	) {
		super(
			`Migration ${migration} failed and was rolled back; the database is as it was before it. ` +
				`Cause: ${cause instanceof Error ? cause.message : String(cause)}`,
			{ cause }
		);
		this.name = 'MigrationFailed';
	}
}

/**
 * Applies the migrations the database has not seen, each in a transaction of
 * its own (PostgreSQL's DDL is transactional): a failed one leaves the
 * database as it was and stops here. Returns the names applied now.
 */
export async function migrate(store: Store, migrations = readMigrations()): Promise<string[]> {
	// under the same lock as the migrations: two servers creating it at once would collide
	await store.transaction(async (tx) => {
		await tx.query('SELECT pg_advisory_xact_lock(4242)');
		await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
			version text PRIMARY KEY,
			name text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`);
	});
	const applied: string[] = [];
	for (const m of migrations) {
		try {
			const done = await store.transaction(async (tx) => {
				// Two servers starting at once: the second waits here, then finds it applied.
				await tx.query('SELECT pg_advisory_xact_lock(4242)');
				const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
					m.version
				]);
				if (seen.length) return false;
				for (const statement of splitStatements(m.sql)) await tx.query(statement);
				await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
					m.version,
					m.name
				]);
				return true;
			});
			if (done) applied.push(m.name);
		} catch (error) {
			// a lost connection is no fault of the migration: the server says 503 and tries again
			if (error instanceof StoreUnavailable) throw error;
			throw new MigrationFailed(m.name, error);
		}
	}
	return applied;
}

/**
 * A migration file as single statements (a parameterless multi-statement
 * string cannot run inside a transaction callback on every driver). Splits on
 * `;` at the end of a line, outside comments; our migrations keep to that.
 */
export function splitStatements(sql: string): string[] {
	const withoutComments = sql.replace(/--[^\n]*/g, '');
	return withoutComments
		.split(/;\s*(?:\n|$)/)
		.map((s) => s.trim())
		.filter(Boolean);
}
