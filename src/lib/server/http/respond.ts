import { json, type RequestEvent } from '@sveltejs/kit';
import { StoreUnavailable } from '../db/store';
import { ApiError } from './errors';

/** The largest JSON body the API reads (a round's answers with long evidence fit many times over). */
export const MAX_BODY_BYTES = 256 * 1024;

/** An error as the API sends it: `{ "error": { "code", "message", … } }`, never a stack trace, never cached. */
export function errorResponse(error: unknown): Response {
	const response = errorJson(error);
	response.headers.set('cache-control', 'private, no-store');
	return response;
}

function errorJson(error: unknown): Response {
	if (error instanceof ApiError)
		return json(
			{ error: { code: error.code, message: error.message, ...error.detail } },
			{ status: error.status, headers: error.headers }
		);
	if (error instanceof StoreUnavailable)
		return json(
			{
				error: {
					code: 'unavailable',
					message: 'La base de datos no responde. Inténtelo de nuevo en unos minutos.'
				}
			},
			{ status: 503, headers: { 'retry-after': '10' } }
		);
	console.error(error);
	return json(
		{ error: { code: 'internal', message: 'Error interno del servidor.' } },
		{ status: 500 }
	);
}

/**
 * An API handler: whatever it throws becomes a JSON error with its status.
 * Responses are never cached by a shared cache (they depend on the session).
 */
export function api<E extends RequestEvent>(
	handler: (event: E) => Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		let response: Response;
		try {
			response = await handler(event);
		} catch (error) {
			response = errorResponse(error);
		}
		if (!response.headers.has('cache-control'))
			response.headers.set('cache-control', 'private, no-store');
		// A body left unread (refused before reading it: 401, 403, 413 by its
		// Content-Length) is read and dropped while the answer goes out: unread,
		// it stalls the sender's upload, which then gets a reset instead of the answer.
		const body = event.request.body;
		if (body && !event.request.bodyUsed) void drain(body.getReader());
		return response;
	};
}

/**
 * The request's JSON body: 415 unless JSON, 413 over MAX_BODY_BYTES
 * (counted as it arrives, whatever Content-Length claims), 400 with the
 * position when it does not parse.
 */
export async function readJson(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type))
		throw new ApiError(
			'unsupported_media_type',
			'El cuerpo debe ser JSON (Content-Type: application/json).'
		);
	const tooLarge = () =>
		new ApiError('too_large', `El cuerpo pasa del límite de ${MAX_BODY_BYTES / 1024} KB.`, {
			limit_bytes: MAX_BODY_BYTES
		});
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_BODY_BYTES) throw tooLarge();
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > MAX_BODY_BYTES) {
				await drain(reader);
				throw tooLarge();
			}
			chunks.push(value);
		}
	}
	const text = new TextDecoder().decode(Buffer.concat(chunks));
	try {
		return JSON.parse(text);
	} catch {
		throw new ApiError(
			'invalid_json',
			`El cuerpo no es JSON válido: ${jsonPosition(text)}.`,
			jsonLineColumn(text)
		);
	}
}

/** What is read and dropped of a body past the limit, so that the 413 reaches the sender. */
export const DRAIN_BYTES = 1024 * 1024;

/**
 * Reads the rest of a body and drops it. Cancelling it instead makes
 * adapter-node destroy the connection at once, and the sender gets no answer
 * at all (a reset) instead of the 413. A body bigger still is cut off then;
 * adapter-node's own BODY_SIZE_LIMIT (512 KB) usually ends it first.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	let left = DRAIN_BYTES;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			left -= value.byteLength;
			if (left < 0) {
				await reader.cancel().catch(() => {});
				return;
			}
		}
	} catch {
		// the server's own limit ended the body
	}
}

function jsonLineColumn(text: string): { line?: number; column?: number } {
	const offset = jsonErrorOffset(text);
	if (offset === null) return {};
	const lines = text.slice(0, offset).split('\n');
	return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function jsonPosition(text: string): string {
	const { line, column } = jsonLineColumn(text);
	return line ? `línea ${line}, columna ${column}` : 'vacío o incompleto';
}

/**
 * Where a text stops being JSON: the offset of the first character that
 * cannot continue it (the text's length when it ends too early), or null if
 * it is valid JSON. JSON.parse's message has no position for most errors on
 * Node 20 (`Unexpected token '}', "{"a":}" is not valid JSON`), so the
 * position is found here, by the grammar of RFC 8259.
 */
export function jsonErrorOffset(text: string): number | null {
	let i = 0;
	const fail = (): never => {
		throw new JsonStop(i);
	};
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	const expect = (c: string) => {
		if (text[i] !== c) fail();
		i++;
	};
	const string = () => {
		expect('"');
		for (;;) {
			if (i >= text.length || text[i] < ' ') fail();
			const c = text[i++];
			if (c === '"') return;
			if (c !== '\\') continue;
			if (text[i] === 'u') {
				i++;
				for (let k = 0; k < 4; k++) {
					if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
					i++;
				}
			} else if (i < text.length && '"\\/bfnrt'.includes(text[i])) i++;
			else fail();
		}
	};
	const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
	/** An object's members or an array's items: none, or `item`s split by commas, then `close`. */
	const list = (close: string, item: () => void): void => {
		i++;
		ws();
		if (text[i] === close) return void i++;
		for (;;) {
			item();
			ws();
			if (text[i] === close) return void i++;
			expect(',');
		}
	};
	const member = () => {
		ws();
		string();
		ws();
		expect(':');
		value();
	};
	const value = (): void => {
		ws();
		const c = text[i];
		if (c === '{') return list('}', member);
		if (c === '[') return list(']', value);
		if (c === '"') return string();
		for (const word of ['true', 'false', 'null'])
			if (c === word[0]) {
				for (const w of word) expect(w);
				return;
			}
		NUMBER.lastIndex = i;
		const m = NUMBER.exec(text);
		if (!m) fail();
		i += m![0].length;
	};
	try {
		value();
		ws();
		if (i < text.length) fail();
		return null;
	} catch (error) {
		if (error instanceof JsonStop) return error.offset;
		// nested deeper than the stack: JSON.parse's own message says enough
		return null;
	}
}

class JsonStop {
	constructor(readonly offset: number) {}
}

/** A JSON body that may be left out (no body, or Content-Length: 0): null then. */
export async function readOptionalJson(request: Request): Promise<unknown> {
	if (!request.body || request.headers.get('content-length') === '0') return null;
	if (!request.headers.get('content-type')) return null;
	return readJson(request);
}
