/**
 * A round's state and history in words (server mode), for the round page
 * and the district profile: "Versión 2 devuelta con comentarios por
 * uim@integra.demo el 7 dic 2026, 10:15".
 */
import { formatDateTime } from '../i18n/format';
import { tr, type Locale } from '../i18n/index';
import type { ServerRoundEvent, ServerRoundState } from './round-sync';

export function stateText(state: ServerRoundState, locale: Locale): string {
	return tr(locale, `submission.state.${state}`);
}

/** One event of the history; without "by …" when the server does not say who (the public). */
export function eventText(event: ServerRoundEvent, locale: Locale): string {
	const params = {
		version: event.version,
		by: event.by ?? '',
		date: formatDateTime(event.at, locale)
	};
	return tr(locale, `submission.${event.by ? 'event' : 'eventAnon'}.${event.action}`, params);
}
