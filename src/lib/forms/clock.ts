/**
 * Dates as the official sees them. The end-to-end tests fix the clock and
 * the time zone in the browser (Playwright's clock and `timezoneId`), so
 * nothing here reads anything but `Date`.
 */
import type { Locale } from '../i18n/types';

const pad = (n: number) => String(n).padStart(2, '0');

/** Now, ISO 8601 in UTC: the `updated_at` of an answer. */
export function nowIso(): string {
	return new Date().toISOString();
}

/** Today in the browser's time zone, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const TAGS: Record<Locale, string> = { es: 'es-PE', en: 'en-GB' };

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
