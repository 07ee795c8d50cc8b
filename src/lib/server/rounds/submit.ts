/** Submitting a version of a round: a new immutable version and its answers. */
import type { Queryable, Store } from '../db/store';
import type { User } from '../auth/sessions';
import { writeAudit } from '../audit';
import { ApiError } from '../http/errors';
import { mustSubmitFor } from './access';
import { lockRound } from './rows';
import type { Answer, RoundSummary, SubmissionCheck } from './types';

/**
 * Stores a new immutable version of a round, in one transaction. `base` is
 * the version the sender started from (null for a first submission): if the
 * server has moved on since, 409 with the current version, nothing stored.
 */
export async function submitVersion(
	store: Store,
	user: User | null,
	ubigeo: string,
	round: string,
	submission: { base_version: number | null; answers: Answer[] },
	check: SubmissionCheck,
	now: Date
): Promise<{ version: number }> {
	mustSubmitFor(user, ubigeo);
	await check(ubigeo, round, submission.answers);
	return store.transaction(async (tx) => {
		const stale = (current: RoundSummary | null) => {
			const latest = current?.latest_version ?? null;
			return new ApiError(
				'conflict',
				latest === null
					? 'Esta ronda aún no tiene versiones en el servidor: envíela con base_version null.'
					: `La ronda ya tiene la versión ${latest} en el servidor; su envío partía de ${submission.base_version ?? 'ninguna'}.`,
				{ current_version: latest, state: current?.state ?? null }
			);
		};
		const current = await lockRound(tx, ubigeo, round);
		const latest = current?.latest_version ?? null;
		if (submission.base_version !== latest) throw stale(current);
		const version = (latest ?? 0) + 1;
		if (current)
			await tx.query(
				`UPDATE rounds SET state = 'submitted', latest_version = $3, updated_at = $4
				 WHERE ubigeo = $1 AND round = $2`,
				[ubigeo, round, version, now]
			);
		else {
			// A first version: no row to lock yet. Two sent at once both get here; the
			// second insert waits for the first transaction, then finds the round taken.
			const inserted = await tx.query(
				`INSERT INTO rounds (ubigeo, round, state, latest_version, updated_at)
				 VALUES ($1, $2, 'submitted', $3, $4)
				 ON CONFLICT (ubigeo, round) DO NOTHING RETURNING 1`,
				[ubigeo, round, version, now]
			);
			if (inserted.length === 0) throw stale(await lockRound(tx, ubigeo, round));
		}
		await tx.query(
			`INSERT INTO round_versions (ubigeo, round, version, submitted_by, submitted_at)
			 VALUES ($1, $2, $3, $4, $5)`,
			[ubigeo, round, version, user.id, now]
		);
		await insertAnswers(tx, ubigeo, round, version, submission.answers, now);
		await tx.query(
			`INSERT INTO round_events (ubigeo, round, version, action, actor_id, at)
			 VALUES ($1, $2, $3, 'submitted', $4, $5)`,
			[ubigeo, round, version, user.id, now]
		);
		await writeAudit(tx, user, 'submitted', `${ubigeo}/${round}`, `version ${version}`, now);
		return { version };
	});
}

/** All answers of a version in one statement (a round has ~60; the demo seed, thousands). */
export async function insertAnswers(
	tx: Queryable,
	ubigeo: string,
	round: string,
	version: number,
	answers: (Answer & { updated_at?: string | null })[],
	updatedAt: Date
) {
	await tx.query(
		`INSERT INTO round_answers (ubigeo, round, version, indicator_id, answer, evidence, source_url, updated_at)
		 SELECT $1, $2, $3, a.indicator_id, a.answer, a.evidence, a.source_url,
		        coalesce(a.updated_at::timestamptz, $4)
		 FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
		   AS a(indicator_id, answer, evidence, source_url, updated_at)`,
		[
			ubigeo,
			round,
			version,
			updatedAt,
			answers.map((a) => a.indicator_id),
			answers.map((a) => a.answer),
			answers.map((a) => a.evidence),
			answers.map((a) => a.source_url),
			answers.map((a) => a.updated_at ?? null)
		]
	);
}
