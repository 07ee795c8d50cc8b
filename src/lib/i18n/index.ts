import type { Area, Locale, Messages } from './types';
import { translate, type Params } from './translate';
import * as areas from './all-areas';

export type { Locale } from './types';
export { LOCALES } from './types';
export * from './format';

type Areas = typeof areas;
/**
 * Every key of the Spanish dictionary. `tr` and `t` take only these, so a key
 * that no dictionary has fails `npm run check`. A key kept as data (an import
 * issue's code, stored and translated where it is shown) is typed as this too.
 */
export type MessageKey = {
	[Name in keyof Areas]: Areas[Name] extends Area<infer K> ? K : never;
}[keyof Areas];

const AREAS: Area[] = Object.values(areas);

const dictionaries: Record<Locale, Messages<MessageKey>> = {
	es: Object.assign({}, ...AREAS.map((a) => a.es)),
	en: Object.assign({}, ...AREAS.map((a) => a.en))
};

/** Translate outside components (CLI, reports): the locale is explicit. */
export function tr(locale: Locale, key: MessageKey, params?: Params): string {
	return translate(dictionaries, locale, key, params);
}

/** Whether a string read at run time (a data value, a stored code) is a message key. */
export function hasKey(key: string): key is MessageKey {
	return key in dictionaries.es;
}

/** The message keys under a prefix: `KeysUnder<'level.'>` is `'level.inicial' | …`. */
export type KeysUnder<P extends string> = Extract<MessageKey, `${P}${string}`>;

/** A prefix that some message key starts with: a misspelt one fails the type check. */
export type KeyPrefix<P extends string> = [KeysUnder<P>] extends [never] ? never : P;

/**
 * Translate `prefix + value`, for a value known only at run time (a domain
 * number from SQL, a role the server sent). The prefix is checked by the type
 * check, the whole key against the dictionaries: a value with no message shows
 * as its key, like any gap.
 */
export function trUnder<P extends string>(
	locale: Locale,
	prefix: P & KeyPrefix<P>,
	value: unknown,
	params?: Params
): string {
	const key = `${prefix as string}${value}`;
	return hasKey(key) ? tr(locale, key, params) : key;
}
