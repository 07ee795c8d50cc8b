export type Locale = 'es' | 'en';
export const LOCALES: Locale[] = ['es', 'en'];
/** One area's strings, in both languages. `{name}` marks a parameter. */
export type Messages = Record<string, string>;
export interface Area {
	es: Messages;
	en: Messages;
}
