export type Locale = 'es' | 'en';
export const LOCALES: Locale[] = ['es', 'en'];
/** One language's strings, by key. `{name}` marks a parameter. */
export type Messages<K extends string = string> = Record<K, string>;
/** One area's strings, in both languages, with the same keys. */
export interface Area<K extends string = string> {
	es: Messages<K>;
	en: Messages<K>;
}

/**
 * An area's dictionaries. The keys are read from the Spanish one (the
 * reference language): English must have exactly the same, or the type check
 * fails, and every key becomes part of `MessageKey`.
 */
export function defineArea<K extends string>(area: {
	es: Messages<K>;
	en: NoInfer<Messages<K>>;
}): Area<K> {
	return area;
}
