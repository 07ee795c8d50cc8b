/** Publishing validated rounds, and what the public datasets read of them. */
import type { Queryable, Store } from '../db/store';
import type { User } from '../auth/sessions';
import { writeAudit } from '../audit';
import { iso } from '../db/timestamps';
import { ApiError } from '../http/errors';
import { mustBeAdmin } from './access';
import { mustBeIn } from './review';
import { SUMMARY_COLUMNS, lockRound, summary } from './rows';
import type { RoundSummary } from './types';

/**
 * An admin publishes validated rounds: the given one, or every round
 * validated since (when `which` is 'all-validated'). One publication, one
 * new version of the public datasets.
 */
export async function publish(
	store: Store,
	user: User | null,
	which: { ubigeo: string; round: string } | 'all-validated',
	now: Date
): Promise<{ publication: number; rounds: { ubigeo: string; round: string; version: number }[] }> {
	mustBeAdmin(user);
	return store.transaction(async (tx) => {
		let targets: RoundSummary[];
		if (which === 'all-validated') {
			const rows = await tx.query(
				`SELECT ${SUMMARY_COLUMNS} FROM rounds r WHERE r.state = 'validated'
				 ORDER BY r.ubigeo, r.round FOR UPDATE`
			);
			targets = rows.map(summary);
			if (targets.length === 0)
				throw new ApiError('conflict', 'No hay rondas validadas pendientes de publicar.');
		} else {
			const current = await lockRound(tx, which.ubigeo, which.round);
			targets = [mustBeIn(current, ['validated'], which.ubigeo, which.round)];
		}
		const [pub] = await tx.query<{ id: number }>(
			'INSERT INTO publications (published_by, published_at) VALUES ($1, $2) RETURNING id::int AS id',
			[user.id, now]
		);
		for (const t of targets) {
			await tx.query(
				`UPDATE rounds SET state = 'published', published_version = latest_version, updated_at = $3
				 WHERE ubigeo = $1 AND round = $2`,
				[t.ubigeo, t.round, now]
			);
			await tx.query(
				`INSERT INTO round_events (ubigeo, round, version, action, actor_id, at, publication_id)
				 VALUES ($1, $2, $3, 'published', $4, $5, $6)`,
				[t.ubigeo, t.round, t.latest_version, user.id, now, pub.id]
			);
		}
		await writeAudit(
			tx,
			user,
			'published',
			targets.map((t) => `${t.ubigeo}/${t.round}`).join(' '),
			`publication ${pub.id}`,
			now
		);
		return {
			publication: pub.id,
			rounds: targets.map((t) => ({ ubigeo: t.ubigeo, round: t.round, version: t.latest_version }))
		};
	});
}

/** The number of the latest publication (0 before any): the public datasets' version. */
export async function publicationVersion(db: Queryable): Promise<number> {
	const [row] = await db.query<{ v: number }>(
		'SELECT coalesce(max(id), 0)::int AS v FROM publications'
	);
	return row.v;
}

export type AssessmentRow = {
	ubigeo: string;
	round: string;
	indicator_id: string;
	answer: string;
	evidence: string | null;
	source_url: string | null;
	updated_at: string | null;
};

/**
 * The answers of `assessments.csv`: published versions only, or (for staff
 * who ask for work in progress) the latest version of every round that is
 * submitted, validated or published, and the published version of a
 * returned one.
 */
export async function assessmentRows(
	db: Queryable,
	which: 'published' | 'in-progress'
): Promise<AssessmentRow[]> {
	const version =
		which === 'published'
			? 'r.published_version'
			: `CASE WHEN r.state = 'returned' THEN r.published_version ELSE r.latest_version END`;
	const rows = await db.query(
		`SELECT a.ubigeo, a.round, a.indicator_id, a.answer, a.evidence, a.source_url, a.updated_at
		 FROM rounds r JOIN round_answers a
		   ON a.ubigeo = r.ubigeo AND a.round = r.round AND a.version = ${version}
		 ORDER BY a.ubigeo, a.round, a.indicator_id`
	);
	return rows.map((r) => ({
		ubigeo: String(r.ubigeo),
		round: String(r.round),
		indicator_id: String(r.indicator_id),
		answer: String(r.answer),
		evidence: (r.evidence as string | null) ?? null,
		source_url: (r.source_url as string | null) ?? null,
		updated_at: r.updated_at === null ? null : iso(r.updated_at).replace(/\.000Z$/, 'Z')
	}));
}
