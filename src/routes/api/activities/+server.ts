import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api, readJson } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { mustLogActivities, mustReadActivities } from '$lib/server/activities/access';
import { parseActivity } from '$lib/server/activities/body';
import { listActivities, logActivity } from '$lib/server/activities/service';
import { checkActivityAgainstPublished } from '$lib/server/activities/published-check';

// Activities logged on the server, with who logged them and when (staff: uim, admin, analyst).
export const GET: RequestHandler = api(async ({ url, locals }) => {
	mustReadActivities(locals.user);
	const activities = await listActivities(await serverStore(), locals.user, {
		ubigeo: url.searchParams.get('ubigeo') || undefined
	});
	return json({ activities });
});

// A UIM assistant logs an activity (the columns of activities.csv, with the id the device made):
// 201 with the stored activity, 200 with it when the same activity was sent before.
export const POST: RequestHandler = api(async ({ locals, request }) => {
	mustLogActivities(locals.user);
	const input = parseActivity(await readJson(request));
	const { created, activity } = await logActivity(
		await serverStore(),
		locals.user,
		input,
		checkActivityAgainstPublished,
		new Date()
	);
	return json(activity, { status: created ? 201 : 200 });
});
