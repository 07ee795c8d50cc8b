import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

// Build switches (environment variables):
// - VITE_INTEGRA_STATIC=1: the browser-only site as plain files (`npm run build:static`),
//   every page prerendered from the published data; otherwise the Integra server
//   (adapter-node, `npm start`), whose pages are rendered per request from the store.
// - INTEGRA_FAST_BUILD=1: no precompression (the e2e suite's build: ~10 s instead of ~1 min).
// - INTEGRA_BUILD_DIR / INTEGRA_KIT_DIR: where the site and Kit's work files go (the bench
//   builds the app and its baseline side by side without touching build/ or .svelte-kit/).
// - VITE_INTEGRA_BASELINE=1: the bench's baseline (no prerendered data, no service worker,
//   engine started on mount); see bench/README.md.
const fast = process.env.INTEGRA_FAST_BUILD === '1';
const baseline = process.env.VITE_INTEGRA_BASELINE === '1';
const staticSite = process.env.VITE_INTEGRA_STATIC === '1';
const out = process.env.INTEGRA_BUILD_DIR || (staticSite ? 'build-static' : 'build');
// adapter-node serves its static files from build/client
const assetsOut = staticSite ? out : join(out, 'client');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// 404.html is an app shell: an unknown district (or one imported later) is resolved in the browser
		adapter: precompressed(
			staticSite
				? adapterStatic({ pages: out, assets: out, fallback: '404.html', strict: true })
				: adapterNode({ out, precompress: false }),
			{ enabled: !fast, dir: assetsOut }
		),
		outDir: process.env.INTEGRA_KIT_DIR || '.svelte-kit',
		// Registered by the root layout once DuckDB is up (src/routes/+layout.svelte).
		serviceWorker: { register: false },
		// Only the baseline's observatory is measured: no crawling for the rest.
		...(baseline
			? {
					prerender: {
						crawl: false,
						entries: /** @type {const} */ (['/']),
						handleUnseenRoutes: 'ignore'
					}
				}
			: {}),
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;

// ---------------------------------------------------------------------------
// Precompression: `.br` and `.gz` next to every compressible file, as
// adapter-static's `precompress: true` does, but
// - text (JS, CSS, HTML, JSON, CSV, SVG) at the best settings (brotli 11, gzip 9);
// - the DuckDB wasm files (eh 34 MB, mvp 39 MB) at brotli 5 with a 16 MB
//   window and gzip 6: about a second each instead of ~40 s at brotli 10, so
//   a first `npm start` serves its first page well within 90 s on two cores;
//   the price is ~1 MB more for the engine's first download (eh: 6.2 MB
//   instead of 5.3 MB), once per browser (the service worker keeps it);
// - INTEGRA_MAX_COMPRESSION=1: brotli 11 for everything (eh: 5.07 MB; several
//   minutes), for a deployment that is built once and downloaded many times;
// - cached by content in node_modules/.cache/integra-precompress, so a rebuild
//   (and the bench's baseline build) compresses only what changed.

const COMPRESSIBLE = new Set([
	'.html',
	'.js',
	'.mjs',
	'.json',
	'.css',
	'.svg',
	'.xml',
	'.wasm',
	'.csv',
	'.arrow',
	'.txt',
	'.webmanifest'
]);
const CACHE_DIR = 'node_modules/.cache/integra-precompress';
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * @param {import('@sveltejs/kit').Adapter} inner
 * @param {{ enabled: boolean, dir: string }} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function precompressed(inner, { enabled, dir }) {
	return {
		...inner,
		async adapt(builder) {
			await inner.adapt(builder);
			if (!enabled) return;
			const started = Date.now();
			builder.log.minor('Compressing assets and pages (brotli, gzip)');
			const files = listFiles(dir).filter((f) => COMPRESSIBLE.has(extname(f)));
			// Biggest first, so the two wasm files run side by side on two cores.
			files.sort((a, b) => statSync(b).size - statSync(a).size);
			await Promise.all(files.flatMap((f) => [compressFile(f, 'br'), compressFile(f, 'gz')]));
			builder.log.minor(`Compressed ${files.length} files in ${Date.now() - started} ms`);
		}
	};
}

/** @param {string} dir @returns {string[]} */
function listFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]
	);
}

/** @param {string} file @param {'br' | 'gz'} format */
async function compressFile(file, format) {
	const bytes = readFileSync(file);
	const wasm = file.endsWith('.wasm');
	const max = process.env.INTEGRA_MAX_COMPRESSION === '1';
	const quality = max || !wasm ? 11 : 5;
	const level = max || !wasm ? 9 : 6;
	const settings = format === 'br' ? `q${quality}w24` : `l${level}`;
	const hash = createHash('sha256').update(bytes).digest('hex');
	const cached = join(CACHE_DIR, `${hash}.${settings}.${format}`);
	let packed;
	if (existsSync(cached)) {
		packed = readFileSync(cached);
	} else {
		const C = zlib.constants;
		packed =
			format === 'br'
				? await brotli(bytes, {
						params: {
							[C.BROTLI_PARAM_MODE]: wasm ? C.BROTLI_MODE_GENERIC : C.BROTLI_MODE_TEXT,
							[C.BROTLI_PARAM_QUALITY]: quality,
							[C.BROTLI_PARAM_LGWIN]: 24,
							[C.BROTLI_PARAM_SIZE_HINT]: bytes.length
						}
					})
				: await gzip(bytes, { level });
		mkdirSync(CACHE_DIR, { recursive: true });
		writeFileSync(cached, packed);
	}
	// A compressed copy that saves nothing is not worth a second file.
	if (packed.length < bytes.length * 0.95) writeFileSync(`${file}.${format}`, packed);
}
