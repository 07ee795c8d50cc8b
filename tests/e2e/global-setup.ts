import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server';

/**
 * Build the app once, both ways: the static site (build-static/, served here on
 * a free localhost port for every end-to-end test file) and the Integra server
 * (build/, which tests start with tests/e2e/server.ts). Skip either build with
 * E2E_SKIP_BUILD=1 when its output is there and fresh.
 */
export default async function setup(project: TestProject) {
	// No precompression (svelte.config.js): ~10 s instead of ~1 min; the tests need no .br/.gz.
	// NODE_ENV: vitest sets `test`, which would build Svelte and SvelteKit in their dev flavour.
	const build = (staticSite: boolean) => {
		const env: NodeJS.ProcessEnv = {
			...process.env,
			INTEGRA_FAST_BUILD: '1',
			NODE_ENV: 'production'
		};
		if (staticSite) env.VITE_INTEGRA_STATIC = '1';
		else delete env.VITE_INTEGRA_STATIC;
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env });
	};
	const skip = !!process.env.E2E_SKIP_BUILD;
	if (!skip || !existsSync('build-static/index.html')) build(true);
	if (!skip || !existsSync('build/index.js')) build(false);
	const { server, url } = await startStaticServer('build-static');
	project.provide('baseUrl', url);
	return () => new Promise<void>((done) => server.close(() => done()));
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
