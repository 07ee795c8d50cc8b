import { t } from '$lib/i18n/locale.svelte';
import type { FileProblem } from '$lib/forms/csv-file';

/** What went wrong with browser storage, in words an official can act on. */
export function storageMessage(error: unknown): string {
	const name = error instanceof DOMException || error instanceof Error ? error.name : '';
	const detail = error instanceof Error ? error.message : String(error);
	if (name === 'QuotaExceededError') return t('assess.storage.quota');
	if (name === 'NotSupportedError' || name === 'SecurityError' || name === 'InvalidStateError')
		return t('assess.storage.unavailable');
	return t('assess.storage.other', { detail });
}

/** "Línea 4, columna answer: …" */
export function problemMessage(p: FileProblem): string {
	const text = t(p.key, p.params);
	if (p.line !== null && p.column)
		return t('assess.import.at', { line: p.line, column: p.column, text });
	if (p.line !== null) return t('assess.import.atLine', { line: p.line, text });
	return text;
}
