import { ApiError } from '../http/errors';
import type { Answer, ReviewComment } from './service';

const MAX_ANSWERS = 1000;
const MAX_TEXT = 4000;

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, where: string, required: boolean): string | null {
	if (v === undefined || v === null || v === '') {
		if (required) throw new ApiError('bad_request', `Falta ${where}.`);
		return null;
	}
	if (typeof v !== 'string') throw new ApiError('bad_request', `${where} debe ser texto.`);
	if (v.length > MAX_TEXT)
		throw new ApiError('bad_request', `${where} pasa de ${MAX_TEXT} caracteres.`);
	return v;
}

/** `{ base_version, answers: [{ indicator_id, answer, evidence, source_url }] }`, or a 400 naming what is wrong. */
export function parseSubmission(body: unknown): { base_version: number | null; answers: Answer[] } {
	if (!isObject(body)) throw new ApiError('bad_request', 'El cuerpo debe ser un objeto JSON.');
	const base = body.base_version;
	if (base !== null && base !== undefined && !(Number.isInteger(base) && (base as number) > 0))
		throw new ApiError(
			'bad_request',
			'base_version debe ser un número de versión (1, 2, …) o null.'
		);
	if (!Array.isArray(body.answers) || body.answers.length === 0)
		throw new ApiError('bad_request', 'answers debe ser una lista con al menos una respuesta.');
	if (body.answers.length > MAX_ANSWERS)
		throw new ApiError('bad_request', `answers tiene más de ${MAX_ANSWERS} respuestas.`);
	const answers = body.answers.map((a: unknown, i: number): Answer => {
		if (!isObject(a)) throw new ApiError('bad_request', `answers[${i}] debe ser un objeto.`);
		return {
			indicator_id: text(a.indicator_id, `answers[${i}].indicator_id`, true)!,
			answer: text(a.answer, `answers[${i}].answer`, true)!,
			evidence: text(a.evidence, `answers[${i}].evidence`, false),
			source_url: text(a.source_url, `answers[${i}].source_url`, false)
		};
	});
	return { base_version: (base as number | null | undefined) ?? null, answers };
}

/** `{ comments: [{ indicator_id, text }] }` (comments may be absent for a validation). */
export function parseComments(body: unknown): ReviewComment[] {
	if (body === null || body === undefined) return [];
	if (!isObject(body)) throw new ApiError('bad_request', 'El cuerpo debe ser un objeto JSON.');
	if (body.comments === undefined) return [];
	if (!Array.isArray(body.comments))
		throw new ApiError('bad_request', 'comments debe ser una lista.');
	return body.comments.map((c: unknown, i: number) => {
		if (!isObject(c)) throw new ApiError('bad_request', `comments[${i}] debe ser un objeto.`);
		return {
			indicator_id: text(c.indicator_id, `comments[${i}].indicator_id`, true)!,
			// blanks only say nothing: trimmed first, so they count as missing
			text: text(typeof c.text === 'string' ? c.text.trim() : c.text, `comments[${i}].text`, true)!
		};
	});
}
