import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

/**
 * The bench's import page (bench/harness): a plain Vite page, built into
 * bench/.out/harness only, that calls Integra's own engine adapter and import
 * pipeline (src/lib) next to a bare read_csv and papaparse + d3-array, so
 * all three run in the same page on the same bytes. It is not a route of the
 * app and never ships with it.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root,
	base: './',
	logLevel: 'warn',
	// .svelte.ts modules (runes) in the data layer need the Svelte compiler.
	plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	build: {
		outDir: fileURLToPath(new URL('../.out/harness', import.meta.url)),
		emptyOutDir: true,
		assetsInlineLimit: 0,
		reportCompressedSize: false
	}
});
