import { error } from '@sveltejs/kit';
import { building } from '$app/environment';
import { DATASET_NAMES } from '$lib/data/tables';
import { isDatasetName, snapshotSql } from '$lib/data/snapshot';
import { STATIC_SITE } from '$lib/mode';
import { or503, pageEngine } from '$lib/server/page-engine';
import { serverStore } from '$lib/server/db/context';
import { viewTag } from '$lib/server/published';

// The typed tables as Arrow IPC, from the Node engine's import of the data:
// a fresh browser engine inserts them instead of validating CSV files again
// (src/lib/data/demo-snapshot.ts). Static site: written at build time. Server:
// the published data (or work in progress for staff who asked), tagged with
// the publication, so a browser revalidates and downloads only what changed.
export const prerender = STATIC_SITE;

export const entries = () => DATASET_NAMES.map((table) => ({ table }));

export async function GET({ params, locals, request }) {
	if (!isDatasetName(params.table)) error(404, 'No such table');
	const headers: Record<string, string> = { 'content-type': 'application/vnd.apache.arrow.stream' };
	if (!building && !STATIC_SITE) {
		const tag = await or503(async () => viewTag(await serverStore(), locals.view));
		headers.etag = `"${params.table}-${locals.view}-${tag}"`;
		// staff's work in progress must not sit in a shared cache
		headers['cache-control'] = locals.view === 'published' ? 'no-cache' : 'private, no-cache';
		headers.vary = 'Cookie';
		if (request.headers.get('if-none-match') === headers.etag) {
			// a 304 says again what it revalidated and how long to keep it (RFC 9110 §15.4.5)
			const { etag, vary } = headers;
			return new Response(null, {
				status: 304,
				headers: { etag, vary, 'cache-control': headers['cache-control'] }
			});
		}
	}
	const bytes = await (await pageEngine(locals)).exportArrow(snapshotSql(params.table));
	return new Response(bytes as Uint8Array<ArrayBuffer>, { headers });
}
