/** Accounts (admin): listing, creating, setting a password. */
import {
	WRITE_ERRORS,
	SIGNED_IN_ERRORS,
	arrayOf,
	errorRef,
	jsonBody,
	jsonObject,
	ref
} from './parts';

export const USER_PATHS = {
	'/api/users': {
		get: {
			summary: 'List accounts (admin)',
			responses: {
				'200': jsonObject({ users: arrayOf(ref('User')) }, 'The accounts.'),
				...SIGNED_IN_ERRORS
			}
		},
		post: {
			summary: 'Create an account (admin)',
			requestBody: {
				required: true,
				...jsonBody(
					{
						type: 'object',
						required: ['email', 'role', 'password'],
						properties: {
							email: { type: 'string' },
							name: { type: 'string' },
							role: ref('Role'),
							ubigeos: { type: 'array', items: { type: 'string', pattern: '^\\d{6}$' } },
							password: { type: 'string' }
						}
					},
					'The account.'
				)
			},
			responses: {
				'201': jsonObject({ user: ref('User') }, 'Created: `{ "user" }` (never its password).'),
				...WRITE_ERRORS,
				'409': errorRef('Conflict')
			}
		}
	},
	'/api/users/{id}/password': {
		post: {
			summary: 'Set an account’s password (admin)',
			parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
			requestBody: {
				required: true,
				...jsonBody(
					{
						type: 'object',
						required: ['password'],
						properties: { password: { type: 'string' } }
					},
					'The new password.'
				)
			},
			responses: {
				'204': { description: 'Changed; the account’s open sessions end.' },
				...WRITE_ERRORS,
				'404': errorRef('NotFound')
			}
		}
	}
};
