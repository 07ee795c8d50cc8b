/**
 * A round and the Integra server (server mode only; issue 13 §3): the
 * browser's client of `GET /api/rounds/{ubigeo}/{round}` and
 * `POST /api/rounds/{ubigeo}/{round}/versions`, and the pure rules of what
 * the official's page shows. The draft stays in IndexedDB whatever happens
 * here: a send that fails leaves it as it was, to send again.
 */
import { api } from '../api/client';
import { isAnswer, type Draft, type DraftAnswer, type Indicator } from './model';

export type ServerRoundState = 'submitted' | 'returned' | 'validated' | 'published';

export interface ServerRoundEvent {
	version: number;
	action: ServerRoundState;
	at: string;
	/** e-mail of who did it (null for those who may not know) */
	by: string | null;
}

export interface ServerRoundComment {
	version: number;
	indicator_id: string;
	text: string;
	at: string;
	by: string | null;
}

export interface ServerAnswer {
	indicator_id: string;
	answer: string;
	evidence: string | null;
	source_url: string | null;
}

/** The round as the server shows it to this viewer (src/lib/server/rounds/service.ts `RoundDetail`). */
export interface ServerRound {
	ubigeo: string;
	round: string;
	state: ServerRoundState;
	latest_version: number;
	published_version: number | null;
	updated_at: string;
	version: number;
	submitted_at: string;
	submitted_by: string | null;
	answers: ServerAnswer[];
	comments: ServerRoundComment[];
	history: ServerRoundEvent[];
}

export type RoundRead =
	| { kind: 'found'; round: ServerRound }
	/** the server has no version of it (or none this viewer may read) */
	| { kind: 'none' }
	| { kind: 'refused'; status: number; message: string }
	| { kind: 'unreachable'; message: string };

/**
 * The words of a failure the page can show: the server's own (a 503 says
 * why, in Spanish); none for no answer at all (the browser's "Failed to
 * fetch" means nothing to an official: the page says "no connection").
 */
const noAnswer = (r: { status: number | null; message: string }) =>
	r.status === null ? '' : r.message;

const roundPath = (ubigeo: string, round: string) =>
	`/api/rounds/${encodeURIComponent(ubigeo)}/${encodeURIComponent(round)}`;

export async function fetchServerRound(
	ubigeo: string,
	round: string,
	fetchImpl?: typeof fetch
): Promise<RoundRead> {
	const r = await api<ServerRound>(roundPath(ubigeo, round), { fetchImpl });
	if (r.kind === 'ok') return { kind: 'found', round: r.body };
	if (r.kind === 'unreachable') return { kind: 'unreachable', message: noAnswer(r) };
	if (r.status === 404) return { kind: 'none' };
	return { kind: 'refused', status: r.status, message: r.message };
}

export interface Submission {
	base_version: number | null;
	answers: ServerAnswer[];
}

/**
 * The body of a send: the answered indicators of the framework, in form
 * order; blank texts are null (as in assessments.csv). Answers to
 * indicators the framework no longer has stay in the draft, not in the send.
 */
export function submissionOf(
	draft: Draft,
	indicators: readonly Indicator[],
	base: number | null
): Submission {
	const answers: ServerAnswer[] = [];
	for (const ind of indicators) {
		const a = draft.answers[ind.id];
		if (!a || a.answer === null) continue;
		answers.push({
			indicator_id: ind.id,
			answer: a.answer,
			evidence: a.evidence.trim() === '' ? null : a.evidence,
			source_url: a.source_url.trim() === '' ? null : a.source_url.trim()
		});
	}
	return { base_version: base, answers };
}

export type SendOutcome =
	/** 201: stored on the server as this version */
	| { kind: 'sent'; version: number }
	/** 400: a value the server refuses; its message names the indicator and the value */
	| { kind: 'invalid'; message: string }
	/** 409: the server has a newer version than the one this draft started from */
	| { kind: 'conflict'; message: string; current: number | null }
	/** 401: the session ended */
	| { kind: 'signedOut'; message: string }
	/** 403 and the rest: the server will not take it from this person */
	| { kind: 'refused'; status: number; message: string }
	/** no answer (message '') or the server failing (5xx, 503: its message): the draft is kept, try again */
	| { kind: 'unreachable'; message: string };

