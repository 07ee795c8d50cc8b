import { ApiError } from '../http/errors';
import { parseCells } from '../records/cells';
import { PLAN_COLUMNS } from './service';

/**
 * `{ base_version?, indicator_id, description, responsible, due_date, status,
 * completed_on }` (the columns of actions.csv; `action_id` and `ubigeo` come
 * from the address and, if the body has them, must be the same), or a 400
 * naming what is wrong. `base_version` absent: no check of what the server
 * has; null: the server must not have the action yet; N: its latest version
 * must be N.
 */
export function parsePlanItem(
	body: unknown,
	ubigeo: string,
	actionId: string
): { base_version?: number | null; item: Record<string, string | number | null> } {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw new ApiError('bad_request', 'El cuerpo debe ser un objeto JSON.');
	const cells = parseCells(
		{ ...(body as object), action_id: actionId, ubigeo },
		PLAN_COLUMNS,
		'action_id'
	);
	const b = body as Record<string, unknown>;
	for (const [field, expected] of [
		['ubigeo', ubigeo],
		['action_id', actionId]
	] as const)
		if (b[field] !== undefined && b[field] !== null && b[field] !== expected)
			throw new ApiError(
				'bad_request',
				`${field} del cuerpo («${String(b[field])}») no es el de la dirección («${expected}»).`
			);
	const base = b.base_version;
	if (base !== undefined && base !== null && !(Number.isInteger(base) && (base as number) > 0))
		throw new ApiError(
			'bad_request',
			'base_version debe ser un número de versión (1, 2, …), null, o no estar.'
		);
	return base === undefined
		? { item: cells }
		: { base_version: base as number | null, item: cells };
}
