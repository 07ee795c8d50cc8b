/**
 * The Integra server's store, from the command line:
 *
 *   npm run db -- migrate              apply the migrations not yet applied
 *   npm run db -- export [--out DIR]   write the published datasets as the contract's CSV files
 *                                      (default DIR: <INTEGRA_DATA_DIR>/published); the static
 *                                      build (npm run build:static) reads them
 *   npm run db -- seed-demo            store the demo rounds as published (an empty PostgreSQL)
 *
 * Same store as the server: DATABASE_URL, else the embedded one in INTEGRA_DATA_DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { storeConfig } from '../src/lib/server/db/context';
import { migrate } from '../src/lib/server/db/migrate';
import { seedDemoRounds } from '../src/lib/server/db/seed';
import { viewFiles } from '../src/lib/server/published';
import { runScript, withStore } from './store-script';

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { out: { type: 'string' } }
	});
	const command = positionals[0];
	const config = storeConfig();
	if (!['migrate', 'export', 'seed-demo'].includes(command)) {
		console.error('Usage: npm run db -- migrate | export [--out DIR] | seed-demo');
		return 2;
	}
	return withStore(config, async (store) => {
		if (command === 'migrate') {
			const more = await migrate(store);
			console.log(more.length ? `Applied: ${more.join(', ')}` : 'The database is up to date.');
		} else if (command === 'export') {
			const out = values.out ?? join(config.dataDir, 'published');
			mkdirSync(out, { recursive: true });
			for (const f of await viewFiles(store, 'published', config.demoDataDir))
				writeFileSync(join(out, f.fileName), f.bytes);
			console.log(`Published datasets written to ${out}`);
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

runScript(main);
