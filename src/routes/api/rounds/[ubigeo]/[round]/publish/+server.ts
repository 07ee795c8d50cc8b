import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { publish } from '$lib/server/rounds/service';
import { mustBeAdmin } from '$lib/server/rounds/access';

// An admin publishes one validated round.
export const POST: RequestHandler = api(async ({ params, locals }) => {
	mustBeAdmin(locals.user);
	const which = { ubigeo: params.ubigeo, round: params.round };
	return json(await publish(await serverStore(), locals.user, which, new Date()));
});
