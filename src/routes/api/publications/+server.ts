import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { publish } from '$lib/server/rounds/service';
import { mustBeAdmin } from '$lib/server/rounds/access';

// An admin publishes every round validated since the last publication, as one publication.
export const POST: RequestHandler = api(async ({ locals }) => {
	mustBeAdmin(locals.user);
	return json(await publish(await serverStore(), locals.user, 'all-validated', new Date()));
});
