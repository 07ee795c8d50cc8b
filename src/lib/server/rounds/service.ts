import type { Queryable, Store } from '../db/store';
import type { User } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { canReadUnpublished, mustBeAdmin, mustReview, mustSubmitFor, seesAllWork } from './access';

export type RoundState = 'submitted' | 'returned' | 'validated' | 'published';
export const ROUND_STATES: readonly RoundState[] = [
	'submitted',
	'returned',
	'validated',
	'published'
];

export interface Answer {
	indicator_id: string;
	answer: string;
	evidence: string | null;
	source_url: string | null;
}

export interface RoundSummary {
	ubigeo: string;
	round: string;
	state: RoundState;
	latest_version: number;
	published_version: number | null;
	updated_at: string;
}

export interface RoundEvent {
	version: number;
	action: RoundState;
	at: string;
	by: string | null;
}

export interface RoundComment {
	version: number;
	indicator_id: string;
	text: string;
	at: string;
	by: string | null;
}

export interface RoundDetail extends RoundSummary {
	/** the version shown: the latest, or the published one for those who may not see work in progress */
	version: number;
	submitted_at: string;
	submitted_by: string | null;
	answers: Answer[];
	comments: RoundComment[];
	history: RoundEvent[];
}

/** Checks a submission's answers with the import pipeline; throws a 400 ApiError naming the problem. */
export type SubmissionCheck = (ubigeo: string, round: string, answers: Answer[]) => Promise<void>;

const iso = (d: unknown) => new Date(d as string).toISOString();

const SUMMARY_COLUMNS = `r.ubigeo, r.round, r.state, r.latest_version, r.published_version, r.updated_at`;

/** When a round's published version was published: the only time of it the public may know. */
const PUBLISHED_AT = `(SELECT max(e.at) FROM round_events e
	WHERE e.ubigeo = r.ubigeo AND e.round = r.round AND e.action = 'published')`;

function summary(r: Record<string, unknown>): RoundSummary {
	return {
		ubigeo: String(r.ubigeo),
		round: String(r.round),
		state: r.state as RoundState,
		latest_version: Number(r.latest_version),
		published_version: r.published_version === null ? null : Number(r.published_version),
		updated_at: iso(r.updated_at)
	};
}

/**
 * Rounds a viewer may see, newest change first. Anonymous visitors see
 * published rounds (as published); officials their own districts'; staff all.
 */
export async function listRounds(
	db: Queryable,
	viewer: User | null,
	filter: { ubigeo?: string; state?: string }
): Promise<RoundSummary[]> {
	if (filter.state && !ROUND_STATES.includes(filter.state as RoundState))
		throw new ApiError('bad_request', `state debe ser uno de: ${ROUND_STATES.join(', ')}.`);
	const where: string[] = [];
	const params: unknown[] = [];
	if (filter.ubigeo) {
		params.push(filter.ubigeo);
		where.push(`r.ubigeo = $${params.length}`);
	}
	// the state as this viewer sees it: a round of someone else's district is "published" (its published version)
	let state = 'r.state';
	// …and its time: of its publication, not of newer work the viewer may not see
	let shownAt = 'r.updated_at';
	if (!seesAllWork(viewer)) {
		// anonymous: published only; an official: published, or their own districts
		params.push(viewer?.ubigeos ?? []);
		const inside = `r.ubigeo = ANY($${params.length})`;
		where.push(`(r.published_version IS NOT NULL OR ${inside})`);
		state = `(CASE WHEN ${inside} THEN r.state ELSE 'published' END)`;
		shownAt = `(CASE WHEN ${inside} THEN r.updated_at ELSE ${PUBLISHED_AT} END)`;
	}
	if (filter.state) {
		params.push(filter.state);
		where.push(`${state} = $${params.length}`);
	}
	const rows = await db.query(
		`SELECT ${SUMMARY_COLUMNS}, ${shownAt} AS shown_at FROM rounds r
		 ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
		 ORDER BY shown_at DESC, r.ubigeo, r.round`,
		params
	);
	return rows.map((r) => {
		const s = summary(r);
		if (canReadUnpublished(viewer, s.ubigeo)) return s;
		// what the public may know of a round: its published version
		return {
			...s,
			state: 'published',
			latest_version: s.published_version!,
			updated_at: iso(r.shown_at)
		};
	});
}

