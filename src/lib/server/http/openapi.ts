/**
 * The Integra server's HTTP API as an OpenAPI 3.1 document, served at
 * /api/openapi.json (docs/api.md explains it with curl). Kept by hand next to
 * the routes: src/lib/server/http/openapi.test.ts fails when a route under
 * src/routes/api has no path here, or a path here has no route, or their
 * methods differ.
 */
import { MAX_BODY_BYTES } from './respond';
import { ERROR_STATUS } from './errors';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, 'null'], ...extra });
/** A JSON request body or response: its description and schema. */
const jsonBody = (schema: Schema, description: string) => ({
	description,
	content: { 'application/json': { schema } }
});
const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

const ubigeo = {
	name: 'ubigeo',
	in: 'path',
	required: true,
	description: 'The district code (6 digits, e.g. 150101 for Lima).',
	schema: { type: 'string', pattern: '^\\d{6}$' }
};
const round = {
	name: 'round',
	in: 'path',
	required: true,
	description: 'The round as the data contract names it (e.g. 2024).',
	schema: { type: 'string' }
};

/** Errors every write may give before its own: bad Origin (403), body too large, not JSON. */
const WRITE_ERRORS = {
	'400': errorRef('BadRequest'),
	'401': errorRef('Unauthenticated'),
	'403': errorRef('Forbidden'),
	'413': errorRef('TooLarge'),
	'415': errorRef('UnsupportedMediaType'),
	'503': errorRef('Unavailable')
};

const csv = (description: string) => ({
	description,
	headers: { ETag: { schema: { type: 'string' } } },
	content: { 'text/csv': { schema: { type: 'string' } } }
});

