import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const OUT = resolve('bench/.out');
export const APP = join(OUT, 'app');
export const BASELINE = join(OUT, 'baseline');
export const SERVER = join(OUT, 'server');
export const HARNESS = join(OUT, 'harness');
export const DATA = join(OUT, 'data');

function vite(args: string[], env: Record<string, string>) {
	execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', ...args], {
		stdio: ['ignore', 'inherit', 'inherit'],
		// the bench measures the static site (the server's pages: bench/README.md)
		env: { ...process.env, VITE_INTEGRA_STATIC: '1', ...env }
	});
}

/**
 * The four builds, each in its own directory (build/ and .svelte-kit/ are
 * left alone, so the bench can run beside the e2e suite):
 * - app: `npm run build`'s build (precompressed, service worker);
 * - baseline: the same app with VITE_INTEGRA_BASELINE=1: no prerendered rows
 *   (every chart waits for DuckDB and its queries), the engine started at
 *   mount rather than when idle, no service worker; the same precompression;
 * - server: the Integra server (`npm start`'s build: adapter-node, precompressed);
 * - harness: bench/harness, the import page (never part of the app).
 * The second build reuses the first's compressed wasm (cached by content).
 */
export function buildAll(log: (s: string) => void): Record<string, number> {
	const times: Record<string, number> = {};
	const timed = (name: string, work: () => void) => {
		const t0 = Date.now();
		work();
		times[name] = Date.now() - t0;
		log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	};
	timed('app', () =>
		vite([], {
			INTEGRA_BUILD_DIR: 'bench/.out/app',
			INTEGRA_KIT_DIR: 'bench/.out/kit-app',
			INTEGRA_FAST_BUILD: '',
			VITE_INTEGRA_BASELINE: ''
		})
	);
	timed('baseline', () =>
		vite([], {
			INTEGRA_BUILD_DIR: 'bench/.out/baseline',
			INTEGRA_KIT_DIR: 'bench/.out/kit-baseline',
			INTEGRA_FAST_BUILD: '',
			VITE_INTEGRA_BASELINE: '1'
		})
	);
	timed('server', () =>
		vite([], {
			INTEGRA_BUILD_DIR: 'bench/.out/server',
			INTEGRA_KIT_DIR: 'bench/.out/kit-server',
			INTEGRA_FAST_BUILD: '',
			VITE_INTEGRA_BASELINE: '',
			// the Integra server (adapter-node): pages rendered per request from the store
			VITE_INTEGRA_STATIC: ''
		})
	);
	timed('harness', () => buildHarness());
	linkData();
	return times;
}

/** The import page alone (all `--only=import` needs: it builds in seconds, the app in minutes). */
export function buildHarness() {
	// The page's TypeScript extends .svelte-kit/tsconfig.json, which the app's build writes.
	execFileSync('npx', ['svelte-kit', 'sync'], { stdio: ['ignore', 'inherit', 'inherit'] });
	vite(['--config', 'bench/harness/vite.config.ts'], {});
	linkData();
}

/** The harness serves the generated files from data/. */
export function linkData() {
	const link = join(HARNESS, 'data');
	rmSync(link, { force: true }); // the link itself, not what it points to
	symlinkSync(DATA, link, 'dir');
}

export function built(dirs = [APP, BASELINE, HARNESS, SERVER]): boolean {
	// a static build has index.html; the server's build, index.js
	return dirs.every((d) => existsSync(join(d, 'index.html')) || existsSync(join(d, 'index.js')));
}
