import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lockFolder } from './folder-lock';
import { migrate } from './migrate';
import { openEmbedded, openPostgres, type Store } from './store';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts, seedDemoRounds } from './seed';

export interface StoreConfig {
	/** a real PostgreSQL (`DATABASE_URL`); without it, PGlite in `dataDir` */
	databaseUrl: string | null;
	/** `INTEGRA_DATA_DIR`, default `./.integra` */
	dataDir: string;
	/** the demo CSVs the embedded store is seeded from on first start */
	demoDataDir: string;
}

export function storeConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
	return {
		databaseUrl: env.DATABASE_URL || null,
		dataDir: resolve(env.INTEGRA_DATA_DIR || '.integra'),
		demoDataDir: resolve(env.INTEGRA_REFERENCE_DIR || 'data')
	};
}

/**
 * Opens the store and brings its schema up to date. The embedded store,
 * created now, is seeded with the demo rounds and one demo account per role
 * (printed here, and in the README); a real PostgreSQL gets no account.
 */
export async function openStore(
	config: StoreConfig,
	log: (line: string) => void = console.log
): Promise<Store> {
	const store = await openBareStore(config);
	try {
		const applied = await migrate(store);
		for (const name of applied) log(`Integra: migration ${name} applied.`);
		if (store.kind === 'embedded' && (await isEmpty(store))) {
			const rounds = await seedDemoRounds(store, config.demoDataDir);
			await seedDemoAccounts(store, new Date());
			log(`Integra: new embedded database in ${config.dataDir}, with ${rounds} demo rounds.`);
			log(`Integra: demo accounts (demo only; password «${DEMO_PASSWORD}»):`);
			for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(8)} ${a.email}`);
		}
	} catch (error) {
		await store.close().catch(() => {});
		throw error;
	}
	return store;
}

/**
 * The store as it is: no migration applied, no seed (what a restore starts from).
 * An embedded one is locked for this process until it is closed (folder-lock.ts).
 */
export async function openBareStore(config: StoreConfig): Promise<Store> {
	if (config.databaseUrl) return openPostgres(config.databaseUrl);
	mkdirSync(config.dataDir, { recursive: true });
	const unlock = lockFolder(config.dataDir);
	try {
		const store = await openEmbedded(config.dataDir);
		return {
			...store,
			async close() {
				try {
					await store.close();
				} finally {
					unlock();
				}
			}
		};
	} catch (error) {
		unlock();
		throw error;
	}
}

/** No account and no round yet: a store never seeded (or whose seed failed half-way: nothing stays, it is one transaction per part). */
async function isEmpty(store: Store): Promise<boolean> {
	const [row] = await store.query<{ n: number }>(
		'SELECT ((SELECT count(*) FROM users) + (SELECT count(*) FROM rounds))::int AS n'
	);
	return row.n === 0;
}

let current: Promise<Store> | null = null;

/**
 * The server's one store, opened on first use. If the database cannot be
 * reached, this request fails with StoreUnavailable and the next one tries
 * again, so the server recovers on its own when PostgreSQL comes back.
 */
export function serverStore(): Promise<Store> {
	current ??= openStore(storeConfig()).catch((error) => {
		current = null;
		throw error;
	});
	return current;
}
