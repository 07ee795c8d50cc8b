/**
 * `npm run build:static`: the public observatory as plain files (build-static/),
 * for hosting without a server. Its data are the store's **published** data
 * (exported first with `npm run db -- export`); a machine without a store
 * gets a new embedded one, seeded with the demo data, so the demo site.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { storeConfig } from '../src/lib/server/db/context';

const dir = join(storeConfig().dataDir, 'published');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
	execFileSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });

run(['tsx', 'scripts/db.ts', 'export', '--out', dir]);
run(['vite', 'build'], {
	VITE_INTEGRA_STATIC: '1',
	INTEGRA_STATIC_DATA_DIR: dir,
	NODE_ENV: 'production'
});
console.log('Static site in build-static/ (serve it with npm run serve:static).');
