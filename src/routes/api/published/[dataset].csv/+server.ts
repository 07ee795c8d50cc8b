import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/respond';
import { ApiError } from '$lib/server/http/errors';
import { serverStore, storeConfig } from '$lib/server/db/context';
import { isDatasetName } from '$lib/data/snapshot';
import { viewEngine, viewTag } from '$lib/server/published';
import { openDataCsv } from '$lib/server/open-data-csv';

// A dataset of the contract as published: exactly what the open-data
// downloads give (counts under 5 suppressed), published rounds only.
export const GET: RequestHandler = api(async ({ params, request }) => {
	if (!isDatasetName(params.dataset))
		throw new ApiError('not_found', `No hay un conjunto de datos «${params.dataset}».`);
	const store = await serverStore();
	const etag = `"${params.dataset}-${await viewTag(store, 'published')}"`;
	const headers = { etag, 'cache-control': 'public, no-cache', vary: 'Cookie' };
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	const engine = await viewEngine(store, 'published', storeConfig().demoDataDir);
	const csv = await openDataCsv(engine, params.dataset);
	if (csv === null)
		throw new ApiError('not_found', `Aún no hay datos publicados de «${params.dataset}».`);
	return new Response(csv, {
		headers: {
			...headers,
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${params.dataset}.csv"`
		}
	});
});
