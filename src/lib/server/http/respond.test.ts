import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { StoreUnavailable } from '../db/store';
import { ApiError } from './errors';
import {
	api,
	DRAIN_BYTES,
	errorResponse,
	jsonErrorOffset,
	MAX_BODY_BYTES,
	readJson,
	readOptionalJson
} from './respond';

const URL_ = 'http://127.0.0.1/api/x';

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
	return new Request(URL_, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
		// a stream body must say so
		...(body instanceof ReadableStream ? { duplex: 'half' } : {})
	} as RequestInit);
}

/** The ApiError readJson throws for this request (fails the test if it parses). */
async function refusal(request: Request): Promise<ApiError> {
	const error = await readJson(request).then(
		(v) => {
			throw new Error(`parsed: ${JSON.stringify(v)}`);
		},
		(e) => e
	);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}

describe('readJson', () => {
	it('reads a JSON body, with or without a charset', async () => {
		expect(await readJson(post('{"a":[1,"ñ"]}'))).toEqual({ a: [1, 'ñ'] });
		expect(
			await readJson(post('[true]', { 'content-type': 'application/json; charset=utf-8' }))
		).toEqual([true]);
	});

	it('refuses a body that is not JSON with 415', async () => {
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
			const e = await refusal(post('{}', { 'content-type': type }));
			expect([e.status, e.code]).toEqual([415, 'unsupported_media_type']);
		}
		const bare = new Request(URL_, { method: 'POST', body: new Uint8Array([123, 125]) });
		expect((await refusal(bare)).status).toBe(415);
	});

	it('accepts exactly the limit, 256 KB', async () => {
		expect(MAX_BODY_BYTES).toBe(262_144);
		// {"s":"xxx…"}: 8 bytes of frame
		const body = JSON.stringify({ s: 'x'.repeat(MAX_BODY_BYTES - 8) });
		expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
		expect(((await readJson(post(body))) as { s: string }).s).toHaveLength(MAX_BODY_BYTES - 8);
	});

	it('refuses with 413 what Content-Length declares over the limit, before reading it', async () => {
		let pulled = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(c) {
				pulled++;
				c.enqueue(new TextEncoder().encode('{}'));
				c.close();
			}
		});
		const e = await refusal(post(stream, { 'content-length': String(MAX_BODY_BYTES + 1) }));
		expect([e.status, e.code]).toEqual([413, 'too_large']);
		expect(e.detail).toEqual({ limit_bytes: MAX_BODY_BYTES });
		// the body was never asked for more than the stream primes itself with
		expect(pulled).toBeLessThanOrEqual(1);
	});

	it('refuses with 413 a body over the limit that declares no length, reading the rest so the answer arrives', async () => {
		// cancelling the body would make adapter-node reset the connection before the 413 is sent
		let cancelled = false;
		const chunk = new Uint8Array(16_384).fill(0x20);
		let left = 20; // 320 KB
		const stream = new ReadableStream<Uint8Array>({
			pull(c) {
				if (left-- > 0) c.enqueue(chunk);
				else c.close();
			},
			cancel() {
				cancelled = true;
			}
		});
		const e = await refusal(post(stream));
		expect([e.status, e.code]).toEqual([413, 'too_large']);
		expect(left).toBe(-1); // read to the end
		expect(cancelled).toBe(false);
	});

	it('stops reading an endless body after dropping DRAIN_BYTES past the limit', async () => {
		let sent = 0;
		let cancelled = false;
		const stream = new ReadableStream<Uint8Array>({
			pull(c) {
				sent += 16_384;
				c.enqueue(new Uint8Array(16_384).fill(0x20));
			},
			cancel() {
				cancelled = true;
			}
		});
		const e = await refusal(post(stream));
		expect(e.status).toBe(413);
		expect(cancelled).toBe(true);
		// the limit, the drained megabyte, and a few chunks the stream buffers ahead
		expect(sent).toBeGreaterThan(MAX_BODY_BYTES + DRAIN_BYTES);
		expect(sent).toBeLessThan(MAX_BODY_BYTES + DRAIN_BYTES + 4 * 16_384);
	});

	it('refuses with 413 a body longer than its (lying) Content-Length says', async () => {
		const big = new TextEncoder().encode(`"${'x'.repeat(MAX_BODY_BYTES)}"`);
		const stream = new ReadableStream<Uint8Array>({
			start(c) {
				c.enqueue(big);
				c.close();
			}
		});
		expect((await refusal(post(stream, { 'content-length': '10' }))).status).toBe(413);
	});

	it.each([
		// [body, line, column]: worked out by hand, column of the first character that cannot be
		['{"a":}', 1, 6],
		['{"a": 1,\n  "b": x\n}', 2, 8],
		// two tabs, then {"indicator_id": "D1.01", is 26 characters: the } is the 28th
		['{\n\t"answers": [\n\t\t{"indicator_id": "D1.01",}\n\t]\n}', 3, 28],
		['{"a": 1', 1, 8], // ends too early: the position just past the end
		['{"a": 1}}', 1, 9],
		["{'a': 1}", 1, 2],
		['[1, 2,]', 1, 7],
		['{"a": 01}', 1, 8],
		['{"a": "tab\tinside"}', 1, 11],
		['', 1, 1]
	])(
		'refuses invalid JSON with 400 and where it breaks: %j → line %i, column %i',
		async (body, line, column) => {
			const e = await refusal(post(body));
			expect([e.status, e.code]).toEqual([400, 'invalid_json']);
			expect(e.detail).toEqual({ line, column });
			expect(e.message).toContain(`línea ${line}, columna ${column}`);
		}
	);
});

