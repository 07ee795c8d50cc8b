import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server';

/**
 * Build the app once (skip with E2E_SKIP_BUILD=1 when build-static/ is fresh) and
 * serve it on a free localhost port for every end-to-end test file.
 */
export default async function setup(project: TestProject) {
	if (!process.env.E2E_SKIP_BUILD || !existsSync('build-static/index.html')) {
		// No precompression (svelte.config.js): ~10 s instead of ~1 min; the tests need no .br/.gz.
		// NODE_ENV: vitest sets `test`, which would build Svelte and SvelteKit in their dev flavour.
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
			stdio: 'inherit',
			env: { ...process.env, INTEGRA_FAST_BUILD: '1', VITE_INTEGRA_STATIC: '1', NODE_ENV: 'production' }
		});
	}
	const { server, url } = await startStaticServer('build-static');
	project.provide('baseUrl', url);
	return () => new Promise<void>((done) => server.close(() => done()));
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
