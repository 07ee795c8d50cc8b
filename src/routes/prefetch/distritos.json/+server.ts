import { json } from '@sveltejs/kit';
import { prefetchEntries } from '$lib/server/prerender-data';

// The districts that have a prefetched profile, so the page asks only for
// files that exist (a district imported later is computed live instead).
export const prerender = true;

export async function GET() {
	return json((await prefetchEntries()).map((e) => e.ubigeo));
}
