import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../auth/accounts';
import { assessmentsCsv } from '../published';
import { storeFolder } from '../../../../tests/fixtures/server-store';
import { openBareStore, openStore, storeConfig } from './context';
import { LOCK_FILE } from './folder-lock';
import { readMigrations } from './migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed';

describe('storeConfig', () => {
	it('reads DATABASE_URL, INTEGRA_DATA_DIR and INTEGRA_REFERENCE_DIR, with their defaults', () => {
		expect(storeConfig({})).toEqual({
			databaseUrl: null,
			dataDir: resolve('.integra'),
			demoDataDir: resolve('data')
		});
		expect(
			storeConfig({
				DATABASE_URL: 'postgres://u@h/db',
				INTEGRA_DATA_DIR: '/srv/integra',
				INTEGRA_REFERENCE_DIR: 'ref'
			})
		).toEqual({
			databaseUrl: 'postgres://u@h/db',
			dataDir: '/srv/integra',
			demoDataDir: resolve('ref')
		});
		// an empty DATABASE_URL (as `DATABASE_URL= npm start`) means none
		expect(storeConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
	});
});

describe('openStore on a new embedded store', () => {
	const dir = mkdtempSync(join(tmpdir(), 'integra-context-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const config = { databaseUrl: null, dataDir: join(dir, 'store'), demoDataDir: resolve('data') };

	it('migrates, seeds the demo rounds and accounts, and says so', async () => {
		const logs: string[] = [];
		const store = await openStore(config, (l) => logs.push(l));
		try {
			const csv = readFileSync('data/assessments.csv', 'utf8');
			const rows = Papa.parse<Record<string, string>>(csv, {
				header: true,
				skipEmptyLines: true
			}).data;
			const rounds = new Set(rows.map((r) => `${r.ubigeo}/${r.round}`)).size;
			expect(logs).toEqual([
				...readMigrations().map((m) => `Integra: migration ${m.name} applied.`),
				`Integra: new embedded database in ${config.dataDir}, with ${rounds} demo rounds.`,
				`Integra: demo accounts (demo only; password «${DEMO_PASSWORD}»):`,
				...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(8)} ${a.email}`)
			]);
			// the published assessments are the demo file's rows, each as it was (in key order)
			const published = new TextDecoder().decode(await assessmentsCsv(store, 'published'));
			const sorted = (text: string) =>
				Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
					.data.map((r) => JSON.stringify(r))
					.sort();
			expect(published.split('\n')[0]).toBe(csv.split('\n')[0]);
			expect(sorted(published)).toEqual(sorted(csv));
			const signedIn = await signIn(
				store,
				DEMO_ACCOUNTS[2].email,
				DEMO_PASSWORD,
				'::1',
				new Date()
			);
			expect(signedIn.ok && signedIn.user).toMatchObject({ role: 'official', ubigeos: ['150101'] });
		} finally {
			await store.close();
		}
		// a new data folder's initdb runs in wasm: ~20 s on a quiet 2-core machine, 50 s under load
	}, 120_000);

	it('opens it again as it was: no migration, no second seed', async () => {
		const logs: string[] = [];
		const store = await openStore(config, (l) => logs.push(l));
		try {
			expect(logs).toEqual([]);
			const [n] = await store.query<{ users: number; publications: number }>(
				'SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM publications)::int AS publications'
			);
			expect(n).toEqual({ users: DEMO_ACCOUNTS.length, publications: 1 });
		} finally {
			await store.close();
		}
	});
});

describe('openBareStore on a damaged embedded folder', () => {
	it('says the folder is damaged and how to restore, and leaves it unlocked', async () => {
		const dir = await storeFolder({ migrate: false });
		// what a killed process can leave: a control file PostgreSQL cannot start from
		truncateSync(join(dir, 'global', 'pg_control'), 0);
		try {
			const error = await openBareStore({ databaseUrl: null, dataDir: dir, demoDataDir: 'data' })
				.then(() => null)
				.catch((e: unknown) => e);
			expect(String(error)).toMatch(/folder is damaged.*npm run db -- restore/);
			expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});
