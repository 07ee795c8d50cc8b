import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderInUse, LOCK_FILE, lockFolder } from './folder-lock';

describe('lockFolder', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'integra-lock-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	const holdBy = (pid: number, lockedDir = dir) =>
		writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, dir: lockedDir }));

	it('takes a free folder and gives it back', () => {
		const unlock = lockFolder(dir);
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
		unlock();
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	});

	it('refuses a folder a living process holds, naming it, and leaves its lock alone', () => {
		// the test runner's parent process: alive for as long as this test runs
		holdBy(process.ppid);
		const error = (() => {
			try {
				lockFolder(dir);
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(FolderInUse);
		expect(String(error)).toContain(`in use by process ${process.ppid}`);
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.ppid);
	});

	it('takes over a lock whose process is gone, or that was copied from another folder', () => {
		const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
		const holder = () => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid;
		holdBy(gone);
		const unlock = lockFolder(dir);
		expect(holder()).toBe(process.pid);
		unlock();
		holdBy(process.ppid, '/somewhere/else');
		lockFolder(dir);
		expect(holder()).toBe(process.pid);
	});
});
