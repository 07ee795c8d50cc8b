import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { adminBackup } from '$lib/server/admin-backup';

// A backup of the whole store (admins only), for `npm run db -- restore FILE`.
export const GET: RequestHandler = api(async ({ locals }) => {
	const backup = await adminBackup(await serverStore(), locals.user, new Date());
	const day = backup.taken_at.slice(0, 10);
	return new Response(JSON.stringify(backup), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="integra-backup-${day}.json"`,
			// it holds password hashes: never kept by a cache
			'cache-control': 'no-store'
		}
	});
});
