/**
 * A plain static file server for the built app (tests and bench). Unlike
 * `vite preview` it does not compress on the fly, so fetch times are honest.
 * Serves `.br`/`.gz` siblings when the client accepts them, as a real host would.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

function resolveFile(root: string, urlPath: string): string | null {
	const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return null;
	for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

export function startStaticServer(dir: string, port = 0): Promise<{ server: Server; url: string }> {
	const root = resolve(dir);
	const server = createServer((req, res) => {
		const file = resolveFile(root, req.url ?? '/');
		if (!file) {
			const notFound = resolveFile(root, '/404');
			res.writeHead(404, { 'content-type': TYPES['.html'] });
			if (notFound) createReadStream(notFound).pipe(res);
			else res.end('Not found');
			return;
		}
		const headers: Record<string, string> = {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': file.includes('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		};
		const accept = String(req.headers['accept-encoding'] ?? '');
		let path = file;
		if (accept.includes('br') && existsSync(`${file}.br`)) {
			path = `${file}.br`;
			headers['content-encoding'] = 'br';
		} else if (accept.includes('gzip') && existsSync(`${file}.gz`)) {
			path = `${file}.gz`;
			headers['content-encoding'] = 'gzip';
		}
		headers['content-length'] = String(statSync(path).size);
		res.writeHead(200, headers);
		if (req.method === 'HEAD') res.end();
		else createReadStream(path).pipe(res);
	});
	return new Promise((ok) => {
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			ok({ server, url: `http://127.0.0.1:${actual}` });
		});
	});
}

// `npx tsx scripts/static-server.ts [dir] [port]`
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
	const [dir = 'build', port = '4173'] = process.argv.slice(2);
	startStaticServer(dir, Number(port)).then(({ url }) => console.log(`Integra: ${url}`));
}
