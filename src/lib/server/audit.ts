/**
 * The audit log: every write of the API leaves a line (who, what, on what),
 * and an admin reads them back (/api/audit.csv).
 */
import type { Queryable } from './db/store';
import type { User } from './auth/sessions';
import { iso } from './db/timestamps';
import { mustBeAdmin } from './rounds/access';

/** Adds a line to the audit log, inside the transaction of the write it records. */
export async function writeAudit(
	tx: Queryable,
	actor: User | null,
	action: string,
	target: string,
	detail: string,
	now: Date
) {
	await tx.query(
		'INSERT INTO audit_log (at, actor_id, action, target, detail) VALUES ($1, $2, $3, $4, $5)',
		[now, actor?.id ?? null, action, target, detail]
	);
}

export type AuditEntry = {
	at: string;
	actor: string | null;
	action: string;
	target: string;
	detail: string;
};

export async function auditLog(
	db: Queryable,
	user: User | null,
	limit = 10_000
): Promise<AuditEntry[]> {
	mustBeAdmin(user);
	const rows = await db.query(
		`SELECT l.at, u.email AS actor, l.action, l.target, l.detail
		 FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
		 ORDER BY l.at DESC, l.id DESC LIMIT $1`,
		[limit]
	);
	return rows.map((r) => ({
		at: iso(r.at),
		actor: (r.actor as string | null) ?? null,
		action: String(r.action),
		target: String(r.target),
		detail: String(r.detail)
	}));
}
