import { spawn } from 'node:child_process';
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
	// `E2E_SKIP_BUILD=0` (or empty) builds, as anyone reading it would expect.
	const skip = !['', '0', undefined].includes(process.env.E2E_SKIP_BUILD);
	// The two builds run side by side: each has its own Kit folder (INTEGRA_KIT_DIR), so
	// neither overwrites the other's generated files, and most of a build waits on one core.
	await Promise.all([
		skip && existsSync('build-static/index.html') ? null : build(true),
		skip && existsSync('build/index.js') ? null : build(false)
	]);
	const { server, url } = await startStaticServer('build-static');
	project.provide('baseUrl', url);
	return () => new Promise<void>((done) => server.close(() => done()));
}

function build(staticSite: boolean): Promise<void> {
	// No precompression (svelte.config.js): ~10 s instead of ~1 min; the tests need no .br/.gz.
	// NODE_ENV: vitest sets `test`, which would build Svelte and SvelteKit in their dev flavour.
	const env: NodeJS.ProcessEnv = {
		...process.env,
		INTEGRA_FAST_BUILD: '1',
		NODE_ENV: 'production'
	};
	if (staticSite) {
		env.VITE_INTEGRA_STATIC = '1';
		env.INTEGRA_KIT_DIR = 'node_modules/.cache/integra-kit-static';
	} else {
		delete env.VITE_INTEGRA_STATIC;
		delete env.INTEGRA_KIT_DIR;
	}
	const child = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env });
	return new Promise((done, fail) => {
		child.once('error', fail);
		child.once('exit', (code, signal) =>
			code === 0
				? done()
				: fail(
						new Error(`The ${staticSite ? 'static' : 'server'} build failed (${signal ?? code}).`)
					)
		);
	});
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
