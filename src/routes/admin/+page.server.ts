import { error, redirect } from '@sveltejs/kit';
import { building } from '$app/environment';
import { STATIC_SITE } from '$lib/mode';
import { serverStore } from '$lib/server/db/context';
import { or503 } from '$lib/server/page-engine';
import { listAccounts } from '$lib/server/auth/user-admin';
import { listRounds } from '$lib/server/rounds/service';
import { referenceDistricts } from '$lib/server/reference-districts';

/**
 * /admin (server mode, admins only): the accounts, the validated rounds
 * waiting to be published, the districts an official may be given. The
 * static site has no accounts: its page only says so.
 */
export async function load({ locals, url }) {
	if (building || STATIC_SITE) return { accounts: [], validated: [], districts: [] };
	if (!locals.user) redirect(303, `/entrar?next=${encodeURIComponent(url.pathname)}`);
	if (locals.user.role !== 'admin')
		error(403, {
			message: 'Solo una cuenta de administración puede ver esta página.',
			code: 'forbidden'
		});
	const user = locals.user;
	return or503(async () => {
		const store = await serverStore();
		const [accounts, validated, districts] = await Promise.all([
			listAccounts(store, user),
			listRounds(store, user, { state: 'validated' }),
			referenceDistricts()
		]);
		return { accounts, validated, districts };
	});
}
