import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { getRound } from '$lib/server/rounds/service';

// The round's latest version the caller may see, its state, comments and history.
export const GET: RequestHandler = api(async ({ params, locals }) =>
	json(await getRound(await serverStore(), locals.user, params.ubigeo, params.round))
);
