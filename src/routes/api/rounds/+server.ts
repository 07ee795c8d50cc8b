import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { listRounds } from '$lib/server/rounds/service';

// Rounds the caller may see: `?ubigeo=&state=` (anonymous: published only).
export const GET: RequestHandler = api(async ({ url, locals }) => {
	const rounds = await listRounds(await serverStore(), locals.user, {
		ubigeo: url.searchParams.get('ubigeo') || undefined,
		state: url.searchParams.get('state') || undefined
	});
	return json({ rounds });
});
