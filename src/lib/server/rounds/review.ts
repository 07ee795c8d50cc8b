/** The UIM's review of a submitted round: return it with comments, or validate it. */
import type { Store } from '../db/store';
import type { User } from '../auth/sessions';
import { writeAudit } from '../audit';
import { ApiError } from '../http/errors';
import { mustReview } from './access';
import { lockRound } from './rows';
import type { ReviewComment, RoundState, RoundSummary } from './types';

/** The round, if it exists (else 404) and is in one of `states` (else 409 with its state). */
export function mustBeIn(
	current: RoundSummary | null,
	states: RoundState[],
	ubigeo: string,
	round: string
) {
	if (!current)
		throw new ApiError('not_found', `No hay una ronda ${round} del distrito ${ubigeo}.`);
	if (!states.includes(current.state))
		throw new ApiError(
			'conflict',
			`La ronda ${round} de ${ubigeo} está «${current.state}»; esta acción necesita: ${states.join(' o ')}.`,
			{ current_version: current.latest_version, state: current.state }
		);
	return current;
}

/**
 * A UIM assistant's decision on the latest version, as an exported action:
 * only the UIM decides, and a return needs at least one comment (a
 * validation takes them optionally).
 */
function decision(to: 'returned' | 'validated') {
	return async (
		store: Store,
		user: User | null,
		ubigeo: string,
		round: string,
		comments: ReviewComment[],
		now: Date
	): Promise<RoundSummary> => {
		mustReview(user);
		if (to === 'returned' && comments.length === 0)
			throw new ApiError(
				'bad_request',
				'Para devolver una ronda, escriba al menos un comentario sobre un indicador.'
			);
		return review(store, user, ubigeo, round, to, comments, now);
	};
}

/** A UIM assistant sends the latest version back with comments (at least one). */
export const returnRound = decision('returned');

/** A UIM assistant validates the latest version (comments optional). */
export const validateRound = decision('validated');

async function review(
	store: Store,
	user: User,
	ubigeo: string,
	round: string,
	to: 'returned' | 'validated',
	comments: ReviewComment[],
	now: Date
): Promise<RoundSummary> {
	return store.transaction(async (tx) => {
		const current = mustBeIn(await lockRound(tx, ubigeo, round), ['submitted'], ubigeo, round);
		const version = current.latest_version;
		const answered = new Set(
			(
				await tx.query<{ indicator_id: string }>(
					'SELECT indicator_id FROM round_answers WHERE ubigeo = $1 AND round = $2 AND version = $3',
					[ubigeo, round, version]
				)
			).map((r) => r.indicator_id)
		);
		for (const c of comments) {
			if (!answered.has(c.indicator_id))
				throw new ApiError(
					'bad_request',
					`El indicador «${c.indicator_id}» no está en la versión ${version} de esta ronda.`
				);
			await tx.query(
				`INSERT INTO round_comments (ubigeo, round, version, indicator_id, text, author_id, at)
				 VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				[ubigeo, round, version, c.indicator_id, c.text, user.id, now]
			);
		}
		await tx.query(
			'UPDATE rounds SET state = $3, updated_at = $4 WHERE ubigeo = $1 AND round = $2',
			[ubigeo, round, to, now]
		);
		await tx.query(
			`INSERT INTO round_events (ubigeo, round, version, action, actor_id, at)
			 VALUES ($1, $2, $3, $4, $5, $6)`,
			[ubigeo, round, version, to, user.id, now]
		);
		await writeAudit(
			tx,
			user,
			to,
			`${ubigeo}/${round}`,
			`version ${version}, ${comments.length} comments`,
			now
		);
		return { ...current, state: to, updated_at: now.toISOString() };
	});
}
