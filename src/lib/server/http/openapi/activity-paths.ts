/** Activities the UIM logs on the server. */
import {
	WRITE_ERRORS,
	SIGNED_IN_ERRORS,
	arrayOf,
	errorRef,
	jsonBody,
	jsonObject,
	ref,
	ubigeoQuery
} from './parts';

export const ACTIVITY_PATHS = {
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
			requestBody: { required: true, ...jsonBody(ref('Activity'), 'The activity.') },
			responses: {
				'200': jsonBody(ref('StoredActivity'), 'Sent before.'),
				'201': jsonBody(ref('StoredActivity'), 'Stored.'),
				...WRITE_ERRORS,
				'409': errorRef('Conflict')
			}
		}
	}
};
