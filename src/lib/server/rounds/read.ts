/** Reading rounds: the list and one round, each as the viewer may see it. */
import type { Queryable } from '../db/store';
import type { User } from '../auth/sessions';
import { iso } from '../db/timestamps';
import { ApiError } from '../http/errors';
import { canReadUnpublished, seesAllWork } from './access';
import { PUBLISHED_AT, SUMMARY_COLUMNS, summary } from './rows';
import {
	ROUND_STATES,
	type Answer,
	type RoundDetail,
	type RoundState,
	type RoundSummary
} from './types';

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
