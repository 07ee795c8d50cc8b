import type { Columns } from './types';

/** The rows of a column-wise result as objects (for the small results charts take). */
export function rowsOf<T extends Record<string, unknown>>(data: Columns | null): T[] {
	if (!data) return [];
	const out: T[] = new Array(data.length);
	for (let r = 0; r < data.length; r++) {
		const row: Record<string, unknown> = {};
		for (let c = 0; c < data.names.length; c++) row[data.names[c]] = data.columns[c][r];
		out[r] = row as T;
	}
	return out;
}

/** One column of a result by name (empty when absent). */
export function column<T = unknown>(data: Columns | null, name: string): T[] {
	if (!data) return [];
	const i = data.names.indexOf(name);
	return i < 0 ? [] : (data.columns[i] as T[]);
}
