/**
 * The built Integra server (adapter-node, build/ — tests/e2e/global-setup.ts
 * builds it) as a child process of a test file, on a free port of 127.0.0.1,
 * with its own embedded store in a temporary data folder: a copy of a store
 * made once per run as the server makes it on first start (migrated, seeded
 * with the demo rounds and accounts), since making one takes ~16 s of CPU and
 * opening a copy ~2 s. One per test file: each gets its own copy to change.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { openStore } from '../../src/lib/server/db/context';
import { copyOfTemplate } from '../fixtures/store-template';

export interface IntegraServer {
	/** `http://127.0.0.1:PORT`, also the server's ORIGIN */
	url: string;
	/** the data folder of its embedded store */
	dataDir: string;
	/** everything it wrote to stdout and stderr so far, by line */
	logs: string[];
	/** stops it (and removes the data folder if this helper made it) */
	stop(): Promise<void>;
}

/** The demo accounts of a fresh embedded store (src/lib/server/db/seed.ts): demo use only. */
export const DEMO = {
	password: 'integra-demo',
	admin: 'admin@integra.demo',
	uim: 'uim@integra.demo',
	official: 'funcionario@integra.demo', // 150101
	analyst: 'analista@integra.demo'
} as const;

/**
 * A new data folder holding the embedded store the server makes on its first
 * start (openStore: the migrations, the demo rounds and accounts), as a copy.
 */
export function seededDataDir(): Promise<string> {
	return copyOfTemplate('seeded-store', async (dir) => {
		const store = await openStore(
			{ databaseUrl: null, dataDir: dir, demoDataDir: resolve('data') },
			() => {}
		);
		await store.close();
	});
}

/** A free TCP port on 127.0.0.1 (adapter-node takes no PORT=0). */
export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});
}

export async function startIntegraServer(
	opts: { dataDir?: string; env?: Record<string, string | undefined> } = {}
): Promise<IntegraServer> {
	if (!existsSync('build/index.js'))
		throw new Error('build/index.js is missing: the e2e global set-up builds it (vite build).');
	const ownDir = !opts.dataDir;
	const dataDir = opts.dataDir ?? (await seededDataDir());
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env: Record<string, string | undefined> = {
		...process.env,
		// the embedded store unless a test asks for a PostgreSQL
		DATABASE_URL: undefined,
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: url,
		INTEGRA_DATA_DIR: dataDir,
		...opts.env
	};
	for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
	const child: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: env as NodeJS.ProcessEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const logs: string[] = [];
	let exited: number | null = null;
	const exit = new Promise<void>((done) =>
		child.once('exit', (code, signal) => {
			exited = code ?? (signal ? 128 : 0);
			done();
		})
	);
	for (const stream of [child.stdout!, child.stderr!]) {
		let rest = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			const lines = (rest + chunk).split('\n');
			rest = lines.pop()!;
			logs.push(...lines);
		});
	}

	async function stop() {
		if (exited === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exit;
			clearTimeout(timer);
		}
		if (ownDir) rmSync(dataDir, { recursive: true, force: true });
	}

	// Ready once it answers, and its store is open (the first request opens it: migrations, the seed).
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (exited !== null) {
			await stop();
			throw new Error(
				`The Integra server exited (${exited}) before answering:\n${logs.join('\n')}`
			);
		}
		try {
			const res = await fetch(`${url}/api/rounds?state=published`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`The Integra server did not answer within 120 s:\n${logs.join('\n')}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { url, dataDir, logs, stop };
}
