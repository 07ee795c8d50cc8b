/** Self-assessment rounds: listing, reading, submitting a version, and the UIM review (return, validate, publish one). */
import {
	WRITE_ERRORS,
	arrayOf,
	errorRef,
	jsonBody,
	jsonObject,
	ref,
	round,
	ubigeo,
	ubigeoQuery
} from './parts';

/** A step of the review of one round: 200 with its answer, or 404, or 409 when the state moved on. */
const reviewStep = (
	summary: string,
	ok: ReturnType<typeof jsonBody>,
	requestBody?: { required: boolean } & ReturnType<typeof jsonBody>
) => ({
	summary,
	parameters: [ubigeo, round],
	...(requestBody && { requestBody }),
	responses: {
		'200': ok,
		...WRITE_ERRORS,
		'404': errorRef('NotFound'),
		'409': errorRef('Conflict')
	}
});

export const ROUND_PATHS = {
	'/api/rounds': {
		get: {
			summary: 'List rounds',
			description:
				'The rounds the caller may see. Anonymous callers and officials of other districts see published rounds (at their published version) only.',
			parameters: [
				ubigeoQuery,
				{
					name: 'state',
					in: 'query',
					required: false,
					schema: ref('RoundState')
				}
			],
			responses: {
				'200': jsonObject({ rounds: arrayOf(ref('RoundSummary')) }, 'The rounds.'),
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
				'201': jsonObject(
					{
						ubigeo: { type: 'string' },
						round: { type: 'string' },
						version: { type: 'integer' },
						state: { const: 'submitted' }
					},
					'Stored.'
				),
				...WRITE_ERRORS,
				'409': errorRef('Conflict')
			}
		}
	},
	'/api/rounds/{ubigeo}/{round}/return': {
		post: reviewStep(
			'Return a round with comments (UIM)',
			jsonBody(ref('RoundSummary'), 'Returned.'),
			{ required: true, ...jsonBody(ref('Comments'), 'At least one comment.') }
		)
	},
	'/api/rounds/{ubigeo}/{round}/validate': {
		post: reviewStep('Validate a round (UIM)', jsonBody(ref('RoundSummary'), 'Validated.'), {
			required: false,
			...jsonBody(ref('Comments'), 'Optional comments.')
		})
	},
	'/api/rounds/{ubigeo}/{round}/publish': {
		post: reviewStep(
			'Publish one validated round (admin)',
			jsonBody(ref('Publication'), 'Published: a new publication.')
		)
	}
};
