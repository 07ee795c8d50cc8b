import { goto, invalidateAll } from '$app/navigation';
import { resolve } from '$app/paths';
import { api } from '$lib/api/client';

/** `null` when it worked; else the server's message (already written for people). */
export type Outcome = string | null;

/**
 * Staff choose what the pages show (POST /api/view). The page is then
 * loaded again in full: the server's figures and the browser's DuckDB
 * (which fetched /prefetch/tables/*.arrow for the old view) both start over.
 */
export async function switchView(view: 'published' | 'in-progress'): Promise<Outcome> {
	const result = await api('/api/view', { method: 'POST', body: { view } });
	if (result.kind !== 'ok') return result.message;
	await invalidateAll();
	location.reload();
	return null;
}

/**
 * Signs out on the server (DELETE /api/session), then the observatory.
 * Work in progress is switched off first, so the next person on this
 * browser starts from the published data; and the page is then loaded in
 * full, so no unpublished figure stays in this tab's memory.
 */
export async function signOut(view: 'published' | 'in-progress'): Promise<Outcome> {
	if (view === 'in-progress')
		await api('/api/view', { method: 'POST', body: { view: 'published' } });
	const result = await api('/api/session', { method: 'DELETE' });
	if (result.kind !== 'ok') return result.message;
	await invalidateAll();
	if (view === 'in-progress') location.assign(resolve('/'));
	else await goto(resolve('/'));
	return null;
}
