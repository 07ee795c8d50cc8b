/**
 * A UIM assistant's logged activities and the Integra server (server mode
 * only; docs/server-records.md): the browser's client of
 * `POST /api/activities`. The id is the one this device made, so sending
 * the same activity again stores nothing new (the server answers 200 with
 * the one it has).
 */
import { ACTIVITY_COLUMNS } from '$lib/metrics/activity-cube';
import type { LoggedActivity } from './log';

export type ActivitySend =
	/** on the server (now, or already: a repeated send) */
	| { kind: 'stored'; created: boolean; loggedAt: string }
	/** the server refused it (400 a value it does not accept, 401 signed out, 409 id taken…) */
	| { kind: 'rejected'; status: number; message: string }
	/** no answer, or the server failing (network, 5xx) */
	| { kind: 'unreachable'; message: string };

const TIMEOUT_MS = 15_000;

/** Sends one logged activity (the columns of activities.csv). */
export async function sendActivity(
	activity: LoggedActivity,
	fetchImpl: typeof fetch = fetch
): Promise<ActivitySend> {
	const body: Record<string, unknown> = {};
	for (const c of ACTIVITY_COLUMNS) body[c] = activity[c] ?? null;
	body.partner = activity.partner.trim() === '' ? null : activity.partner.trim();
	let response: Response;
	try {
		response = await fetchImpl('/api/activities', {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
	} catch (error) {
		return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
	}
	let answer: { logged_at?: string; error?: { message?: string } } = {};
	try {
		answer = await response.json();
	} catch {
		// no JSON: the status says enough
	}
	if (response.ok)
		return {
			kind: 'stored',
			created: response.status === 201,
			loggedAt: answer.logged_at ?? ''
		};
	const message = answer.error?.message ?? `HTTP ${response.status}`;
	if (response.status >= 500) return { kind: 'unreachable', message };
	return { kind: 'rejected', status: response.status, message };
}
