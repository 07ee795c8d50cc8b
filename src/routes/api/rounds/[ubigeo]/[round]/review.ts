import type { RequestHandler } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import type { validateRound } from '$lib/server/rounds/service';
import { mustReview } from '$lib/server/rounds/access';
import { parseComments } from '$lib/server/rounds/body';

/**
 * The POST of a UIM decision on a round (return, validate): the same steps,
 * only the decision and how the body with the comments is read differ.
 * The role is checked before the body is read.
 */
export function reviewHandler(
	decide: typeof validateRound,
	readBody: (request: Request) => Promise<unknown>
): RequestHandler<{ ubigeo: string; round: string }> {
	return api(async ({ params, locals, request }) => {
		mustReview(locals.user);
		const comments = parseComments(await readBody(request));
		return json(
			await decide(
				await serverStore(),
				locals.user,
				params.ubigeo,
				params.round,
				comments,
				new Date()
			)
		);
	});
}
