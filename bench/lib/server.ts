import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free port on 127.0.0.1 (adapter-node takes a fixed PORT). */
function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const s = createServer();
		s.on('error', fail);
		s.listen(0, '127.0.0.1', () => {
			const address = s.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			s.close(() => done(port));
		});
	});
}

/**
 * The Integra server built in `dir` (adapter-node), on a new embedded store
 * seeded with the demo data (its own data folder, removed on close). Its
 * first request opens and seeds the store: that happens here, before any
 * page is measured, as on a server that has been running.
 */
export async function startServer(dir: string): Promise<{ url: string; close(): Promise<void> }> {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'integra-bench-store-'));
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn('node', [join(dir, 'index.js')], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			INTEGRA_DATA_DIR: dataDir,
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const close = async () => {
		child.kill();
		await new Promise((r) => child.once('exit', r));
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		const deadline = Date.now() + 120_000;
		for (;;) {
			// the observatory and a profile: the store opened, the published engine loaded
			const ok = await fetch(`${url}/`)
				.then(async (r) => r.ok && (await fetch(`${url}/distritos/150101`)).ok)
				.catch(() => false);
			if (ok) break;
			if (Date.now() > deadline) throw new Error('The Integra server did not answer in 120 s');
			await new Promise((r) => setTimeout(r, 250));
		}
	} catch (error) {
		await close();
		throw error;
	}
	return { url, close };
}
