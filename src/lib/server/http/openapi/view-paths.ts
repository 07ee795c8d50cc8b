/** The observatory view (published or in progress) a staff member picks. */
import { WRITE_ERRORS, jsonBody, jsonObject } from './parts';

export const VIEW_PATHS = {
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
				'200': jsonObject(
					{ view: { enum: ['published', 'in-progress'] } },
					'The view is set; answers `{ "view" }`.'
				),
				...WRITE_ERRORS
			}
		}
	}
};
