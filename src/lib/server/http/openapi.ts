/**
 * The Integra server's HTTP API as an OpenAPI 3.1 document, served at
 * /api/openapi.json (docs/api.md explains it with curl). Kept by hand next to
 * the routes: src/lib/server/http/openapi.test.ts fails when a route under
 * src/routes/api has no path here, or a path here has no route, or their
 * methods differ.
 *
 * One file per resource under ./openapi/ (sessions, rounds, publications, the
 * server's records: action plans and activities, the view, users); the
 * schemas and error responses they refer to are in ./openapi/schemas.ts and
 * ./openapi/error-responses.ts.
 */
import { MAX_BODY_BYTES } from './respond';
import { ERROR_RESPONSES } from './openapi/error-responses';
import { RECORD_PATHS } from './openapi/record-paths';
import { PUBLICATION_PATHS } from './openapi/publication-paths';
import { ROUND_PATHS } from './openapi/round-paths';
import { SCHEMAS } from './openapi/schemas';
import { SESSION_PATHS } from './openapi/session-paths';
import { USER_PATHS } from './openapi/user-paths';
import { VIEW_PATHS } from './openapi/view-paths';

export const OPENAPI = {
	openapi: '3.1.0',
	info: {
		title: 'Integra API',
		version: '1',
		description: [
			'The HTTP API of the Integra server: the browser app uses it, and so can other systems of the UIM.',
			'',
			'**Authentication.** `POST /api/session` with `{ "email", "password" }` sets the `integra_session` cookie (HttpOnly, SameSite=Lax, Secure over HTTPS); send it back on every request. Sessions end after 8 h without a request, and on `DELETE /api/session`.',
			'',
			'**Writes** (POST, PUT, PATCH, DELETE) must carry an `Origin` header equal to the server’s own address (e.g. `Origin: https://integra.example.org`); a browser sends it by itself, a script must add it. Without it: 403 `forbidden`.',
			'',
			`**Bodies** are JSON (\`Content-Type: application/json\`, else 415) of at most ${MAX_BODY_BYTES} bytes (${MAX_BODY_BYTES / 1024} KB, else 413 \`too_large\`). Malformed JSON: 400 \`invalid_json\` with \`line\` and \`column\`.`,
			'',
			'**Errors** are JSON `{ "error": { "code", "message", … } }` with the status of the code; `message` is Spanish, written for people. Never a stack trace.',
			'',
			'**Roles.** `admin` (users, publication), `uim` (reviews every district, returns or validates, logs activities), `official` (its own districts: submits rounds, edits action plans), `analyst` (reads everything, writes nothing). Anonymous callers see what is published only.'
		].join('\n')
	},
	servers: [{ url: '/' }],
	security: [{}, { session: [] }],
	paths: {
		...SESSION_PATHS,
		...ROUND_PATHS,
		...PUBLICATION_PATHS,
		...RECORD_PATHS,
		...VIEW_PATHS,
		...USER_PATHS
	},
	components: {
		securitySchemes: {
			session: {
				type: 'apiKey',
				in: 'cookie',
				name: 'integra_session',
				description: 'Set by POST /api/session.'
			}
		},
		schemas: SCHEMAS,
		responses: ERROR_RESPONSES
	}
} as const;
