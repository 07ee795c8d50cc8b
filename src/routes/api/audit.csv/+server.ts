import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/respond';
import { serverStore } from '$lib/server/db/context';
import { auditLog } from '$lib/server/rounds/service';
import { toCsv } from '$lib/data/csv-export';

// The audit log as CSV (admins only): who did what to which round, when.
export const GET: RequestHandler = api(async ({ locals }) => {
	const rows = await auditLog(await serverStore(), locals.user);
	const csv = toCsv(['at', 'actor', 'action', 'target', 'detail'], rows);
	return new Response(csv + '\n', {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="integra-audit.csv"'
		}
	});
});
