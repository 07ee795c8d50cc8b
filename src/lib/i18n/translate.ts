import type { Locale, Messages } from './types';

export type Params = Record<string, string | number>;

/**
 * Look a key up and fill `{param}` placeholders. A missing key falls back to
 * Spanish, then to the key itself, so a gap shows up on screen instead of
 * throwing.
 */
export function translate(
	dictionaries: Record<Locale, Messages>,
	locale: Locale,
	key: string,
	params: Params = {}
): string {
	const template = dictionaries[locale][key] ?? dictionaries.es[key] ?? key;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
