import type { Area, Locale, Messages } from './types';
import { translate, type Params } from './translate';
import * as areas from './all-areas';

export type { Locale } from './types';
export { LOCALES } from './types';
export * from './format';

const AREAS: Area[] = Object.values(areas);

const dictionaries: Record<Locale, Messages> = {
	es: Object.assign({}, ...AREAS.map((a) => a.es)),
	en: Object.assign({}, ...AREAS.map((a) => a.en))
};

/** Translate outside components (CLI, reports): the locale is explicit. */
export function tr(locale: Locale, key: string, params?: Params): string {
	return translate(dictionaries, locale, key, params);
}

export function hasKey(key: string): boolean {
	return key in dictionaries.es;
}
