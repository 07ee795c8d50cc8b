import { ApiError } from '../http/errors';

const MAX_TEXT = 4000;
const MAX_ID = 200;

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A record's cells as the client sent them: each a text, a number or null
 * (absent = null); the id a non-empty text. What the values mean (a known
 * district, an allowed type, a date) is the import pipeline's to say.
 */
export function parseCells(
	body: unknown,
	columns: readonly string[],
	id: string
): Record<string, string | number | null> {
	if (!isObject(body)) throw new ApiError('bad_request', 'El cuerpo debe ser un objeto JSON.');
	const cells: Record<string, string | number | null> = {};
	for (const c of columns) {
		const v = body[c];
		if (v === undefined || v === null) cells[c] = null;
		else if (typeof v === 'string') {
			if (v.length > MAX_TEXT)
				throw new ApiError('bad_request', `${c} pasa de ${MAX_TEXT} caracteres.`);
			cells[c] = v;
		} else if (typeof v === 'number' && Number.isFinite(v)) cells[c] = v;
		else throw new ApiError('bad_request', `${c} debe ser texto, un número o null.`);
	}
	const key = cells[id];
	if (typeof key !== 'string' || key.trim() === '')
		throw new ApiError('bad_request', `Falta ${id}: el id que el equipo le dio al registro.`);
	if (key.length > MAX_ID || key !== key.trim())
		throw new ApiError(
			'bad_request',
			`${id} debe tener como mucho ${MAX_ID} caracteres, sin espacios al principio ni al final.`
		);
	return cells;
}
