/**
 * The Integra server's store, from the command line:
 *
 *   npm run db -- migrate              apply the migrations not yet applied
 *   npm run db -- export [DIR] [--all] write the published datasets as the contract's CSV files
 *                                      (default DIR: <INTEGRA_DATA_DIR>/published; also --out DIR);
 *                                      the static build (npm run build:static) reads them. With
 *                                      --all, every round at its latest version, published or not
 *   npm run db -- seed-demo            store the demo rounds as published (an empty PostgreSQL)
 *   npm run db -- backup FILE          every row of the store, in one consistent snapshot, as JSON
 *                                      (PostgreSQL: while the server runs; embedded: stop it first,
 *                                      or download the backup from /admin)
 *   npm run db -- restore FILE         a backup into an empty store (a new INTEGRA_DATA_DIR, or an
 *                                      empty PostgreSQL database)
 *
 * Same store as the server: DATABASE_URL, else the embedded one in INTEGRA_DATA_DIR.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBackup, restoreBackup, takeBackup } from '../src/lib/server/db/backup';
import { openBareStore, storeConfig } from '../src/lib/server/db/context';
import { migrate } from '../src/lib/server/db/migrate';
import { seedDemoRounds } from '../src/lib/server/db/seed';
import { viewFiles } from '../src/lib/server/published';
import { runScript, withStore } from './store-script';

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { out: { type: 'string' }, all: { type: 'boolean' } }
	});
	const command = positionals[0];
	const config = storeConfig();
	const file = positionals[1];
	const needsFile = command === 'backup' || command === 'restore';
	if (
		!['migrate', 'export', 'seed-demo', 'backup', 'restore'].includes(command) ||
		(needsFile && !file)
	) {
		console.error(
			'Usage: npm run db -- migrate | export [DIR] [--all] | seed-demo | backup FILE | restore FILE'
		);
		return 2;
	}
	if (command === 'restore') return restore(file);
	return withStore(config, async (store) => {
		if (command === 'backup') {
			const backup = await takeBackup(store);
			// written beside, then renamed: a backup cut short never looks like a whole one
			// it holds password hashes: readable by its owner only
			writeFileSync(`${file}.partial`, JSON.stringify(backup), { mode: 0o600 });
			renameSync(`${file}.partial`, file);
			console.log(`Backup written to ${file}: ${summary(backup.tables)}.`);
		} else if (command === 'migrate') {
			const more = await migrate(store);
			console.log(more.length ? `Applied: ${more.join(', ')}` : 'The database is up to date.');
		} else if (command === 'export') {
			const out = values.out ?? file ?? join(config.dataDir, 'published');
			const view = values.all ? 'in-progress' : 'published';
			mkdirSync(out, { recursive: true });
			for (const f of await viewFiles(store, view, config.demoDataDir))
				writeFileSync(join(out, f.fileName), f.bytes);
			console.log(
				`${values.all ? 'Every round at its latest version' : 'Published datasets'} written to ${out}`
			);
		} else {
			const [{ n }] = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM rounds');
			if (n > 0) {
				console.error(`The database already holds ${n} rounds; the demo rounds were not added.`);
				return 1;
			}
			console.log(
				`${await seedDemoRounds(store, config.demoDataDir)} demo rounds stored as published.`
			);
		}
		return 0;
	});
}

/** Restores FILE into the configured store, which must hold no data. */
async function restore(file: string): Promise<number> {
	const backup = parseBackup(readFileSync(file, 'utf8'));
	const store = await openBareStore(storeConfig());
	try {
		const counts = await restoreBackup(store, backup);
		console.log(`Restored from ${file} (taken ${backup.taken_at}): ${summary(counts)}.`);
		return 0;
	} finally {
		await store.close();
	}
}

/** "users 4, rounds 69, …": rows per table. */
function summary(tables: Record<string, unknown[] | number>): string {
	return Object.entries(tables)
		.map(([name, rows]) => `${name} ${typeof rows === 'number' ? rows : rows.length}`)
		.join(', ');
}

runScript(main);
