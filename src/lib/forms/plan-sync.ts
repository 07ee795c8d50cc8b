/**
 * An official's action plan and the Integra server (server mode only;
 * docs/server-records.md): the browser's client of
 * `GET /api/action-plans/{ubigeo}` and `PUT /api/action-plans/{ubigeo}/items/{id}`,
 * and the list of changes saved on this device but not yet on the server.
 * The device keeps its copy first (IndexedDB, as on the static site); a
 * failed send only leaves the change in that list, to send again.
 */
import { ACTION_COLUMNS, type PlanAction } from './actions';

/** An action as the server keeps it: its version, who saved it and when. */
export interface ServerAction extends PlanAction {
	version: number;
	saved_at: string;
	saved_by: string | null;
}

export type SendResult =
	/** stored (or already stored: a repeated send stores nothing) */
	| { kind: 'stored'; item: ServerAction }
	/** the server has moved on since `base` (or never had what `base` says): a person decides */
	| { kind: 'conflict'; current: ServerAction | null; message: string }
	/** the server refused it (400 bad value, 401 signed out, 403 not this district…) */
	| { kind: 'rejected'; status: number; message: string }
	/** no answer, or the server failing (network, 5xx) */
	| { kind: 'unreachable'; message: string };

const TIMEOUT_MS = 15_000;

type Fetch = typeof fetch;

async function errorMessage(response: Response): Promise<{ message: string; detail: unknown }> {
	try {
		const body = (await response.json()) as { error?: { message?: string } & object };
		return { message: body.error?.message ?? `HTTP ${response.status}`, detail: body.error };
	} catch {
		return { message: `HTTP ${response.status}`, detail: null };
	}
}

const failure = (error: unknown): SendResult => ({
	kind: 'unreachable',
	message: error instanceof Error ? error.message : String(error)
});

/** The district's actions on the server (latest versions), by id; throws when it cannot be read. */
export async function fetchServerPlan(
	ubigeo: string,
	fetchImpl: Fetch = fetch
): Promise<Map<string, ServerAction>> {
	const response = await fetchImpl(`/api/action-plans/${encodeURIComponent(ubigeo)}`, {
		headers: { accept: 'application/json' },
		signal: AbortSignal.timeout(TIMEOUT_MS)
	});
	if (!response.ok) throw new Error((await errorMessage(response)).message);
	const body = (await response.json()) as { items: ServerAction[] };
	return new Map(body.items.map((i) => [i.action_id, i]));
}

/**
 * Sends one action. `base`: the server version the change started from
 * (null: the server does not have it yet).
 */
export async function sendAction(
	action: PlanAction,
	base: number | null,
	fetchImpl: Fetch = fetch
): Promise<SendResult> {
	const body: Record<string, unknown> = { base_version: base };
	for (const c of ACTION_COLUMNS) body[c] = action[c] ?? null;
	let response: Response;
	try {
		response = await fetchImpl(
			`/api/action-plans/${encodeURIComponent(action.ubigeo)}/items/${encodeURIComponent(action.action_id)}`,
			{
				method: 'PUT',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(TIMEOUT_MS)
			}
		);
	} catch (error) {
		return failure(error);
	}
	if (response.ok) return { kind: 'stored', item: (await response.json()) as ServerAction };
	const { message, detail } = await errorMessage(response);
	if (response.status === 409)
		return {
			kind: 'conflict',
			current: ((detail as { current?: ServerAction } | null)?.current ?? null) as ServerAction,
			message
		};
	if (response.status >= 500) return { kind: 'unreachable', message };
	return { kind: 'rejected', status: response.status, message };
}

/** The same content as the server's version (the columns of actions.csv). */
export function sameAsServer(action: PlanAction, server: PlanAction): boolean {
	return ACTION_COLUMNS.every((c) => (action[c] ?? null) === (server[c] ?? null));
}

// ---------------------------------------------------------------------------
// Changes saved on this device and not yet on the server

/**
 * A change not yet on the server, and the version it started from: a
 * number, null (an action the server did not have), or 'unknown' (saved
 * while the server could not be read).
 */
export interface PendingChange {
	ubigeo: string;
	base: number | null | 'unknown';
}

export interface PendingStore {
	all(): Record<string, PendingChange>;
	set(actionId: string, change: PendingChange): void;
	delete(actionId: string): void;
}

const KEY = 'integra-plan-pending';

/**
 * The pending list in `localStorage` (a few ids; written at once, so a
 * closed tab keeps it). Where storage is refused, it lasts for the page.
 */
export function localPendingStore(): PendingStore {
	let memory: Record<string, PendingChange> = {};
	const read = (): Record<string, PendingChange> => {
		try {
			const text = localStorage.getItem(KEY);
			return text ? { ...(JSON.parse(text) as Record<string, PendingChange>) } : { ...memory };
		} catch {
			return { ...memory };
		}
	};
	const write = (all: Record<string, PendingChange>) => {
		memory = all;
		try {
			if (Object.keys(all).length) localStorage.setItem(KEY, JSON.stringify(all));
			else localStorage.removeItem(KEY);
		} catch {
			// kept in memory for this page
		}
	};
	return {
		all: read,
		set(actionId, change) {
			write({ ...read(), [actionId]: change });
		},
		delete(actionId) {
			const all = read();
			delete all[actionId];
			write(all);
		}
	};
}

/** For unit tests. */
export function memoryPendingStore(): PendingStore {
	let all: Record<string, PendingChange> = {};
	return {
		all: () => ({ ...all }),
		set: (id, change) => (all = { ...all, [id]: change }),
		delete: (id) => {
			all = { ...all };
			delete all[id];
		}
	};
}
