import type { Value } from '../engine/types';

/**
 * `WHERE a = ? AND b = ?` for the fields of `filter` that are given (none:
 * no WHERE at all), with their values as the parameters, in the filter's order.
 */
export function equalsWhere(filter: Record<string, string | number | undefined>): {
	clause: string;
	params: Value[];
} {
	const given = Object.entries(filter).filter(([, v]) => v !== undefined) as [string, Value][];
	return {
		clause: given.length ? `WHERE ${given.map(([column]) => `${column} = ?`).join(' AND ')}` : '',
		params: given.map(([, v]) => v)
	};
}
