import { resolve } from '$app/paths';

/** The views of one round; the form is the default. Kept in the URL, so Back works and links can be shared. */
export type View = 'formulario' | 'taller' | 'resumen' | 'imprimir';

export const VIEWS: readonly View[] = ['formulario', 'taller', 'resumen', 'imprimir'];

/** `/autoevaluacion/150101?ronda=2025&vista=taller`, optionally with `#hash`. */
export function assessmentHref(
	ubigeo: string,
	opts: { round?: string | null; view?: View; hash?: string } = {}
) {
	const q = new URLSearchParams();
	if (opts.round) q.set('ronda', opts.round);
	if (opts.view && opts.view !== 'formulario') q.set('vista', opts.view);
	const search = q.toString();
	const hash = opts.hash ? `#${encodeURIComponent(opts.hash)}` : '';
	if (search) {
		const id = `/autoevaluacion/[ubigeo]?${search}${hash}` as `/autoevaluacion/[ubigeo]?${string}`;
		return resolve(id, { ubigeo });
	}
	if (hash) {
		const id = `/autoevaluacion/[ubigeo]${hash}` as `/autoevaluacion/[ubigeo]#${string}`;
		return resolve(id, { ubigeo });
	}
	return resolve('/autoevaluacion/[ubigeo]', { ubigeo });
}

/** The element id of a question of the form. */
export function questionDomId(indicatorId: string): string {
	return `q-${indicatorId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
