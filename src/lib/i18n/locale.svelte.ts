import { tr, type Locale } from './index';
import type { Params } from './translate';

/**
 * The current interface language, shared by every component. Reading
 * `i18n.locale` inside markup makes that markup follow a language switch.
 */
export const i18n = $state<{ locale: Locale }>({ locale: 'es' });

export function t(key: string, params?: Params): string {
	return tr(i18n.locale, key, params);
}
