/**
 * scripts/static-server.ts runs as its own process (as `npm start` runs it), is
 * sent malformed requests over raw sockets, and must answer each one and a
 * normal request after them. Its responses carry the security headers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from './static-server';

let dir: string;
let child: ChildProcess;
let port: number;
let stderr = '';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'integra-static-'));
	const site = join(dir, 'site');
	mkdirSync(join(site, '_app', 'immutable'), { recursive: true });
	mkdirSync(join(site, 'distritos'), { recursive: true });
	writeFileSync(join(site, 'index.html'), '<!doctype html><title>home</title>');
	writeFileSync(join(site, '404.html'), '<!doctype html><title>shell</title>');
	writeFileSync(join(site, 'distritos', '150132.html'), '<!doctype html><title>SJL</title>');
	writeFileSync(join(site, '_app', 'immutable', 'worker.abc.js'), 'postMessage(1)');
	writeFileSync(join(site, '_app', 'immutable', 'worker.abc.js.br'), 'BROTLI');
	writeFileSync(join(site, 'districts.csv'), 'ubigeo\n070101\n');
	// beside the site, never to be served
	writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
	child = spawn(process.execPath, ['--import', 'tsx', 'scripts/static-server.ts', site, '0'], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stderr!.on('data', (d) => (stderr += d));
	port = await new Promise<number>((ok, fail) => {
		let out = '';
		child.stdout!.on('data', (d) => {
			out += d;
			const m = /127\.0\.0\.1:(\d+)/.exec(out);
			if (m) ok(Number(m[1]));
		});
		child.on('exit', (code) => fail(new Error(`server exited (${code}): ${stderr}`)));
	});
});

afterAll(() => {
	child?.kill();
	rmSync(dir, { recursive: true, force: true });
});

interface Answer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/**
 * Sends `bytes` as they are and reads one response: until its body is complete,
 * or the server closes, or 5 s pass (then status 0).
 */
function raw(bytes: string | Buffer, head = false): Promise<Answer> {
	return new Promise((ok) => {
		const socket = connect(port, '127.0.0.1');
		const chunks: Buffer[] = [];
		const done = () => {
			clearTimeout(timer);
			socket.destroy();
			ok(parse(Buffer.concat(chunks).toString('latin1')));
		};
		const timer = setTimeout(done, 5000);
		socket.on('data', (d) => {
			chunks.push(d);
			const answer = parse(Buffer.concat(chunks).toString('latin1'));
			const length = Number(answer.headers['content-length'] ?? NaN);
			if (answer.status && (head || Buffer.byteLength(answer.body, 'latin1') >= length)) done();
		});
		socket.on('close', done);
		socket.on('error', done);
		socket.write(bytes);
	});
}

function parse(text: string): Answer {
	const [head, ...rest] = text.split('\r\n\r\n');
	const [statusLine, ...lines] = head.split('\r\n');
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const i = line.indexOf(':');
		if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
	}
	return {
		status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0),
		headers,
		body: rest.join('\r\n\r\n')
	};
}

const get = (target: string, extra = '') =>
	raw(`GET ${target} HTTP/1.1\r\nHost: x\r\n${extra}Connection: close\r\n\r\n`);

