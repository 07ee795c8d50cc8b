/** The schemas the operations refer to (`#/components/schemas/…`). */
import { MAX_BODY_BYTES } from '../respond';
import { ERROR_STATUS } from '../errors';
import { ACTION_STATUSES } from '../../../data/records';
import { arrayOfObjects, extend, nullable, ref } from './parts';

export const SCHEMAS = {
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
						description: 'invalid_submission: each problem, naming the answer and field',
						...arrayOfObjects({
							answer_index: { type: 'integer' },
							indicator_id: { type: 'string' },
							field: { type: 'string' },
							message: { type: 'string' }
						})
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
			comments: arrayOfObjects(
				{ indicator_id: { type: 'string' }, text: { type: 'string' } },
				{ required: ['indicator_id', 'text'] }
			)
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
	RoundDetail: extend('RoundSummary', {
		version: { type: 'integer', description: 'the version shown' },
		submitted_at: { type: 'string', format: 'date-time' },
		submitted_by: nullable('string'),
		answers: { type: 'array', items: ref('Answer') },
		comments: arrayOfObjects({
			version: { type: 'integer' },
			indicator_id: { type: 'string' },
			text: { type: 'string' },
			at: { type: 'string', format: 'date-time' },
			by: nullable('string')
		}),
		history: arrayOfObjects({
			version: { type: 'integer' },
			action: ref('RoundState'),
			at: { type: 'string', format: 'date-time' },
			by: nullable('string')
		})
	}),
	Publication: {
		type: 'object',
		properties: {
			publication: { type: 'integer' },
			rounds: arrayOfObjects({
				ubigeo: { type: 'string' },
				round: { type: 'string' },
				version: { type: 'integer' }
			})
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
			status: { enum: [...ACTION_STATUSES] },
			completed_on: nullable('string', { format: 'date' })
		}
	},
	StoredPlanItem: extend('PlanItemInput', {
		action_id: { type: 'string' },
		ubigeo: { type: 'string' },
		version: { type: 'integer' },
		saved_at: { type: 'string', format: 'date-time' },
		saved_by: nullable('string')
	}),
	PlanItemDetail: extend('StoredPlanItem', {
		history: { type: 'array', items: ref('StoredPlanItem') }
	}),
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
	StoredActivity: extend('Activity', {
		logged_at: { type: 'string', format: 'date-time' },
		logged_by: nullable('string')
	})
};
