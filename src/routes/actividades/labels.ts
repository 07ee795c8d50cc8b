import { hasKey, intlTag, tr, type Locale } from '$lib/i18n';
import {
	monthAligned,
	yearAligned,
	type CategoryDim,
	type Period
} from '$lib/metrics/activity-cube';

/** Where a category's values are translated (vocab.ts). */
const VOCAB: Record<Exclude<CategoryDim, 'partner'>, string> = {
	type: 'activityType',
	audience: 'audience',
	topic: 'topic',
	modality: 'modality'
};

/** A category value as people read it; a value the vocabulary lacks is shown as it is. */
export function valueLabel(locale: Locale, dim: CategoryDim, value: string): string {
	if (dim === 'partner') return value === '' ? tr(locale, 'act.partner.none') : value;
	const key = `${VOCAB[dim]}.${value}`;
	return hasKey(key) ? tr(locale, key) : value;
}

// Building an Intl formatter costs far more than using one, and a chart asks
// for a label per mark on every update: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const id = `${locale}:${JSON.stringify(options)}`;
	let f = formatters.get(id);
	if (!f) {
		f = new Intl.DateTimeFormat(intlTag(locale), { ...options, timeZone: 'UTC' });
		formatters.set(id, f);
	}
	return f;
}

/** `2024-03` → "mar 2024" (short) or "marzo de 2024" (long). */
export function monthLabel(
	locale: Locale,
	month: string,
	style: 'short' | 'long' = 'short'
): string {
	const [y, m] = month.split('-').map(Number);
	return dateFormat(locale, { month: style, year: 'numeric' }).format(
		new Date(Date.UTC(y, m - 1, 1))
	);
}

/** An ISO date as `formatDate` writes it ("5 dic 2024"), with a cached formatter. */
export function dateLabel(locale: Locale, iso: string): string {
	const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
	return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(
		new Date(Date.UTC(y, m - 1, d))
	);
}

/** A period in words: "2024", "2022–2024", "marzo de 2024", or "15 mar 2024 – 1 jul 2024". */
export function periodLabel(locale: Locale, p: Period): string {
	if (yearAligned(p)) {
		const a = p.from.slice(0, 4);
		const b = p.to.slice(0, 4);
		return a === b ? a : `${a}–${b}`;
	}
	if (monthAligned(p) && p.from.slice(0, 7) === p.to.slice(0, 7)) {
		return monthLabel(locale, p.from.slice(0, 7), 'long');
	}
	return `${dateLabel(locale, p.from)} – ${dateLabel(locale, p.to)}`;
}
