import { json } from '@sveltejs/kit';
import { prefetchEntries } from '$lib/server/prerender-data';
import { pageEngine } from '$lib/server/page-engine';
import { STATIC_SITE } from '$lib/mode';

// The districts that have a prefetched profile, so the page asks only for
// files that exist (a district imported later is computed live instead).
export const prerender = STATIC_SITE;

export async function GET({ locals }) {
	return json((await prefetchEntries(await pageEngine(locals))).map((e) => e.ubigeo));
}
