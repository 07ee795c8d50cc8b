/**
 * A plain static file server for the built app (tests, bench, `npm start`).
 * Unlike `vite preview` it does not compress on the fly, so fetch times are
 * honest. Serves `.br`/`.gz` siblings when the client accepts them, and the
 * security headers a host of Integra must send (README, "Hosting"), as a real
 * host would.
 *
 * No request ends the process, however malformed: a path that does not
 * decode, a NUL byte, a path outside the site, an unknown method or a broken
 * header gets a 4xx answer, and anything unexpected a 500.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createReadStream, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

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

/**
 * The Content-Security-Policy header, by kind of response.
 * - Pages carry their own policy in a `<meta>` (svelte.config.js `kit.csp`,
 *   with the hashes of their inline scripts). A header policy applies on top
 *   of it (both must allow a request), so the header adds only what a meta
 *   cannot carry (`frame-ancestors`) or what must hold even without it; it
 *   names no `script-src`, which would refuse the inline scripts.
 * - A worker's policy is the header of its own script, not the page's meta:
 *   the DuckDB worker (src/lib/engine/engine-worker.js, which loads
 *   duckdb-wasm's worker script) and the service worker. They may compile
 *   wasm (`'wasm-unsafe-eval'`) and talk to this origin only.
 * - Anything else (data, images, error messages) has nothing to run.
 */
export const CSP = {
	page: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'; connect-src 'self'",
	script:
		"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
	other: "default-src 'none'; frame-ancestors 'none'; sandbox"
} as const;

/** Sent with every response, error answers included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	// The data never leave the browser; neither does the address of the page they are on.
	'referrer-policy': 'no-referrer'
};

/** Longer decoded paths are refused (414): no file of the site is named like that. */
const MAX_PATH = 2048;

function policyFor(type: string): string {
	if (type.startsWith('text/html')) return CSP.page;
	if (type.startsWith('text/javascript')) return CSP.script;
	return CSP.other;
}

/**
 * The decoded path of a request target, or a status code when it is not a
 * path this server can look up: not origin-form (`*`, `http://host/...`), not
 * valid percent-encoding (`/%`), a NUL byte, or too long.
 */
export function requestPath(target: string): string | 400 | 414 {
	if (!target.startsWith('/')) return 400;
	let path: string;
	try {
		path = decodeURIComponent(target.split(/[?#]/, 1)[0]);
	} catch {
		return 400; // URIError
	}
	if (path.includes('\0')) return 400;
	if (path.length > MAX_PATH) return 414;
	return path;
}

function isFile(path: string): boolean {
	try {
		return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
	} catch {
		return false; // ENAMETOOLONG, ENOTDIR, EACCES...
	}
}

/** The file a decoded path names under `root` (a page may omit `.html`), or null. */
function resolveFile(root: string, path: string): string | null {
	const base = resolve(root, `.${path}`);
	// `..` (encoded or not) never leaves the site
	if (base !== root && !base.startsWith(root + sep)) return null;
	for (const candidate of [base, `${base}.html`, resolve(base, 'index.html')]) {
		if (isFile(candidate)) return candidate;
	}
	return null;
}

function sendText(res: ServerResponse, status: number, text: string, extra = {}): void {
	res.writeHead(status, {
		...SECURITY_HEADERS,
		'content-security-policy': CSP.other,
		'content-type': TYPES['.txt'],
		'content-length': Buffer.byteLength(text),
		...extra
	});
	res.end(text);
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status: number): void {
	const type = TYPES[extname(file)] ?? 'application/octet-stream';
	const headers: Record<string, string> = {
		...SECURITY_HEADERS,
		'content-security-policy': policyFor(type),
		'content-type': type,
		'cache-control':
			status === 200 && file.includes(`${sep}_app${sep}immutable${sep}`)
				? 'public, max-age=31536000, immutable'
				: 'no-cache',
		vary: 'Accept-Encoding'
	};
	const accept = String(req.headers['accept-encoding'] ?? '');
	let path = file;
	if (accept.includes('br') && isFile(`${file}.br`)) {
		path = `${file}.br`;
		headers['content-encoding'] = 'br';
	} else if (accept.includes('gzip') && isFile(`${file}.gz`)) {
		path = `${file}.gz`;
		headers['content-encoding'] = 'gzip';
	}
	let size: number;
	try {
		size = statSync(path).size;
	} catch {
		// gone since it was found
		sendText(res, 404, 'Not found');
		return;
	}
	headers['content-length'] = String(size);
	res.writeHead(status, headers);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	// A read error or a client that goes away ends this response, never the server.
	pipeline(createReadStream(path), res, () => {});
}

function handle(root: string, req: IncomingMessage, res: ServerResponse): void {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
		return;
	}
	const path = requestPath(req.url ?? '');
	if (typeof path === 'number') {
		sendText(res, path, path === 414 ? 'URI too long' : 'Bad request');
		return;
	}
	const file = resolveFile(root, path);
	if (file) {
		sendFile(req, res, file, 200);
		return;
	}
	// The app shell: it resolves pages that were never prerendered (an imported district).
	const notFound = resolveFile(root, '/404');
	if (notFound) sendFile(req, res, notFound, 404);
	else sendText(res, 404, 'Not found');
}

/** A request Node's parser refused (broken request line or header, header too large, timeout). */
function refuse(error: NodeJS.ErrnoException, socket: Duplex): void {
	if (error.code === 'ECONNRESET' || !socket.writable) {
		socket.destroy();
		return;
	}
	const status =
		error.code === 'HPE_HEADER_OVERFLOW'
			? '431 Request Header Fields Too Large'
			: error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
				? '408 Request Timeout'
				: '400 Bad Request';
	const headers = Object.entries({ ...SECURITY_HEADERS, 'content-security-policy': CSP.other })
		.map(([name, value]) => `${name}: ${value}\r\n`)
		.join('');
	socket.end(`HTTP/1.1 ${status}\r\n${headers}content-length: 0\r\nconnection: close\r\n\r\n`);
}

export function startStaticServer(dir: string, port = 0): Promise<{ server: Server; url: string }> {
	const root = resolve(dir);
	const server = createServer((req, res) => {
		try {
			handle(root, req, res);
		} catch {
			if (!res.headersSent) sendText(res, 500, 'Internal error');
			else res.destroy();
		}
	});
	server.on('clientError', refuse);
	return new Promise((ok) => {
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			ok({ server, url: `http://127.0.0.1:${actual}` });
		});
	});
}

// `npx tsx scripts/static-server.ts [dir] [port]` (port 0: any free port)
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
	const [dir = 'build-static', port = '4173'] = process.argv.slice(2);
	startStaticServer(dir, Number(port)).then(({ url }) => console.log(`Integra: ${url}`));
}
