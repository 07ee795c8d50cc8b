/**
 * `npm run db -- backup | restore | export`, as a person runs them: a backup
 * of the demo store restores into an empty folder, whose export has every
 * assessment of data/assessments.csv; a folder another process holds is refused.
 * (Restoring into a store with data is refused too: src/lib/server/db/backup.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDataDir } from '../tests/e2e/server';
import { storeFolder } from '../tests/fixtures/server-store';
import { lockFolder } from '../src/lib/server/db/folder-lock';

function db(dataDir: string, ...args: string[]) {
	const run = spawnSync('node_modules/.bin/tsx', ['scripts/db.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, INTEGRA_DATA_DIR: dataDir, DATABASE_URL: '' }
	});
	return { status: run.status, out: run.stdout, err: run.stderr };
}

const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');

describe('npm run db', () => {
	let work: string;
	let seeded: string;
	const folders: string[] = [];

	beforeAll(async () => {
		work = mkdtempSync(join(tmpdir(), 'integra-db-cli-'));
		seeded = await seededDataDir();
	});
	afterAll(() => {
		rmSync(work, { recursive: true, force: true });
		for (const dir of [seeded, ...folders]) rmSync(dir, { recursive: true, force: true });
	});

	it('backs up, restores into a new folder, and exports what it restored', async () => {
		const file = join(work, 'backup.json');
		const backup = db(seeded, 'backup', file);
		expect(backup.status, backup.err).toBe(0);
		// the demo store: 69 rounds, one answer per row of data/assessments.csv
		expect(backup.out).toContain('rounds 69,');
		expect(backup.out).toContain(`round_answers ${lines('data/assessments.csv').length - 1},`);
		// it holds password hashes: its owner's only
		expect(statSync(file).mode & 0o777).toBe(0o600);

		// an empty store's folder (a copy: making one runs initdb, ~10 s)
		const restored = await storeFolder({ migrate: false });
		folders.push(restored);
		const restore = db(restored, 'restore', file);
		expect(restore.status, restore.err).toBe(0);
		expect(restore.out).toContain('rounds 69,');

		const exported = join(work, 'export');
		const exportRun = db(restored, 'export', exported, '--all');
		expect(exportRun.status, exportRun.err).toBe(0);
		const header = (rows: string[]) => rows[0];
		const demo = lines('data/assessments.csv');
		const out = lines(join(exported, 'assessments.csv'));
		expect(header(out)).toBe(header(demo));
		expect(out.slice(1).sort()).toEqual(demo.slice(1).sort());
	}, 180_000);

	it('refuses a folder another process holds, saying which', () => {
		const unlock = lockFolder(seeded);
		try {
			// this test's process holds it; the command runs in another
			const run = db(seeded, 'backup', join(work, 'refused.json'));
			expect(run.status).toBe(1);
			expect(run.err).toContain(`is in use by process ${process.pid}`);
		} finally {
			unlock();
		}
	}, 60_000);
});