export async function sendRound(
	ubigeo: string,
	round: string,
	submission: Submission,
	fetchImpl?: typeof fetch
): Promise<SendOutcome> {
	const r = await api<{ version: number }>(`${roundPath(ubigeo, round)}/versions`, {
		method: 'POST',
		body: submission,
		fetchImpl
	});
	if (r.kind === 'ok') return { kind: 'sent', version: Number(r.body.version) };
	if (r.kind === 'unreachable') return { kind: 'unreachable', message: noAnswer(r) };
	if (r.status === 400) return { kind: 'invalid', message: r.message };
	if (r.status === 409) {
		const current = r.detail.current_version;
		return {
			kind: 'conflict',
			message: r.message,
			current: typeof current === 'number' ? current : null
		};
	}
	if (r.status === 401) return { kind: 'signedOut', message: r.message };
	return { kind: 'refused', status: r.status, message: r.message };
}

/**
 * The version the next send starts from: the server version this draft
 * holds, or null when the server is known to have none (a first send).
 */
export function baseVersion(draft: Draft, read: RoundRead | null): number | null {
	if (read?.kind === 'none') return null;
	return draft.server?.version ?? null;
}

/**
 * Where the official's draft stands against the server:
 * - `new`: the server has no version of it (or could not be read), edit and send;
 * - `behind`: the server has a newer version than this draft (sent from
 *   another device, or the draft is gone): load it before going on;
 * - `returned`: the UIM sent this version back with comments: edit and send again;
 * - `submitted`, `validated`, `published`: on its way; the form is read-only.
 */
export type Standing = 'new' | 'behind' | ServerRoundState;

export function standingOf(draft: Draft | null, read: RoundRead | null): Standing {
	if (read?.kind !== 'found') return 'new';
	const held = draft?.server?.version ?? null;
	if (held === null || held < read.round.latest_version) return 'behind';
	return read.round.state;
}

/** Sent and not returned: nothing to change until the UIM answers. */
export function isLocked(standing: Standing): boolean {
	return standing === 'submitted' || standing === 'validated' || standing === 'published';
}

/**
 * The UIM's comments the official must act on, by indicator: those on the
 * returned version (older returns were answered by the versions since).
 */
export function openComments(round: ServerRound | null): Map<string, ServerRoundComment[]> {
	const by = new Map<string, ServerRoundComment[]>();
	if (!round || round.state !== 'returned') return by;
	for (const c of round.comments) {
		if (c.version !== round.latest_version) continue;
		const list = by.get(c.indicator_id) ?? [];
		list.push(c);
		by.set(c.indicator_id, list);
	}
	return by;
}

/** The latest event of the round's history (what its state says: who, when). */
export function lastEvent(round: ServerRound): ServerRoundEvent | null {
	return round.history.at(-1) ?? null;
}

/**
 * The server version's answers as a draft's, keeping this device's workshop
 * notes (the server does not hold them).
 */
export function answersFromServer(
	round: ServerRound,
	keepNotesOf: Record<string, DraftAnswer> = {}
): Record<string, DraftAnswer> {
	const answers: Record<string, DraftAnswer> = {};
	for (const a of round.answers) {
		if (!isAnswer(a.answer)) continue;
		answers[a.indicator_id] = {
			answer: a.answer,
			evidence: a.evidence ?? '',
			source_url: a.source_url ?? '',
			notes: keepNotesOf[a.indicator_id]?.notes ?? '',
			updated_at: round.submitted_at
		};
	}
	for (const [id, a] of Object.entries(keepNotesOf)) {
		if (!answers[id] && a.notes !== '')
			answers[id] = {
				answer: null,
				evidence: '',
				source_url: '',
				notes: a.notes,
				updated_at: null
			};
	}
	return answers;
}

export type HistoryRead =
	| { kind: 'ok'; rounds: ServerRound[] }
	| { kind: 'refused'; status: number; message: string }
	| { kind: 'unreachable'; message: string };

/**
 * A district's rounds with their histories, newest round first: the list
 * (`GET /api/rounds?ubigeo=`), then each round. The server decides what
 * each viewer reads: the public gets published rounds and their
 * publication only; staff and the district's officials every step, with who.
 */
export async function fetchRoundHistory(
	ubigeo: string,
	fetchImpl?: typeof fetch
): Promise<HistoryRead> {
	const list = await api<{ rounds: { round: string }[] }>(
		`/api/rounds?ubigeo=${encodeURIComponent(ubigeo)}`,
		{ fetchImpl }
	);
	if (list.kind === 'unreachable') return { kind: 'unreachable', message: noAnswer(list) };
	if (list.kind === 'rejected')
		return { kind: 'refused', status: list.status, message: list.message };
	const names = [...new Set(list.body.rounds.map((r) => r.round))].sort().reverse();
	const rounds: ServerRound[] = [];
	for (const name of names) {
		const read = await fetchServerRound(ubigeo, name, fetchImpl);
		if (read.kind === 'found') rounds.push(read.round);
		else if (read.kind === 'unreachable') return read;
		// 'none' or 'refused': gone or not for this viewer since the list was read
	}
	return { kind: 'ok', rounds };
}
