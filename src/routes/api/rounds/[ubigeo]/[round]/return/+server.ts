import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api, readJson } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { returnRound } from '$lib/server/rounds/service';
import { mustReview } from '$lib/server/rounds/access';
import { parseComments } from '$lib/server/rounds/body';

// A UIM assistant returns the latest version with comments: `{ "comments": [{ "indicator_id", "text" }] }`.
export const POST: RequestHandler = api(async ({ params, locals, request }) => {
	mustReview(locals.user);
	const comments = parseComments(await readJson(request));
	return json(
		await returnRound(
			await serverStore(),
			locals.user,
			params.ubigeo,
			params.round,
			comments,
			new Date()
		)
	);
});
