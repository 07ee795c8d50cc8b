/** Weights: what the server sent, with the gzip/brotli sizes of each file on disk. */
import { existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Sent } from '../lib/serve';

function fileOf(root: string, path: string): string | null {
	const base = join(root, path);
	for (const c of [base, `${base}.html`, join(base, 'index.html')]) {
		if (existsSync(c) && statSync(c).isFile()) return c;
	}
	return null;
}

function sizes(root: string, path: string) {
	const file = fileOf(root, path);
	if (!file) return { raw: 0, gz: 0, br: 0 };
	const raw = statSync(file).size;
	const gz = existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : raw;
	const br = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : raw;
	return { raw, gz, br };
}

const kind = (path: string) => {
	const ext = extname(path);
	if (ext === '.js') return 'js';
	if (ext === '.css') return 'css';
	if (ext === '.wasm') return 'wasm';
	if (ext === '.csv') return 'csv';
	if (ext === '.json') return 'json';
	return 'html';
};

export function weigh(root: string, sent: Sent[], cutoff: number) {
	const before = sent.filter((s) => s.start <= cutoff);
	const sum = (list: Sent[], k: string, f: 'raw' | 'gz' | 'br') =>
		list.filter((s) => kind(s.path) === k).reduce((n, s) => n + sizes(root, s.path)[f], 0);
	return {
		jsBeforeChart: {
			raw: sum(before, 'js', 'raw'),
			gz: sum(before, 'js', 'gz'),
			br: sum(before, 'js', 'br'),
			files: before.filter((s) => kind(s.path) === 'js').length
		},
		cssBeforeChart: {
			raw: sum(before, 'css', 'raw'),
			gz: sum(before, 'css', 'gz'),
			br: sum(before, 'css', 'br')
		},
		htmlBeforeChart: before.filter((s) => kind(s.path) === 'html').reduce((n, s) => n + s.bytes, 0),
		sentBeforeChart: before.reduce((n, s) => n + s.bytes, 0),
		wasmSent: sent.filter((s) => kind(s.path) === 'wasm').reduce((n, s) => n + s.bytes, 0),
		wasmRequests: sent.filter((s) => kind(s.path) === 'wasm').length,
		wasmEncoding: sent.find((s) => kind(s.path) === 'wasm')?.encoding ?? null,
		total: sent.reduce((n, s) => n + s.bytes, 0),
		requests: sent.length
	};
}
