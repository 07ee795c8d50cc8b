/**
 * The backup an admin downloads from /admin (GET /api/backup): the same file
 * as `npm run db -- backup`, taken while the server runs. It is the only way
 * to back up a running embedded store, whose folder no other process may open
 * (db/folder-lock.ts). The download is written to the audit log.
 */
import type { User } from './auth/sessions';
import { writeAudit } from './audit';
import { takeBackup, type Backup } from './db/backup';
import type { Store } from './db/store';
import { mustBeAdmin } from './rounds/access';

export async function adminBackup(store: Store, user: User | null, now: Date): Promise<Backup> {
	mustBeAdmin(user);
	const backup = await takeBackup(store);
	const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
	await store.transaction((tx) => writeAudit(tx, user, 'backup', 'store', `${rows} rows`, now));
	return backup;
}
