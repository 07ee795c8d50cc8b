import { MATRIX_SORTS, type MatrixSort } from '$lib/metrics/indicator-matrix';

/** `dominio` from the URL: 1 to 6, else null (all domains). */
export function parseDomain(text: string | null): number | null {
	const n = Number(text);
	return text !== null && Number.isInteger(n) && n >= 1 && n <= 6 ? n : null;
}

/** `orden` from the URL: one of MATRIX_SORTS, else the framework order. */
export function parseSort(text: string | null): MatrixSort {
	return MATRIX_SORTS.find((s) => s === text) ?? 'id';
}
