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
		throw damaged(config.dataDir, error);
	}
}

/**
 * PGlite's only words for a folder it cannot start from are "failed to initialize" or a
 * wasm abort.
 * Seen after a process writing to it was killed (it has no reliable crash recovery):
 * say what happened and the way out, with the cause kept.
 */
function damaged(dataDir: string, error: unknown): unknown {
	if (!(error instanceof Error) || !/failed to initialize|Aborted\(\)/i.test(error.message))
		return error;
	return new Error(
		`The embedded database in ${dataDir} cannot be opened: its folder is damaged, most likely ` +
			'because a process using it was killed. Move the folder aside and restore your latest ' +
			'backup into a new one: INTEGRA_DATA_DIR=NEW_FOLDER npm run db -- restore BACKUP.json',
		{ cause: error }
	);
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
	if (!current) closeOnShutdown();
	current ??= openStore(storeConfig()).catch((error) => {
		current = null;
		throw error;
	});
	return current;
}

let shutdownHooked = false;

/**
 * adapter-node emits `sveltekit:shutdown` on SIGTERM or SIGINT, once the last request has
 * been answered. Closing the store then lets PGlite write a clean shutdown: a process that
 * just ends leaves its folder to crash recovery, which PGlite does not always get through.
 */
function closeOnShutdown(): void {
	if (shutdownHooked) return;
	shutdownHooked = true;
	process.once('sveltekit:shutdown', () => {
		void current?.then((store) => store.close()).catch(() => {});
	});
}
