import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/respond';
import { ApiError } from '$lib/server/http/errors';
import { serverStore } from '$lib/server/db/context';
import { mustReadPlan } from '$lib/server/plans/access';
import { getPlan } from '$lib/server/plans/service';

// A district's action plan on the server: every action at its latest version, with its history
// (the district's officials, uim, admin, analyst; the public has the published actions.csv).
export const GET: RequestHandler = api(async ({ params, locals }) => {
	mustReadPlan(locals.user, params.ubigeo);
	if (!/^\d{6}$/.test(params.ubigeo))
		throw new ApiError('bad_request', 'El ubigeo debe tener 6 dígitos.');
	return json(await getPlan(await serverStore(), locals.user, params.ubigeo));
});
