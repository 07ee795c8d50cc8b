import { tr, trUnder, type KeyPrefix, type Locale, type MessageKey } from './index';
import type { Params } from './translate';

const STORAGE_KEY = 'integra.locale';

/**
 * The current interface language, shared by every component. Reading
 * `i18n.locale` inside markup makes that markup follow a language switch.
 * Pages are prerendered in Spanish; a stored choice applies after hydration.
 */
export const i18n = $state<{ locale: Locale }>({ locale: 'es' });

export function t(key: MessageKey, params?: Params): string {
	return tr(i18n.locale, key, params);
}

/** `t` for a key built from a value known only at run time: `tUnder('domain.', row.domain)`. */
export function tUnder<P extends string>(
	prefix: P & KeyPrefix<P>,
	value: unknown,
	params?: Params
): string {
	return trUnder<P>(i18n.locale, prefix, value, params);
}

export function setLocale(locale: Locale): void {
	i18n.locale = locale;
	document.documentElement.lang = locale;
	try {
		localStorage.setItem(STORAGE_KEY, locale);
	} catch {
		// private mode: the choice lasts for this page only
	}
}

/** Apply the language chosen on an earlier visit, if any. */
export function restoreLocale(): void {
	const stored = readStored();
	if (stored === 'es' || stored === 'en') setLocale(stored);
}

function readStored(): string | null {
	try {
		return localStorage.getItem(STORAGE_KEY);
	} catch {
		return null; // storage blocked: Spanish, the default
	}
}
