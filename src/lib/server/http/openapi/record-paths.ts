/**
 * The server's records: a district's action plan and the saving of one
 * action, and the activities the UIM logs.
 */
import {
	SIGNED_IN_ERRORS,
	WRITE_ERRORS,
	arrayOf,
	errorRef,
	jsonBody,
	jsonObject,
	ref,
	ubigeo,
	ubigeoQuery
} from './parts';

/**
 * A write of one record that a repeated send does not store twice: 201 with
 * the stored record, 200 with the one already there, 409 when it clashes.
 */
const storedOnce = (
	input: string,
	inputDescription: string,
	stored: string,
	descriptions: { unchanged: string; stored: string }
) => ({
	requestBody: { required: true, ...jsonBody(ref(input), inputDescription) },
	responses: {
		'200': jsonBody(ref(stored), descriptions.unchanged),
		'201': jsonBody(ref(stored), descriptions.stored),
		...WRITE_ERRORS,
		'409': errorRef('Conflict')
	}
});

export const RECORD_PATHS = {
	'/api/action-plans/{ubigeo}': {
		get: {
			summary: 'A district’s action plan',
			description:
				'Every action at its latest version with its history (the district’s officials, uim, admin, analyst; the public has the published actions.csv).',
			parameters: [ubigeo],
			responses: {
				'200': jsonObject(
					{
						ubigeo: { type: 'string' },
						items: arrayOf(ref('PlanItemDetail'))
					},
					'The plan.'
				),
				'400': errorRef('BadRequest'),
				...SIGNED_IN_ERRORS
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
			...storedOnce('PlanItemInput', 'The action.', 'StoredPlanItem', {
				unchanged: 'Unchanged.',
				stored: 'A new version.'
			})
		}
	},
	'/api/activities': {
		get: {
			summary: 'Activities logged on the server (uim, admin, analyst)',
			parameters: [ubigeoQuery],
			responses: {
				'200': jsonObject({ activities: arrayOf(ref('StoredActivity')) }, 'Newest first.'),
				...SIGNED_IN_ERRORS
			}
		},
		post: {
			summary: 'Log an activity (uim)',
			description:
				'The columns of activities.csv with the id the device made: 201 when stored, 200 with the stored one when the same activity was sent before.',
			...storedOnce('Activity', 'The activity.', 'StoredActivity', {
				unchanged: 'Sent before.',
				stored: 'Stored.'
			})
		}
	}
};
