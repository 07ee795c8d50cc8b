/** The document itself, signing in and out, and the observatory view a staff member picks. */
import { SIGNED_IN_ERRORS, errorRef, jsonBody, jsonObject, ref } from './parts';

export const SESSION_PATHS = {
	'/api/openapi.json': {
		get: {
			summary: 'This document',
			security: [{}],
			responses: { '200': { description: 'The OpenAPI document.' } }
		}
	},
	'/api/session': {
		post: {
			summary: 'Sign in',
			description:
				'Sets the session cookie. Repeated failures for an account or from an address are slowed down: 429 with `retry_after` (seconds) and a Retry-After header.',
			security: [{}],
			requestBody: {
				required: true,
				...jsonBody(
					{
						type: 'object',
						required: ['email', 'password'],
						properties: { email: { type: 'string' }, password: { type: 'string' } }
					},
					'The account’s e-mail and password.'
				)
			},
			responses: {
				'200': {
					description: 'Signed in.',
					headers: {
						'Set-Cookie': {
							description: 'integra_session=…; HttpOnly; SameSite=Lax; Path=/',
							schema: { type: 'string' }
						}
					},
					content: {
						'application/json': {
							schema: { type: 'object', properties: { user: ref('User') } }
						}
					}
				},
				'400': errorRef('BadRequest'),
				...SIGNED_IN_ERRORS,
				'413': errorRef('TooLarge'),
				'415': errorRef('UnsupportedMediaType'),
				'429': errorRef('TooManyAttempts')
			}
		},
		get: {
			summary: 'Who is signed in',
			responses: {
				'200': jsonObject(
					{ user: { oneOf: [ref('User'), { type: 'null' }] } },
					'`user` is null for an anonymous caller.'
				)
			}
		},
		delete: {
			summary: 'Sign out',
			description: 'Ends the session on the server and clears the cookie.',
			responses: { '204': { description: 'Signed out.' }, '403': errorRef('Forbidden') }
		}
	}
};
