import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { setPassword } from '$lib/server/auth/user-admin';
import { mustBeAdmin } from '$lib/server/rounds/access';

// An admin sets a new password `{ password }` for account `id`; its open sessions end. 204.
export const POST: RequestHandler = api(async ({ locals, request, params }) => {
	mustBeAdmin(locals.user);
	const body = await readJson(request);
	await setPassword(await serverStore(), locals.user, params.id, body, new Date());
	return new Response(null, { status: 204 });
});
