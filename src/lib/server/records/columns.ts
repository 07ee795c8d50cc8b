/**
 * A stored record compared and cut to the columns of its contract file
 * (activities.csv, actions.csv): the server keeps more (who, when, which
 * version) than the public file has.
 */

/** The same content: every column of the contract equal (absent counts as null). */
export function sameColumns<T>(columns: readonly (keyof T)[], a: T, b: T): boolean {
	return columns.every((c) => (a[c] ?? null) === (b[c] ?? null));
}

/** The contract's columns only (what the public file has). */
export function contractColumns<T>(columns: readonly (keyof T)[], a: T): T {
	return Object.fromEntries(columns.map((c) => [c, a[c] ?? null])) as T;
}
