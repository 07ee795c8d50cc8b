import { t } from '$lib/i18n/locale.svelte';
import type { Target } from './staged-file.svelte';

/** What a staged file will be loaded as, for people: a dataset's name, or "a table". */
export function targetLabel(target: Target | null): string {
	if (target === null) return '';
	return target === 'table' ? t('datos.file.targetTable') : t(`import.dataset.${target}`);
}