describe('jsonErrorOffset', () => {
	it('agrees with JSON.parse on what is JSON', () => {
		const texts = [
			'0',
			'-0',
			'-1.5e+10',
			'1E2',
			'"a\\u00f1\\n\\"b"',
			' [ ] ',
			'{}',
			'{"a":{"b":[null,true,false]}}',
			'"\u00f1"',
			'1.',
			'.5',
			'+1',
			'-',
			'1e',
			'"\\x"',
			'"\\u12g4"',
			'[1 2]',
			'{"a" 1}',
			'{,}',
			'tru',
			'nul',
			'True',
			'[',
			'"abc',
			'{"a":1,}',
			'\ufeff{}',
			'{} x',
			'"a\nb"'
		];
		for (const text of texts) {
			let valid = true;
			try {
				JSON.parse(text);
			} catch {
				valid = false;
			}
			expect(jsonErrorOffset(text) === null, JSON.stringify(text)).toBe(valid);
		}
	});

	it('survives nesting deeper than the stack (no position then)', () => {
		expect(jsonErrorOffset('['.repeat(200_000))).toBeNull();
	});
});

describe('readOptionalJson', () => {
	it('gives null without a body, and the body when there is one', async () => {
		expect(await readOptionalJson(new Request(URL_, { method: 'POST' }))).toBeNull();
		expect(await readOptionalJson(post('', { 'content-length': '0' }))).toBeNull();
		expect(await readOptionalJson(post('{"comments":[]}'))).toEqual({ comments: [] });
		await expect(readOptionalJson(post('{nope'))).rejects.toMatchObject({ status: 400 });
	});
});

describe('api() and errorResponse', () => {
	const event = { request: new Request(URL_) } as RequestEvent;

	it('sends an ApiError as {error:{code,message,…detail}} with its status and headers', async () => {
		const handler = api(async () => {
			throw new ApiError(
				'conflict',
				'Ya hay una versión 2.',
				{ current_version: 2 },
				{ 'x-a': 'b' }
			);
		});
		const res = await handler(event);
		expect(res.status).toBe(409);
		expect(res.headers.get('x-a')).toBe('b');
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(await res.json()).toEqual({
			error: { code: 'conflict', message: 'Ya hay una versión 2.', current_version: 2 }
		});
	});

	it('sends a lost store as 503 with Retry-After', async () => {
		const res = errorResponse(new StoreUnavailable(new Error('ECONNREFUSED 10.1.2.3:5432')));
		expect(res.status).toBe(503);
		// errors sent outside api() (the Origin check of hooks.server.ts) are not cached either
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(res.headers.get('retry-after')).toBe('10');
		const body = await res.json();
		expect(body.error.code).toBe('unavailable');
		expect(JSON.stringify(body)).not.toContain('10.1.2.3');
	});

	it('hides anything else behind a 500 without its message or stack', async () => {
		const quiet = console.error;
		console.error = () => {};
		try {
			const handler = api(async () => {
				throw new Error('secret detail at /srv/integra/src/x.ts:12');
			});
			const res = await handler(event);
			expect(res.status).toBe(500);
			const text = await res.text();
			expect(JSON.parse(text)).toEqual({
				error: { code: 'internal', message: 'Error interno del servidor.' }
			});
			expect(text).not.toMatch(/secret|\.ts|at /);
		} finally {
			console.error = quiet;
		}
	});

	it('reads and drops a body the handler refused before reading it (so the answer arrives)', async () => {
		let left = 10;
		let cancelled = false;
		const stream = new ReadableStream<Uint8Array>({
			pull(c) {
				if (left-- > 0) c.enqueue(new Uint8Array(65_536));
				else c.close();
			},
			cancel() {
				cancelled = true;
			}
		});
		const request = post(stream);
		const handler = api(async () => {
			throw new ApiError('unauthenticated', 'Inicie sesión.');
		});
		const res = await handler({ request } as RequestEvent);
		expect(res.status).toBe(401);
		await expect.poll(() => left).toBe(-1);
		expect(cancelled).toBe(false);
		// a body the handler read is left alone
		const read = post('{"a":1}');
		await api(async ({ request }) => Response.json(await readJson(request)))({
			request: read
		} as RequestEvent);
		expect(read.bodyUsed).toBe(true);
	});

	it('keeps the cache-control a handler set', async () => {
		const handler = api(
			async () => new Response('x', { headers: { 'cache-control': 'public, no-cache' } })
		);
		expect((await handler(event)).headers.get('cache-control')).toBe('public, no-cache');
	});
});
