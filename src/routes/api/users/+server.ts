import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { api, readJson } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { createAccount, listAccounts } from '$lib/server/auth/user-admin';
import { isReferenceDistrict } from '$lib/server/reference-districts';
import { mustBeAdmin } from '$lib/server/rounds/access';

// The accounts (admins only): id, email, name, role, ubigeos, created_at.
export const GET: RequestHandler = api(async ({ locals }) =>
	json({ users: await listAccounts(await serverStore(), locals.user) })
);

// A new account: `{ email, name, role, ubigeos, password }` → 201 and the account (never its password).
export const POST: RequestHandler = api(async ({ locals, request }) => {
	// refused before the body is read: an outsider learns nothing of the rules
	mustBeAdmin(locals.user);
	const body = await readJson(request);
	const user = await createAccount(
		await serverStore(),
		locals.user,
		body,
		isReferenceDistrict,
		new Date()
	);
	return json({ user }, { status: 201 });
});
