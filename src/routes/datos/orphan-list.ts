import type { OrphanCount } from '$lib/data/orphans';
import { formatList, formatNumber, trUnder, type Locale } from '$lib/i18n';

/** "145 actividades y 108 respuestas de autoevaluación": rows of other datasets, for a message. */
export function orphanList(counts: readonly OrphanCount[], locale: Locale): string {
	return formatList(
		counts.map((c) =>
			trUnder(locale, 'datos.orphans.n.', `${c.dataset}.${c.rows === 1 ? 'one' : 'other'}`, {
				n: formatNumber(c.rows, locale)
			})
		),
		locale
	);
}

/** The rows of `counts` together. */
export function orphanTotal(counts: readonly OrphanCount[]): number {
	return counts.reduce((sum, c) => sum + c.rows, 0);
}
