/** Error codes of the API; each has one HTTP status (docs/api.md lists them). */
export const ERROR_STATUS = {
	bad_request: 400,
	invalid_json: 400,
	invalid_submission: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	too_large: 413,
	unsupported_media_type: 415,
	too_many_attempts: 429,
	unavailable: 503,
	internal: 500
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An answer the API gives on purpose: `{ "error": { "code", "message", …detail } }` with its status. */
export class ApiError extends Error {
	readonly status: number;
	constructor(
		readonly code: ErrorCode,
		message: string,
		/** more fields of the error object (the line and column of a bad answer, the current version…) */
		readonly detail: Record<string, unknown> = {},
		readonly headers: Record<string, string> = {}
	) {
		super(message);
		this.name = 'ApiError';
		this.status = ERROR_STATUS[code];
	}
}
