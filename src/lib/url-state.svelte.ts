import { goto } from '$app/navigation';
import { page } from '$app/state';

/**
 * Selections live in the URL so a view can be shared and the back button
 * walks back through them. Prerendered HTML is built for the defaults, so the
 * URL is only read once the app has mounted (no hydration mismatch).
 */
const mounted = $state({ value: false });

export function markMounted(): void {
	mounted.value = true;
}

/** A query-string value, or null before mount and when absent. */
export function urlParam(name: string): string | null {
	return mounted.value ? page.url.searchParams.get(name) : null;
}

/** Set or clear query-string values as a new history entry. */
export function setUrlParams(updates: Record<string, string | null | undefined>): Promise<void> {
	// a one-off copy to build the next address, not reactive state
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const url = new URL(page.url);
	for (const [name, value] of Object.entries(updates)) {
		if (value === null || value === undefined || value === '') url.searchParams.delete(name);
		else url.searchParams.set(name, value);
	}
	// the same page with other parameters: its path is already resolved
	// eslint-disable-next-line svelte/no-navigation-without-resolve
	return goto(url, { keepFocus: true, noScroll: true });
}