const DATASETS = ['districts', 'framework', 'assessments', 'statistics', 'activities', 'actions'];

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
					'401': errorRef('Unauthenticated'),
					'403': errorRef('Forbidden'),
					'413': errorRef('TooLarge'),
					'415': errorRef('UnsupportedMediaType'),
					'429': errorRef('TooManyAttempts')
				}
			},
			get: {
				summary: 'Who is signed in',
				responses: {
					'200': {
						description: '`user` is null for an anonymous caller.',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: { user: { oneOf: [ref('User'), { type: 'null' }] } }
								}
							}
						}
					}
				}
			},
			delete: {
				summary: 'Sign out',
				description: 'Ends the session on the server and clears the cookie.',
				responses: { '204': { description: 'Signed out.' }, '403': errorRef('Forbidden') }
			}
		},
		'/api/rounds': {
			get: {
				summary: 'List rounds',
				description:
					'The rounds the caller may see. Anonymous callers and officials of other districts see published rounds (at their published version) only.',
				parameters: [
					{ ...ubigeo, in: 'query', required: false },
					{
						name: 'state',
						in: 'query',
						required: false,
						schema: ref('RoundState')
					}
				],
				responses: {
					'200': {
						description: 'The rounds.',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: { rounds: { type: 'array', items: ref('RoundSummary') } }
								}
							}
						}
					},
					'400': errorRef('BadRequest')
				}
			}
		},
		'/api/rounds/{ubigeo}/{round}': {
			get: {
				summary: 'One round',
				description:
					'The latest version the caller may see, its state, comments (staff and the district’s officials) and history.',
				parameters: [ubigeo, round],
				responses: {
					'200': jsonBody(ref('RoundDetail'), 'The round.'),
					'404': errorRef('NotFound')
				}
			}
		},
		'/api/rounds/{ubigeo}/{round}/versions': {
			post: {
				summary: 'Submit a version',
				description:
					'An official of the district sends every answer of the round as a new immutable version. `base_version` is the version the sender started from (null for the first). The answers are checked like an import: a bad value, an unknown indicator or district, or a round name outside the contract is a 400 naming it, and nothing is stored.',
				parameters: [ubigeo, round],
				requestBody: { required: true, ...jsonBody(ref('Submission'), 'The answers.') },
				responses: {
					'201': {
						description: 'Stored.',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: {
										ubigeo: { type: 'string' },
										round: { type: 'string' },
										version: { type: 'integer' },
										state: { const: 'submitted' }
									}
								}
							}
						}
					},
					...WRITE_ERRORS,
					'409': errorRef('Conflict')
				}
			}
		},
		'/api/rounds/{ubigeo}/{round}/return': {
			post: {
				summary: 'Return a round with comments (UIM)',
				parameters: [ubigeo, round],
				requestBody: { required: true, ...jsonBody(ref('Comments'), 'At least one comment.') },
				responses: {
					'200': jsonBody(ref('RoundSummary'), 'Returned.'),
					...WRITE_ERRORS,
					'404': errorRef('NotFound'),
					'409': errorRef('Conflict')
				}
			}
		},
		'/api/rounds/{ubigeo}/{round}/validate': {
			post: {
				summary: 'Validate a round (UIM)',
				parameters: [ubigeo, round],
				requestBody: { required: false, ...jsonBody(ref('Comments'), 'Optional comments.') },
				responses: {
					'200': jsonBody(ref('RoundSummary'), 'Validated.'),
					...WRITE_ERRORS,
					'404': errorRef('NotFound'),
					'409': errorRef('Conflict')
				}
			}
		},
		'/api/rounds/{ubigeo}/{round}/publish': {
			post: {
				summary: 'Publish one validated round (admin)',
				parameters: [ubigeo, round],
				responses: {
					'200': jsonBody(ref('Publication'), 'Published: a new publication.'),
					...WRITE_ERRORS,
					'404': errorRef('NotFound'),
					'409': errorRef('Conflict')
				}
			}
		},
		'/api/publications': {
			post: {
				summary: 'Publish every validated round (admin)',
				description:
					'One publication for every round validated since the last one; 409 when there is none.',
				responses: {
					'200': jsonBody(ref('Publication'), 'Published.'),
					...WRITE_ERRORS,
					'409': errorRef('Conflict')
				}
			}
		},
		'/api/published/{dataset}.csv': {
			get: {
				summary: 'A published dataset as CSV',
				description:
					'Exactly what the observatory’s open-data downloads give: published rounds only, counts of 1 to 4 people as `<5`, UTF-8 without BOM. Revalidate with If-None-Match: 304 until the next publication.',
				security: [{}],
				parameters: [
					{
						name: 'dataset',
						in: 'path',
						required: true,
						schema: { type: 'string', enum: DATASETS }
					},
					{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }
				],
				responses: {
					'200': csv('The dataset.'),
					'304': { description: 'Not modified since the ETag sent.' },
					'404': errorRef('NotFound'),
					'503': errorRef('Unavailable')
				}
			}
		},
		'/api/audit.csv': {
			get: {
				summary: 'The audit log as CSV (admin)',
				description: 'Columns: at, actor, action, target, detail.',
				responses: {
					'200': {
						description: 'The audit log.',
						content: { 'text/csv': { schema: { type: 'string' } } }
					},
					'401': errorRef('Unauthenticated'),
					'403': errorRef('Forbidden')
				}
			}
		},
		'/api/action-plans/{ubigeo}': {
			get: {
				summary: 'A district’s action plan',
				description:
					'Every action at its latest version with its history (the district’s officials, uim, admin, analyst; the public has the published actions.csv).',
				parameters: [ubigeo],
				responses: {
					'200': {
						description: 'The plan.',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: {
										ubigeo: { type: 'string' },
										items: { type: 'array', items: ref('PlanItemDetail') }
									}
								}
							}
						}
					},
					'400': errorRef('BadRequest'),
					'401': errorRef('Unauthenticated'),
					'403': errorRef('Forbidden')
				}
			}
		},
		'/api/action-plans/{ubigeo}/items/{id}': {
			put: {
				summary: 'Save an action of the plan (official of the district)',
				description:
					'201 with the new version; 200 with the stored one when nothing changed (a repeated send); 409 when `base_version` is not the latest. `base_version` absent: no check; null: the action must be new.',
				parameters: [
					ubigeo,
					{
						name: 'id',
						in: 'path',
						required: true,
						description: 'The action_id (e.g. PA-150101-01).',
						schema: { type: 'string' }
					}
				],
				requestBody: { required: true, ...jsonBody(ref('PlanItemInput'), 'The action.') },
				responses: {
					'200': jsonBody(ref('StoredPlanItem'), 'Unchanged.'),
					'201': jsonBody(ref('StoredPlanItem'), 'A new version.'),
					...WRITE_ERRORS,
					'409': errorRef('Conflict')
				}
			}
		},
		'/api/activities': {
			get: {
				summary: 'Activities logged on the server (uim, admin, analyst)',
				parameters: [{ ...ubigeo, in: 'query', required: false }],
				responses: {
					'200': {
						description: 'Newest first.',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: { activities: { type: 'array', items: ref('StoredActivity') } }
								}
							}
						}
					},
					'401': errorRef('Unauthenticated'),
					'403': errorRef('Forbidden')
				}
			},
			post: {
				summary: 'Log an activity (uim)',
				description:
					'The columns of activities.csv with the id the device made: 201 when stored, 200 with the stored one when the same activity was sent before.',
				requestBody: { required: true, ...jsonBody(ref('Activity'), 'The activity.') },
				responses: {
					'200': jsonBody(ref('StoredActivity'), 'Sent before.'),
					'201': jsonBody(ref('StoredActivity'), 'Stored.'),
					...WRITE_ERRORS,
					'409': errorRef('Conflict')
				}
			}
		},
		'/api/view': {
			post: {
				summary: 'Choose the observatory’s view (uim, admin, analyst)',
				description:
					'`published` (what the public sees) or `in-progress` (validated and submitted rounds too); kept in the `integra_view` cookie.',
				requestBody: {
					required: true,
					...jsonBody(
						{
							type: 'object',
							required: ['view'],
							properties: { view: { enum: ['published', 'in-progress'] } }
						},
						'The view.'
					)
				},
				responses: {
					'200': {
						description: 'The view is set; answers `{ "view" }`.',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: { view: { enum: ['published', 'in-progress'] } }
								}
							}
						}
					},
					...WRITE_ERRORS
				}
			}
		},
		'/api/users': {
			get: {
				summary: 'List accounts (admin)',
				responses: {
					'200': {
						description: 'The accounts.',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: { users: { type: 'array', items: ref('User') } }
								}
							}
						}
					},
					'401': errorRef('Unauthenticated'),
					'403': errorRef('Forbidden')
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
					'201': {
						description: 'Created: `{ "user" }` (never its password).',
						content: {
							'application/json': {
								schema: { type: 'object', properties: { user: ref('User') } }
							}
						}
					},
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
		schemas: {
			Error: {
				type: 'object',
				required: ['error'],
				properties: {
					error: {
						type: 'object',
						required: ['code', 'message'],
						properties: {
							code: { enum: Object.keys(ERROR_STATUS) },
							message: { type: 'string', description: 'For people, in Spanish.' },
							line: { type: 'integer', description: 'invalid_json: where it stops parsing' },
							column: { type: 'integer' },
							limit_bytes: { type: 'integer', description: `too_large: ${MAX_BODY_BYTES}` },
							current_version: nullable('integer', { description: 'conflict: the latest version' }),
							state: nullable('string', { description: 'conflict: the round’s state' }),
							retry_after: { type: 'integer', description: 'too_many_attempts: seconds' },
							errors: { type: 'integer', description: 'invalid_submission: how many problems' },
							problems: {
								type: 'array',
								description: 'invalid_submission: each problem, naming the answer and field',
								items: {
									type: 'object',
									properties: {
										answer_index: { type: 'integer' },
										indicator_id: { type: 'string' },
										field: { type: 'string' },
										message: { type: 'string' }
									}
								}
							}
						},
						additionalProperties: true
					}
				}
			},
			Role: { enum: ['admin', 'uim', 'official', 'analyst'] },
			User: {
				type: 'object',
				properties: {
					id: { type: ['string', 'integer'] },
					email: { type: 'string' },
					name: { type: 'string' },
					role: ref('Role'),
					ubigeos: { type: 'array', items: { type: 'string' } }
				}
			},
			RoundState: { enum: ['submitted', 'returned', 'validated', 'published'] },
			Answer: {
				type: 'object',
				required: ['indicator_id', 'answer'],
				properties: {
					indicator_id: { type: 'string', examples: ['D1.01'] },
					answer: { enum: ['cumple', 'parcial', 'no_cumple', 'no_aplica', 'no_sabe'] },
					evidence: nullable('string', { maxLength: 4000 }),
					source_url: nullable('string', { maxLength: 4000 })
				}
			},
			Submission: {
				type: 'object',
				required: ['answers'],
				properties: {
					base_version: nullable('integer', { minimum: 1 }),
					answers: { type: 'array', minItems: 1, maxItems: 1000, items: ref('Answer') }
				}
			},
			Comments: {
				type: 'object',
				properties: {
					comments: {
						type: 'array',
						items: {
							type: 'object',
							required: ['indicator_id', 'text'],
							properties: { indicator_id: { type: 'string' }, text: { type: 'string' } }
						}
					}
				}
			},
			RoundSummary: {
				type: 'object',
				properties: {
					ubigeo: { type: 'string' },
					round: { type: 'string' },
					state: ref('RoundState'),
					latest_version: { type: 'integer' },
					published_version: nullable('integer'),
					updated_at: { type: 'string', format: 'date-time' }
				}
			},
			RoundDetail: {
				allOf: [
					ref('RoundSummary'),
					{
						type: 'object',
						properties: {
							version: { type: 'integer', description: 'the version shown' },
							submitted_at: { type: 'string', format: 'date-time' },
							submitted_by: nullable('string'),
							answers: { type: 'array', items: ref('Answer') },
							comments: {
								type: 'array',
								items: {
									type: 'object',
									properties: {
										version: { type: 'integer' },
										indicator_id: { type: 'string' },
										text: { type: 'string' },
										at: { type: 'string', format: 'date-time' },
										by: nullable('string')
									}
								}
							},
							history: {
								type: 'array',
								items: {
									type: 'object',
									properties: {
										version: { type: 'integer' },
										action: ref('RoundState'),
										at: { type: 'string', format: 'date-time' },
										by: nullable('string')
									}
								}
							}
						}
					}
				]
			},
			Publication: {
				type: 'object',
				properties: {
					publication: { type: 'integer' },
					rounds: {
						type: 'array',
						items: {
							type: 'object',
							properties: {
								ubigeo: { type: 'string' },
								round: { type: 'string' },
								version: { type: 'integer' }
							}
						}
					}
				}
			},
			PlanItemInput: {
				type: 'object',
				required: ['description', 'status'],
				properties: {
					base_version: nullable('integer', { minimum: 1 }),
					indicator_id: nullable('string'),
					description: { type: 'string' },
					responsible: nullable('string'),
					due_date: nullable('string', { format: 'date' }),
					status: { enum: ['pendiente', 'en_curso', 'completada', 'cancelada'] },
					completed_on: nullable('string', { format: 'date' })
				}
			},
			StoredPlanItem: {
				allOf: [
					ref('PlanItemInput'),
					{
						type: 'object',
						properties: {
							action_id: { type: 'string' },
							ubigeo: { type: 'string' },
							version: { type: 'integer' },
							saved_at: { type: 'string', format: 'date-time' },
							saved_by: nullable('string')
						}
					}
				]
			},
			PlanItemDetail: {
				allOf: [
					ref('StoredPlanItem'),
					{
						type: 'object',
						properties: { history: { type: 'array', items: ref('StoredPlanItem') } }
					}
				]
			},
			Activity: {
				type: 'object',
				required: ['activity_id', 'date', 'ubigeo', 'type', 'audience', 'topic', 'modality'],
				properties: {
					activity_id: { type: 'string' },
					date: { type: 'string', format: 'date' },
					ubigeo: { type: 'string' },
					type: { type: 'string' },
					audience: { type: 'string' },
					topic: { type: 'string' },
					modality: { type: 'string' },
					participants_total: { type: 'integer' },
					participants_women: nullable('integer'),
					participants_men: nullable('integer'),
					participants_migrants: nullable('integer'),
					partner: nullable('string')
				}
			},
			StoredActivity: {
				allOf: [
					ref('Activity'),
					{
						type: 'object',
						properties: {
							logged_at: { type: 'string', format: 'date-time' },
							logged_by: nullable('string')
						}
					}
				]
			}
		},
		responses: Object.fromEntries(
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
		)
	}
} as const;
