/**
 * The authorisation matrix of the HTTP API (api-matrix.test.ts): the request
 * roles and their accounts, the request bodies and, for every endpoint, the
 * status each role must get.
 */
import { DEMO } from './server';

export type Role = 'anonymous' | 'admin' | 'uim' | 'official' | 'other' | 'analyst';
export const ROLES: Role[] = ['anonymous', 'admin', 'uim', 'official', 'other', 'analyst'];
/** the second official, of 150102 (Ancón), made with the CLI before the server starts */
export const OTHER = { email: 'otra@integra.demo', password: 'otra-clave-2025' };
export const EMAIL: Record<Exclude<Role, 'anonymous'>, string> = {
	admin: DEMO.admin,
	uim: DEMO.uim,
	official: DEMO.official, // 150101 (Lima)
	other: OTHER.email, // 150102 (Ancón)
	analyst: DEMO.analyst
};
export const passwordOf = (role: Exclude<Role, 'anonymous'>) =>
	role === 'other' ? OTHER.password : DEMO.password;

/** What a request got back. */
export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	json: unknown;
}

export const answer = (indicator_id: string, value: string) => ({
	indicator_id,
	answer: value,
	evidence: `Evidencia de ${indicator_id}`,
	source_url: null
});
export const SUBMISSION = {
	base_version: null,
	answers: [answer('D1.01', 'cumple'), answer('D1.02', 'parcial')]
};

// Expected status per role: anonymous, admin, uim, official (150101), other (official of 150102), analyst.
// Reads: anyone reads what is published; unpublished work: staff, and the officials of its district.
// Writes: a version by the district's official; return and validate by the UIM; publish by an admin.
// Rows run in this order (publish one before publish all: the latter takes every validated round).
export type Row = [method: string, path: string, body: unknown, expected: number[]];
const V = { ...SUBMISSION };
export const RETURN = { comments: [{ indicator_id: 'D1.02', text: 'Adjunte la resolución.' }] };
/** A new action of a district's plan (its id and ubigeo come from the path). */
const ACTION = {
	base_version: null,
	indicator_id: 'D1.02',
	description: 'Aprobar la ordenanza de integración.',
	responsible: 'Gerencia de Desarrollo Social',
	due_date: '2027-06-30',
	status: 'pendiente',
	completed_on: null
};
/** An activity a UIM assistant logs (the columns of activities.csv). */
const ACTIVITY = {
	activity_id: 'ACT-MATRIX-0001',
	date: '2026-11-20',
	ubigeo: '150102',
	type: 'asistencia_tecnica',
	audience: 'gobierno_local',
	topic: 'integracion',
	modality: 'presencial',
	participants_total: 12,
	participants_women: 7,
	participants_men: 5,
	participants_migrants: 0,
	partner: null
};
const NEW_ACCOUNT = {
	email: 'nueva@integra.demo',
	name: 'Analista nueva',
	role: 'analyst',
	password: 'clave-de-prueba-2026'
};
// prettier-ignore
export const MATRIX: Row[] = [
	//                                                                 anon admin uim  off  other analyst
	['GET',    '/api/session',                             undefined, [200, 200, 200, 200, 200, 200]],
	['POST',   '/api/session',     { email: DEMO.analyst, password: DEMO.password },
	                                                                  [200, 200, 200, 200, 200, 200]],
	['GET',    '/api/rounds',                              undefined, [200, 200, 200, 200, 200, 200]],
	['GET',    '/api/rounds?ubigeo=150102&state=submitted',undefined, [200, 200, 200, 200, 200, 200]],
	['GET',    '/api/rounds/150101/2024',                  undefined, [200, 200, 200, 200, 200, 200]],
	['GET',    '/api/rounds/150101/2030',                  undefined, [404, 200, 200, 200, 404, 200]],
	['GET',    '/api/rounds/150102/2030',                  undefined, [404, 200, 200, 404, 200, 200]],
	['GET',    '/api/rounds/150101/1999',                  undefined, [404, 404, 404, 404, 404, 404]],
	['POST',   '/api/rounds/150101/2031/versions',         V,         [401, 403, 403, 201, 403, 403]],
	['POST',   '/api/rounds/150102/2031/versions',         V,         [401, 403, 403, 403, 201, 403]],
	['POST',   '/api/rounds/150101/2032/return',           RETURN,    [401, 403, 200, 403, 403, 403]],
	['POST',   '/api/rounds/150102/2032/return',           RETURN,    [401, 403, 200, 403, 403, 403]],
	['POST',   '/api/rounds/150101/2033/validate',         undefined, [401, 403, 200, 403, 403, 403]],
	['POST',   '/api/rounds/150102/2033/validate',         undefined, [401, 403, 200, 403, 403, 403]],
	['POST',   '/api/rounds/150101/2034/publish',          undefined, [401, 200, 403, 403, 403, 403]],
	['POST',   '/api/rounds/150102/2034/publish',          undefined, [401, 200, 403, 403, 403, 403]],
	['POST',   '/api/publications',                        undefined, [401, 200, 403, 403, 403, 403]],
	['GET',    '/api/published/assessments.csv',           undefined, [200, 200, 200, 200, 200, 200]],
	['GET',    '/api/published/districts.csv',             undefined, [200, 200, 200, 200, 200, 200]],
	['GET',    '/api/published/nothing.csv',               undefined, [404, 404, 404, 404, 404, 404]],
	['GET',    '/api/audit.csv',                           undefined, [401, 200, 403, 403, 403, 403]],
	['GET',    '/api/backup',                              undefined, [401, 200, 403, 403, 403, 403]],
	['GET',    '/api/action-plans/150101',                 undefined, [401, 200, 200, 200, 403, 200]],
	['GET',    '/api/action-plans/150102',                 undefined, [401, 200, 200, 403, 200, 200]],
	['PUT',    '/api/action-plans/150101/items/PA-150101-90', ACTION, [401, 403, 403, 201, 403, 403]],
	['PUT',    '/api/action-plans/150102/items/PA-150102-90', ACTION, [401, 403, 403, 403, 201, 403]],
	['GET',    '/api/activities',                          undefined, [401, 200, 200, 403, 403, 200]],
	['POST',   '/api/activities',                          ACTIVITY,  [401, 403, 201, 403, 403, 403]],
	['POST',   '/api/view',                { view: 'in-progress' },   [401, 200, 200, 403, 403, 200]],
	['GET',    '/api/users',                               undefined, [401, 200, 403, 403, 403, 403]],
	['POST',   '/api/users',                               NEW_ACCOUNT, [401, 201, 403, 403, 403, 403]],
	// an id no account has: the role is checked before the account is looked for
	['POST',   '/api/users/999999/password', { password: 'otra-clave-2026' },
	                                                                  [401, 404, 403, 403, 403, 403]],
	['GET',    '/api/openapi.json',                        undefined, [200, 200, 200, 200, 200, 200]]
];
