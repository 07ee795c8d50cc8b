import type { Locale } from './types';

/** The one map from Integra's locales to `Intl` tags: Peruvian Spanish, British English. */
const TAGS: Record<Locale, string> = { es: 'es-PE', en: 'en-GB' };

/** The `Intl` tag of a locale, for a format this module does not offer. */
export function intlTag(locale: Locale): string {
	return TAGS[locale];
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
	const id = `${locale}:${digits}`;
	let f = cache.get(id);
	if (!f) {
		f = new Intl.NumberFormat(TAGS[locale], {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		cache.set(id, f);
	}
	return f;
}

/** A number for the screen; empty stays empty (never 0). Scores use 0 decimals. */
export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
	if (value === null || value === undefined || Number.isNaN(value)) return '';
	return numberFormat(locale, digits).format(value);
}

/**
 * Exported figures: 1 decimal, half away from zero, `.` as separator.
 * `toFixed` rounds binary floats (1.25 → "1.3" but 1.005 → "1.00"), so the
 * rounding is done on a scaled value with a small epsilon first.
 */
export function formatExport(value: number | null | undefined, digits = 1): string {
	if (value === null || value === undefined || Number.isNaN(value)) return '';
	const factor = 10 ** digits;
	const scaled = Math.abs(value) * factor;
	const rounded = Math.floor(scaled + 0.5 + 1e-9) / factor;
	const signed = value < 0 && rounded !== 0 ? -rounded : rounded;
	return signed.toFixed(digits);
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
	if (!iso) return '';
	const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
	return new Intl.DateTimeFormat(TAGS[locale], {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "a, b y c" / "a, b and c": a list of phrases joined for the screen. */
export function formatList(items: readonly string[], locale: Locale): string {
	return new Intl.ListFormat(TAGS[locale], { type: 'conjunction' }).format(items);
}

/** "hace 3 s", "hace 5 min", "ayer" (es) / "3 sec ago", "yesterday" (en). */
export function relativeTime(then: number, now: number, locale: Locale): string {
	const format = new Intl.RelativeTimeFormat(TAGS[locale], { numeric: 'auto', style: 'short' });
	const seconds = Math.round((then - now) / 1000);
	const abs = Math.abs(seconds);
	if (abs < 60) return format.format(Math.min(0, seconds), 'second');
	if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
	if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
	return format.format(Math.round(seconds / 86_400), 'day');
}

/** A date and time for a list ("15 jun 2025, 12:00"), in the browser's time zone. */
export function formatDateTime(iso: string | null, locale: Locale): string {
	if (!iso) return '';
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return '';
	return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
		ms
	);
}