function expectSecurityHeaders(a: Answer) {
	expect(a.headers['x-content-type-options']).toBe('nosniff');
	expect(a.headers['x-frame-options']).toBe('DENY');
	expect(a.headers['referrer-policy']).toBe('no-referrer');
	expect(a.headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

describe('static server: malformed requests', () => {
	// [what, request bytes, the status it must get]
	const cases: [string, string | Buffer, number][] = [
		['a lone %', 'GET /% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
		[
			'a truncated UTF-8 escape',
			'GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			400
		],
		[
			'an invalid UTF-8 escape',
			'GET /%C0%AF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			400
		],
		[
			'an encoded NUL',
			'GET /index.html%00.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			400
		],
		['a raw NUL byte', Buffer.from('GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'), 400],
		[
			'encoded ..',
			'GET /..%2f..%2fsecret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			404
		],
		[
			'encoded .. to /etc/passwd',
			'GET /..%2f..%2f..%2f..%2f..%2fetc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			404
		],
		['plain ..', 'GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 404],
		[
			'backslashes',
			'GET /..%5c..%5csecret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			404
		],
		[
			'a path through a file',
			'GET /index.html/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			404
		],
		[
			'a long path (10,000 characters)',
			`GET /${'a'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
			414
		],
		[
			'a long file name (300 characters)',
			`GET /${'a'.repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
			404
		],
		['a path of 100 KB', `GET /${'a/'.repeat(50_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
		[
			'an absolute URL',
			'GET http://evil.example/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			400
		],
		['OPTIONS *', 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405],
		['DELETE', 'DELETE /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405],
		[
			'POST with a body',
			'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc',
			405
		],
		['PROPFIND', 'PROPFIND / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405],
		['an unknown method', 'BREW / HTTP/1.1\r\nHost: x\r\n\r\n', 400],
		['CONNECT', 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n', 0],
		['a header with no colon', 'GET / HTTP/1.1\r\nHost x\r\n\r\n', 400],
		['a control character in a header', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n', 400],
		[
			'two different Content-Lengths',
			'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
			400
		],
		[
			'a non-numeric Content-Length',
			'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
			400
		],
		[
			'a broken chunked body',
			'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n',
			405
		],
		['a folded header line', 'GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n', 400],
		['a bad HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', 400],
		[
			'a TLS handshake',
			Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]),
			400
		],
		['bare newlines', 'GET / HTTP/1.1\nHost: x\n\n', 400],
		[
			'an odd Accept-Encoding',
			'GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: \u00ff,,;q=br\r\nConnection: close\r\n\r\n',
			200
		],
		[
			'an Upgrade request',
			'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
			200
		]
	];

	for (const [what, bytes, status] of cases) {
		it(`answers ${what} with ${status || 'a closed connection'}`, async () => {
			const answer = await raw(bytes);
			if (status) expect(answer.status).toBe(status);
			if (answer.status >= 400) expectSecurityHeaders(answer);
			expect(answer.body).not.toContain('TOP SECRET');
		});
	}

	it('survives a client that leaves mid-request and one that leaves mid-response', async () => {
		await new Promise<void>((ok) => {
			const s = connect(port, '127.0.0.1', () => {
				s.write('GET / HTTP/1.1\r\nHo');
				s.destroy();
				ok();
			});
		});
		await new Promise<void>((ok) => {
			const s = connect(port, '127.0.0.1', () => {
				s.write('GET /_app/immutable/worker.abc.js HTTP/1.1\r\nHost: x\r\n\r\n');
				s.once('data', () => {
					s.destroy();
					ok();
				});
			});
		});
		expect((await get('/')).status).toBe(200);
	});

	it('still answers a normal request after all of them, and never failed', async () => {
		const answer = await get('/distritos/150132');
		expect(answer.status).toBe(200);
		expect(answer.body).toContain('<title>SJL</title>');
		expect(child.exitCode).toBeNull();
		expect(stderr).toBe('');
	});
});

describe('static server: headers', () => {
	it('sends a page the policy its <meta> cannot carry, and no script-src', async () => {
		const a = await get('/');
		expect(a.status).toBe(200);
		expect(a.headers['content-type']).toBe('text/html; charset=utf-8');
		expectSecurityHeaders(a);
		expect(a.headers['content-security-policy']).toBe(
			"frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'; connect-src 'self'"
		);
		expect(a.headers['content-security-policy']).not.toMatch(/script-src|default-src/);
	});

	it('sends a script (a worker) a policy of its own: wasm allowed, this origin only', async () => {
		const a = await get('/_app/immutable/worker.abc.js');
		expectSecurityHeaders(a);
		expect(a.headers['content-security-policy']).toBe(CSP.script);
		expect(CSP.script).toContain("connect-src 'self'");
		expect(CSP.script).toContain("script-src 'self' 'wasm-unsafe-eval'");
		expect(a.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(a.body).toBe('postMessage(1)');
	});

	it('serves the brotli sibling with the same headers', async () => {
		const a = await get('/_app/immutable/worker.abc.js', 'Accept-Encoding: gzip, br\r\n');
		expect(a.headers['content-encoding']).toBe('br');
		expect(a.headers['content-security-policy']).toBe(CSP.script);
		expect(a.body).toBe('BROTLI');
	});

	it('sends data nothing to run, and the app shell for an unknown page', async () => {
		const csv = await get('/districts.csv');
		expectSecurityHeaders(csv);
		expect(csv.headers['content-security-policy']).toBe(CSP.other);
		const missing = await get('/distritos/999999');
		expect(missing.status).toBe(404);
		expect(missing.body).toContain('<title>shell</title>');
		expect(missing.headers['content-security-policy']).toBe(CSP.page);
	});

	it('answers HEAD with the headers and no body', async () => {
		const a = await raw('HEAD / HTTP/1.1\r\nHost: x\r\n\r\n', true);
		expect(a.status).toBe(200);
		expectSecurityHeaders(a);
		expect(a.headers['content-length']).toBe(String('<!doctype html><title>home</title>'.length));
		expect(a.body).toBe('');
	});
});
