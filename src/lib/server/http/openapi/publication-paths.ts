/** Publishing validated rounds, the open-data CSV files, and the audit log. */
import { DATASETS, WRITE_ERRORS, SIGNED_IN_ERRORS, csv, errorRef, jsonBody, ref } from './parts';

export const PUBLICATION_PATHS = {
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
				...SIGNED_IN_ERRORS
			}
		}
	},
	'/api/backup': {
		get: {
			summary: 'A backup of the whole store (admin)',
			description:
				'Every row of every table (accounts with their password hashes included; sessions excluded), ' +
				'taken in one consistent snapshot, as JSON; restore with `npm run db -- restore FILE`.',
			responses: {
				'200': {
					description: 'The backup.',
					content: { 'application/json': { schema: { type: 'object' } } }
				},
				...SIGNED_IN_ERRORS
			}
		}
	}
};
