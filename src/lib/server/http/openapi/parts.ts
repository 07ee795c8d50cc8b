/**
 * The small pieces every part of the OpenAPI document is built from: references,
 * JSON bodies, the path parameters and the error sets that many operations share.
 */

import { DATASET_NAMES } from '../../../data/tables';

type Schema = Record<string, unknown>;

/** The open-data datasets served as /api/published/{dataset}.csv, in load order. */
export const DATASETS = DATASET_NAMES;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (type: string, extra: Schema = {}): Schema => ({
	type: [type, 'null'],
	...extra
});
/** A JSON request body or response: its description and schema. */
export const jsonBody = (schema: Schema, description: string) => ({
	description,
	content: { 'application/json': { schema } }
});
/** A JSON response that is an object with these properties. */
export const jsonObject = (properties: Schema, description: string) =>
	jsonBody({ type: 'object', properties }, description);
/** A JSON array of one schema (`{ type: 'array', items }`). */
export const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
/** A JSON array of objects with these properties (`extra`: e.g. which are required). */
export const arrayOfObjects = (properties: Schema, extra: Schema = {}): Schema =>
	arrayOf({ type: 'object', ...extra, properties });
/** A schema that is another one with more properties (`allOf`). */
export const extend = (base: string, properties: Schema): Schema => ({
	allOf: [ref(base), { type: 'object', properties }]
});
export const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

export const ubigeo = {
	name: 'ubigeo',
	in: 'path',
	required: true,
	description: 'The district code (6 digits, e.g. 150101 for Lima).',
	schema: { type: 'string', pattern: '^\\d{6}$' }
};
/** The district as an optional query filter (`?ubigeo=150101`). */
export const ubigeoQuery = { ...ubigeo, in: 'query', required: false };
export const round = {
	name: 'round',
	in: 'path',
	required: true,
	description: 'The round as the data contract names it (e.g. 2024).',
	schema: { type: 'string' }
};

/** Errors every write may give before its own: bad Origin (403), body too large, not JSON. */
export const WRITE_ERRORS = {
	'400': errorRef('BadRequest'),
	'401': errorRef('Unauthenticated'),
	'403': errorRef('Forbidden'),
	'413': errorRef('TooLarge'),
	'415': errorRef('UnsupportedMediaType'),
	'503': errorRef('Unavailable')
};

/** Errors of a read that needs a signed-in caller with the right role. */
export const SIGNED_IN_ERRORS = {
	'401': errorRef('Unauthenticated'),
	'403': errorRef('Forbidden')
};

export const csv = (description: string) => ({
	description,
	headers: { ETag: { schema: { type: 'string' } } },
	content: { 'text/csv': { schema: { type: 'string' } } }
});
