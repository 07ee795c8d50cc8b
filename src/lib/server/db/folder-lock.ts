/**
 * One process at a time on an embedded store's folder. PGlite holds the
 * database in its own memory and writes the folder back as it goes: a second
 * process opening the same folder (a command-line script while the server
 * runs, two servers) works on another copy, and whichever writes last wins,
 * or leaves a folder neither can read. A lock file names the process that
 * holds the folder; one left by a process that is gone is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'integra.lock';

export class FolderInUse extends Error {
	constructor(
		readonly dir: string,
		readonly pid: number
	) {
		super(
			`The embedded database in ${dir} is in use by process ${pid} (an Integra server?). ` +
				'Stop that process first. For a backup while the server runs, download it from /admin ' +
				'(Copia de seguridad), or use PostgreSQL (DATABASE_URL).'
		);
		this.name = 'FolderInUse';
	}
}

interface Holder {
	pid: number;
	/** The folder it locked: a lock file copied with the folder to elsewhere does not count. */
	dir: string;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists, under another user
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readHolder(path: string): Holder | null {
	try {
		const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
		return typeof h.pid === 'number' && typeof h.dir === 'string' ? (h as Holder) : null;
	} catch {
		return null;
	}
}

/**
 * Takes the folder for this process, or throws FolderInUse naming the process
 * that has it. Returns the function that gives it back.
 */
export function lockFolder(folder: string): () => void {
	const dir = resolve(folder);
	const path = join(dir, LOCK_FILE);
	const me: Holder = { pid: process.pid, dir };
	for (let attempt = 0; ; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, JSON.stringify(me));
			closeSync(fd);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
			const holder = readHolder(path);
			if (holder && holder.dir === dir && holder.pid !== process.pid && alive(holder.pid))
				throw new FolderInUse(dir, holder.pid);
			// left by a process that is gone (or copied from another folder): take it over
			rmSync(path, { force: true });
		}
	}
	return () => {
		if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
	};
}
