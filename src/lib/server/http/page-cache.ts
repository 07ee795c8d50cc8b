import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * Pages as anonymous visitors get them, kept per version of the published
 * data: every visitor of the public observatory sees the same HTML until
 * the next publication, so it is rendered once, not per request. Only GET
 * requests without a session, answered 200 without a cookie, are kept.
 * The key carries the publication tag, so a publication makes every older
 * entry unreachable (and the oldest go first when the cache is full).
 */
const MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	br?: Promise<Uint8Array>;
	gzip?: Promise<Uint8Array>;
}

const entries = new Map<string, Entry>();
let bytes = 0;

export function cachedPage(key: string): Entry | undefined {
	const entry = entries.get(key);
	if (entry) {
		// most recently used last
		entries.delete(key);
		entries.set(key, entry);
	}
	return entry;
}

export async function keepPage(key: string, response: Response): Promise<Entry | null> {
	if (response.status !== 200 || response.headers.has('set-cookie')) return null;
	const body = new Uint8Array(await response.arrayBuffer());
	const entry: Entry = { status: response.status, headers: [...response.headers], body };
	entries.set(key, entry);
	bytes += body.byteLength;
	for (const [oldKey, old] of entries) {
		if (bytes <= MAX_BYTES) break;
		entries.delete(oldKey);
		bytes -= old.body.byteLength;
	}
	return entry;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|vnd\.apache\.arrow)|image\/svg)/;

/** brotli or gzip, as the browser accepts; worth it from 1 KB of text. */
function encodingFor(request: Request, type: string | null, size: number): 'br' | 'gzip' | null {
	if (size < 1024 || !type || !COMPRESSIBLE.test(type)) return null;
	const accepted = request.headers.get('accept-encoding') ?? '';
	if (/\bbr\b/.test(accepted)) return 'br';
	if (/\bgzip\b/.test(accepted)) return 'gzip';
	return null;
}

function compress(body: Uint8Array, encoding: 'br' | 'gzip'): Promise<Uint8Array> {
	return encoding === 'br'
		? // quality 5: ~10 ms for the observatory's HTML, most of brotli 11's gain
			brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
		: gzip(body, { level: 6 });
}

/** The entry as a response, compressed for this browser (each encoding made once). */
export async function respondWith(request: Request, entry: Entry): Promise<Response> {
	const headers = new Headers(entry.headers);
	const encoding = encodingFor(request, headers.get('content-type'), entry.body.byteLength);
	let body = entry.body;
	if (encoding) {
		const packed = (entry[encoding] ??= compress(entry.body, encoding));
		body = await packed;
		headers.set('content-encoding', encoding);
		headers.delete('content-length');
	}
	headers.append('vary', 'Accept-Encoding');
	return new Response(body as Uint8Array<ArrayBuffer>, { status: entry.status, headers });
}

/**
 * A response rendered for one request (a signed-in person's page), compressed
 * on the way out: adapter-node serves its static files precompressed, but
 * compresses nothing it renders.
 */
export async function compressed(request: Request, response: Response): Promise<Response> {
	const type = response.headers.get('content-type');
	if (
		response.headers.has('content-encoding') ||
		!type ||
		!COMPRESSIBLE.test(type) ||
		!response.body
	)
		return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const encoding = encodingFor(request, type, body.byteLength);
	const headers = new Headers(response.headers);
	if (!encoding)
		return new Response(body as Uint8Array<ArrayBuffer>, { status: response.status, headers });
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	const packed = await compress(body, encoding);
	return new Response(packed as Uint8Array<ArrayBuffer>, { status: response.status, headers });
}
