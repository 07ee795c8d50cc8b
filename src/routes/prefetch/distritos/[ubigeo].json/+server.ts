import { json } from '@sveltejs/kit';
import type { Prefetched } from '$lib/engine/prefetch';
import { prefetch, prefetchEntries } from '$lib/server/prerender-data';
import { pageEngine } from '$lib/server/page-engine';
import { STATIC_SITE } from '$lib/mode';
import { profileQueries } from '$lib/metrics/profile-queries';
import { districtRoundsSql } from '$lib/metrics/profile';

// A static JSON file per district, written at build time by the Node engine:
// the profile page shows it at once and DuckDB in the browser takes over.
export const prerender = STATIC_SITE;

export const entries = prefetchEntries;

export async function GET({ params, locals }) {
	const e = await pageEngine(locals);
	const rounds = await prefetch(e, districtRoundsSql(params.ubigeo));
	const round = (rounds.rows[0]?.round as string | undefined) ?? null;
	const queries = profileQueries(params.ubigeo, round);
	const prefetched: Record<string, Prefetched | null> = {};
	for (const [name, query] of Object.entries(queries)) {
		prefetched[name] = query ? await prefetch(e, query) : null;
	}
	return json({ round, queries: prefetched });
}
