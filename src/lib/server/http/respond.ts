import { json, type RequestEvent } from '@sveltejs/kit';
import { StoreUnavailable } from '../db/store';
import { ApiError } from './errors';

/** The largest JSON body the API reads (a round's answers with long evidence fit many times over). */
export const MAX_BODY_BYTES = 256 * 1024;

/** An error as the API sends it: `{ "error": { "code", "message", … } }`, never a stack trace. */
export function errorResponse(error: unknown): Response {
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
				await reader.cancel().catch(() => {});
				throw tooLarge();
			}
			chunks.push(value);
		}
	}
	const text = new TextDecoder().decode(Buffer.concat(chunks));
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new ApiError(
			'invalid_json',
			`El cuerpo no es JSON válido: ${jsonPosition(text, error)}.`,
			{
				...jsonLineColumn(text, error)
			}
		);
	}
}

function jsonLineColumn(text: string, error: unknown): { line?: number; column?: number } {
	const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
	if (!m) return {};
	const before = text.slice(0, Number(m[1]));
	const lines = before.split('\n');
	return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function jsonPosition(text: string, error: unknown): string {
	const { line, column } = jsonLineColumn(text, error);
	return line ? `línea ${line}, columna ${column}` : 'vacío o incompleto';
}

/** A JSON body that may be left out (no body, or Content-Length: 0): null then. */
export async function readOptionalJson(request: Request): Promise<unknown> {
	if (!request.body || request.headers.get('content-length') === '0') return null;
	if (!request.headers.get('content-type')) return null;
	return readJson(request);
}
