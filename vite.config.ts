import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// Data files and the engine's worker stay files: the CSP refuses data: URLs (connect-src, worker-src).
		assetsInlineLimit: (file) => (/\.csv$|engine-worker\.js$/.test(file) ? false : undefined)
	},
	test: {
		expect: { requireAssertions: true },
		// Once for both projects: a beforeAll that starts DuckDB (or a browser, or loads a
		// corpus) takes seconds quietly and several times that on a busy 2-core machine.
		hookTimeout: 180_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
					testTimeout: 30_000,
					globalSetup: ['tests/fixtures/templates-setup.ts'],
					// Vitest leaves a core free by default: one worker on a 2-core machine. Most
					// unit tests keep one core busy with DuckDB (or a child process), so use both.
					maxWorkers: 2
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/fixtures/templates-setup.ts', 'tests/e2e/global-setup.ts'],
					// Two files at once, one per core: no two share state (each browser has its own
					// fresh profile, each Integra server its own copy of the store, each file its own
					// temporary folders; the static site is served read-only to all).
					maxWorkers: 2,
					testTimeout: 60_000,
					// expect.poll waits for the page or the server, which takes seconds on a busy
					// machine: its default of one second was often most of what a step needed.
					expect: { requireAssertions: true, poll: { timeout: 30_000 } }
				}
			}
		]
	}
});
