import { resolve } from '$app/paths';
import type { Prefetched } from '$lib/engine/prefetch';

export interface ProfilePrefetch {
	/** the round the prerendered indicators belong to (the latest) */
	round: string | null;
	queries: Record<string, Prefetched | null>;
}

export async function load({ fetch, params }) {
	// Built for every demo district; a 404 just means "compute it live".
	const response = await fetch(
		resolve('/prefetch/distritos/[ubigeo].json', { ubigeo: params.ubigeo })
	);
	const prefetched = response.ok ? ((await response.json()) as ProfilePrefetch) : null;
	return { ubigeo: params.ubigeo, prefetched };
}
