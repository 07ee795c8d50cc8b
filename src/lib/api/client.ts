/**
 * The browser's one way to call the Integra server's JSON API (server mode;
 * docs/api.md). Every answer becomes one of three outcomes, so a screen
 * decides what to say without knowing HTTP: the server answered yes, the
 * server said no (with its code and its message, written for people), or the
 * server could not be reached (network, timeout, 5xx: try again later, keep
 * what is local).
 */
export type ApiResult<T> =
	| { kind: 'ok'; status: number; body: T }
	| {
			kind: 'rejected';
			status: number;
			/** the error code of the API: bad_request, unauthorized, forbidden, not_found, conflict… */
			code: string;
			message: string;
			/** the whole `error` object: some carry more (a 409's current version…) */
			detail: Record<string, unknown>;
	  }
	| { kind: 'unreachable'; status: number | null; message: string };

export interface ApiRequest {
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** sent as JSON */
	body?: unknown;
	fetchImpl?: typeof fetch;
	timeoutMs?: number;
}

const TIMEOUT_MS = 15_000;

export async function api<T>(path: string, request: ApiRequest = {}): Promise<ApiResult<T>> {
	const { method = 'GET', body, fetchImpl = fetch, timeoutMs = TIMEOUT_MS } = request;
	let response: Response;
	try {
		response = await fetchImpl(path, {
			method,
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			// the session cookie goes with it; the Origin header is the browser's own
			credentials: 'same-origin',
			signal: AbortSignal.timeout(timeoutMs)
		});
	} catch (error) {
		return { kind: 'unreachable', status: null, message: messageOf(error) };
	}
	let json: unknown = null;
	try {
		json = response.status === 204 ? null : await response.json();
	} catch {
		// no JSON (a proxy's error page, an empty body): the status says enough
	}
	if (response.ok) return { kind: 'ok', status: response.status, body: json as T };
	const error = ((json as { error?: Record<string, unknown> } | null)?.error ?? {}) as Record<
		string,
		unknown
	>;
	const message = typeof error.message === 'string' ? error.message : `HTTP ${response.status}`;
	if (response.status >= 500) return { kind: 'unreachable', status: response.status, message };
	return {
		kind: 'rejected',
		status: response.status,
		code: typeof error.code === 'string' ? error.code : String(response.status),
		message,
		detail: error
	};
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
