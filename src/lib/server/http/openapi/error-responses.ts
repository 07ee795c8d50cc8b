/** The error responses the operations refer to (`#/components/responses/…`), each an Error body. */
import { MAX_BODY_BYTES } from '../respond';
import { ref } from './parts';

export const ERROR_RESPONSES = Object.fromEntries(
	(
		[
			[
				'BadRequest',
				'Bad input (`bad_request`, `invalid_json` with line and column, `invalid_submission`).'
			],
			['Unauthenticated', 'Not signed in, or wrong e-mail or password (`unauthenticated`).'],
			[
				'Forbidden',
				'The role or district may not do this, or the Origin header is not the server’s (`forbidden`).'
			],
			['NotFound', 'No such thing, or not visible to the caller (`not_found`).'],
			[
				'Conflict',
				'The state moved on: `base_version` is not the latest, or the round is not in the state the action needs (`conflict`, with `current_version` and `state`).'
			],
			['TooLarge', `Body over ${MAX_BODY_BYTES} bytes (\`too_large\`, with \`limit_bytes\`).`],
			['UnsupportedMediaType', 'The body is not JSON (`unsupported_media_type`).'],
			[
				'TooManyAttempts',
				'Too many failed sign-ins (`too_many_attempts`, with `retry_after`; Retry-After header).'
			],
			['Unavailable', 'The database does not answer (`unavailable`; Retry-After header).']
		] as const
	).map(([name, description]) => [
		name,
		{ description, content: { 'application/json': { schema: ref('Error') } } }
	])
);