/** A round as this viewer may see it, with its answers, comments and history. 404 if none. */
export async function getRound(
	db: Queryable,
	viewer: User | null,
	ubigeo: string,
	round: string
): Promise<RoundDetail> {
	const rows = await db.query(
		`SELECT ${SUMMARY_COLUMNS}, ${PUBLISHED_AT} AS published_at
		 FROM rounds r WHERE r.ubigeo = $1 AND r.round = $2`,
		[ubigeo, round]
	);
	const inside = canReadUnpublished(viewer, ubigeo);
	const found = rows[0] ? summary(rows[0]) : null;
	if (!found || (!inside && found.published_version === null))
		throw new ApiError('not_found', `No hay una ronda ${round} del distrito ${ubigeo}.`);
	const version = inside ? found.latest_version : found.published_version!;
	const staffView = inside;
	const [meta] = await db.query(
		`SELECT v.submitted_at, u.email AS by FROM round_versions v LEFT JOIN users u ON u.id = v.submitted_by
		 WHERE v.ubigeo = $1 AND v.round = $2 AND v.version = $3`,
		[ubigeo, round, version]
	);
	const answers = await db.query<Answer & Record<string, unknown>>(
		`SELECT indicator_id, answer, evidence, source_url FROM round_answers
		 WHERE ubigeo = $1 AND round = $2 AND version = $3 ORDER BY indicator_id`,
		[ubigeo, round, version]
	);
	const comments = staffView
		? await db.query(
				`SELECT c.version, c.indicator_id, c.text, c.at, u.email AS by
				 FROM round_comments c LEFT JOIN users u ON u.id = c.author_id
				 WHERE c.ubigeo = $1 AND c.round = $2 ORDER BY c.at, c.id`,
				[ubigeo, round]
			)
		: [];
	const history = await db.query(
		`SELECT e.version, e.action, e.at, u.email AS by
		 FROM round_events e LEFT JOIN users u ON u.id = e.actor_id
		 WHERE e.ubigeo = $1 AND e.round = $2 ${staffView ? '' : "AND e.action = 'published'"}
		 ORDER BY e.at, e.id`,
		[ubigeo, round]
	);
	return {
		...found,
		...(inside
			? {}
			: {
					state: 'published' as const,
					latest_version: version,
					updated_at: iso(rows[0].published_at)
				}),
		version,
		submitted_at: iso(meta.submitted_at),
		// who worked on it is for the people inside, not the public
		submitted_by: staffView ? ((meta.by as string | null) ?? null) : null,
		answers: answers.map((a) => ({
			indicator_id: a.indicator_id,
			answer: a.answer,
			evidence: a.evidence ?? null,
			source_url: a.source_url ?? null
		})),
		comments: comments.map((c) => ({
			version: Number(c.version),
			indicator_id: String(c.indicator_id),
			text: String(c.text),
			at: iso(c.at),
			by: (c.by as string | null) ?? null
		})),
		history: history.map((e) => ({
			version: Number(e.version),
			action: e.action as RoundState,
			at: iso(e.at),
			by: staffView ? ((e.by as string | null) ?? null) : null
		}))
	};
}

async function audit(
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

/** The round's row, locked until the transaction ends (two reviewers, one decision). */
async function lockRound(tx: Queryable, ubigeo: string, round: string) {
	const rows = await tx.query(
		`SELECT ${SUMMARY_COLUMNS} FROM rounds r WHERE r.ubigeo = $1 AND r.round = $2 FOR UPDATE`,
		[ubigeo, round]
	);
	return rows[0] ? summary(rows[0]) : null;
}

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
		await audit(tx, user, 'submitted', `${ubigeo}/${round}`, `version ${version}`, now);
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

function mustBeIn(
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

export interface ReviewComment {
	indicator_id: string;
	text: string;
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
		await audit(
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
		await audit(
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
