import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api, readJson } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { mustPlanFor } from '$lib/server/plans/access';
import { parsePlanItem } from '$lib/server/plans/body';
import { saveItem } from '$lib/server/plans/service';
import { checkPlanItemAgainstPublished } from '$lib/server/plans/published-check';

// An official saves an action of their district: 201 with the new version, 200 with the stored
// one when nothing changed (a repeated send), 409 when base_version is not the latest.
export const PUT: RequestHandler = api(async ({ params, locals, request }) => {
	// who may write is checked before the body is read
	mustPlanFor(locals.user, params.ubigeo);
	const change = parsePlanItem(await readJson(request), params.ubigeo, params.id);
	const { created, item } = await saveItem(
		await serverStore(),
		locals.user,
		params.ubigeo,
		params.id,
		change,
		checkPlanItemAgainstPublished,
		new Date()
	);
	return json(item, { status: created ? 201 : 200 });
});
