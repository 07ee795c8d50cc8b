import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api, readOptionalJson } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { validateRound } from '$lib/server/rounds/service';
import { mustReview } from '$lib/server/rounds/access';
import { parseComments } from '$lib/server/rounds/body';

// A UIM assistant validates the latest version (optional `{ "comments": […] }`).
export const POST: RequestHandler = api(async ({ params, locals, request }) => {
	mustReview(locals.user);
	const comments = parseComments(await readOptionalJson(request));
	return json(
		await validateRound(
			await serverStore(),
			locals.user,
			params.ubigeo,
			params.round,
			comments,
			new Date()
		)
	);
});
