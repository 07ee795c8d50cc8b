import type { MatrixAnswer } from '$lib/metrics/indicator-matrix';

/**
 * The mark each answer shows in a cell, so the matrix is read by shape, not
 * colour alone (the label is beside it for screen readers, and in the legend).
 */
export const ANSWER_MARK: Record<MatrixAnswer, string> = {
	cumple: '✔',
	parcial: '◐',
	no_cumple: '✘',
	no_aplica: '—',
	no_sabe: '?',
	sin_respuesta: '·'
};
