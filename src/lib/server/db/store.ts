import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** A row as PostgreSQL returns it (bigint columns come back as strings: cast in SQL). */
export type DbRow = Record<string, unknown>;

/** What Integra asks of its store: the same SQL, with `$1` parameters, on PGlite or PostgreSQL. */
export interface Queryable {
	query<T = DbRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Store extends Queryable {
	/** 'embedded' (PGlite in a data folder) or 'postgres' (DATABASE_URL). */
	readonly kind: 'embedded' | 'postgres';
	/** Several statements, no parameters (migrations). */
	exec(sql: string): Promise<void>;
	/** All or nothing: an error inside rolls everything back and is thrown again. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/**
 * The store could not be reached (PostgreSQL stopped, network down): the
 * request gets a 503, and the next one tries again.
 */
export class StoreUnavailable extends Error {
	constructor(cause: unknown) {
		super('The database cannot be reached', { cause });
		this.name = 'StoreUnavailable';
	}
}

// Connection failures (node-postgres and PostgreSQL's own "shutting down" codes).
const UNAVAILABLE_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EHOSTUNREACH',
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now
	'08000',
	'08003',
	'08006'
]);

function unavailable(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as { code?: string }).code;
	if (code && UNAVAILABLE_CODES.has(code)) return true;
	return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
		error.message
	);
}

/** Rethrow connection failures as StoreUnavailable, anything else as it is. */
function translate(error: unknown): never {
	throw unavailable(error) ? new StoreUnavailable(error) : error;
}

/** The embedded store: PostgreSQL compiled to wasm, in a folder (`./.integra` by default). */
export async function openEmbedded(dataDir: string): Promise<Store> {
	const db = await PGlite.create(dataDir);
	return {
		kind: 'embedded',
		async query<T = DbRow>(sql: string, params: readonly unknown[] = []) {
			return (await db.query<T>(sql, params as unknown[])).rows;
		},
		async exec(sql) {
			await db.exec(sql);
		},
		transaction(fn) {
			return db.transaction((tx) =>
				fn({
					async query<T = DbRow>(sql: string, params: readonly unknown[] = []) {
						return (await tx.query<T>(sql, params as unknown[])).rows;
					}
				})
			);
		},
		close: () => db.close()
	};
}

/** A real PostgreSQL server (`DATABASE_URL`). */
export function openPostgres(url: string, opts: { max?: number } = {}): Store {
	const pool = new pg.Pool({
		connectionString: url,
		max: opts.max ?? 10,
		connectionTimeoutMillis: 5_000,
		idleTimeoutMillis: 30_000
	});
	// An idle client whose server went away must not take the process down;
	// the next query gets a fresh connection or a StoreUnavailable.
	pool.on('error', () => {});
	return {
		kind: 'postgres',
		async query<T = DbRow>(sql: string, params: readonly unknown[] = []) {
			try {
				return (await pool.query(sql, params as unknown[])).rows as T[];
			} catch (error) {
				translate(error);
			}
		},
		async exec(sql) {
			try {
				await pool.query(sql);
			} catch (error) {
				translate(error);
			}
		},
		async transaction(fn) {
			const client = await pool.connect().catch(translate);
			// A checked-out client whose connection drops between two queries emits
			// 'error' (the pool listens only to idle ones): unheard, it would end the
			// process. The next query on it fails and says so.
			const onError = () => {};
			client.on('error', onError);
			let broken = false;
			try {
				await client.query('BEGIN');
				const result = await fn({
					async query<T = DbRow>(sql: string, params: readonly unknown[] = []) {
						return (await client.query(sql, params as unknown[])).rows as T[];
					}
				});
				await client.query('COMMIT');
				return result;
			} catch (error) {
				broken = unavailable(error);
				if (!broken) await client.query('ROLLBACK').catch(() => {});
				translate(error);
			} finally {
				// a broken connection is destroyed, not handed to the next request
				client.off('error', onError);
				client.release(broken || undefined);
			}
		},
		close: () => pool.end()
	};
}
