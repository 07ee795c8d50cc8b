import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

/**
 * The layers of src/lib (docs/architecture.md): each folder may import only
 * the folders listed for it, so arrows run one way. The files at the root of
 * src/lib (idb.ts, url-state, storage-persistence) import none of them.
 * Routes may import anything but server code (SvelteKit guards that);
 * tests may use any layer for their set-up.
 */
const LAYERS = {
	engine: [],
	i18n: [],
	api: [],
	account: ['api'],
	data: ['engine', 'i18n'],
	metrics: ['engine', 'data', 'i18n'],
	geo: ['engine', 'data', 'i18n'],
	charts: ['engine', 'data', 'geo', 'metrics', 'i18n'],
	forms: ['engine', 'data', 'metrics', 'charts', 'api', 'i18n'],
	activities: ['engine', 'data', 'metrics', 'charts', 'api', 'i18n'],
	offline: ['i18n'],
	app: [
		'engine',
		'data',
		'metrics',
		'geo',
		'charts',
		'forms',
		'activities',
		'offline',
		'api',
		'account',
		'i18n'
	],
	server: ['engine', 'data', 'metrics', 'i18n']
};

function layerRules() {
	const folders = Object.keys(LAYERS);
	return Object.entries(LAYERS).map(([folder, allowed]) => {
		const banned = folders.filter((f) => f !== folder && !allowed.includes(f));
		return {
			files: [`src/lib/${folder}/**/*.{ts,js,svelte}`],
			// a test may set up its case with any layer (e.g. the demo files read from disk)
			ignores: ['**/*.test.ts'],
			rules: {
				'no-restricted-imports': [
					'error',
					{
						patterns: banned.map((f) => ({
							group: [`$lib/${f}`, `$lib/${f}/**`, `**/../${f}`, `**/../${f}/**`],
							message: allowed.length
								? `src/lib/${folder} may import only ${allowed.join(', ')} (docs/architecture.md).`
								: `src/lib/${folder} imports nothing of Integra's (docs/architecture.md).`
						}))
					}
				]
			}
		};
	});
}

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		rules: {
			// Data from CSV files reaches the screen: never as HTML.
			'svelte/no-at-html-tags': 'error',
			'svelte/button-has-type': 'error'
		}
	},
	...layerRules()
);
