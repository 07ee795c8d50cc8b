import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api, readJson } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { submitVersion } from '$lib/server/rounds/service';
import { mustSubmitFor } from '$lib/server/rounds/access';
import { parseSubmission } from '$lib/server/rounds/body';
import { checkAgainstPublished } from '$lib/server/workspace';

// Submit a new immutable version: 201 with its number, 409 if base_version is not the latest.
export const POST: RequestHandler = api(async ({ params, locals, request }) => {
	// who may send is checked before the body is read
	mustSubmitFor(locals.user, params.ubigeo);
	const submission = parseSubmission(await readJson(request));
	const { version } = await submitVersion(
		await serverStore(),
		locals.user,
		params.ubigeo,
		params.round,
		submission,
		checkAgainstPublished,
		new Date()
	);
	return json(
		{ ubigeo: params.ubigeo, round: params.round, version, state: 'submitted' },
		{ status: 201 }
	);
});
