import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI } from './openapi';

const API_DIR = 'src/routes/api';

/**
 * Documented before their route is on this branch (the lead merges them):
 * checked like any other once the route file exists.
 */
const PENDING = new Set(['/api/view', '/api/users', '/api/users/{id}/password']);

/** Every +server.ts under src/routes/api, as an OpenAPI path ([param] → {param}). */
function routeFiles(dir = API_DIR): Map<string, string> {
	const found = new Map<string, string>();
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) for (const [k, v] of routeFiles(path)) found.set(k, v);
		else if (entry.name === '+server.ts') found.set(toApiPath(dir), path);
	}
	return found;
}

function toApiPath(dir: string): string {
	return (
		'/api/' +
		relative(API_DIR, dir)
			.split(/[/\\]/)
			.join('/')
			.replace(/\[(\w+)\]/g, '{$1}')
	);
}

/** The HTTP methods a route file exports (`export const GET`, `export async function POST`…). */
function exportedMethods(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const methods = [
		...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)
	].map((m) => m[1].toLowerCase());
	return methods.sort();
}

const documented = OPENAPI.paths as Record<string, Record<string, unknown>>;

describe('the OpenAPI document (/api/openapi.json)', () => {
	it('maps a route folder to its path', () => {
		expect(toApiPath('src/routes/api/rounds/[ubigeo]/[round]/versions')).toBe(
			'/api/rounds/{ubigeo}/{round}/versions'
		);
		expect(toApiPath('src/routes/api/published/[dataset].csv')).toBe(
			'/api/published/{dataset}.csv'
		);
	});

	it('documents every route under src/routes/api, with the methods it exports', () => {
		const routes = routeFiles();
		expect(routes.size).toBeGreaterThanOrEqual(14);
		for (const [path, file] of routes) {
			expect(documented[path], `${file} has no path ${path} in openapi.ts`).toBeDefined();
			expect(Object.keys(documented[path]).sort(), `methods of ${path}`).toEqual(
				exportedMethods(file)
			);
		}
	});

	it('documents no path without a route', () => {
		const routes = routeFiles();
		for (const path of Object.keys(documented)) {
			if (PENDING.has(path) && !routes.has(path)) continue;
			expect(routes.has(path), `${path} is in openapi.ts but has no route file`).toBe(true);
		}
	});

	it('describes errors as { error: { code, message } } and every reference resolves', () => {
		const error = OPENAPI.components.schemas.Error;
		expect(error.required).toEqual(['error']);
		expect(error.properties.error.required).toEqual(['code', 'message']);
		const text = JSON.stringify(OPENAPI);
		for (const [, kind, name] of text.matchAll(/"#\/components\/(\w+)\/(\w+)"/g)) {
			const table = (OPENAPI.components as Record<string, Record<string, unknown>>)[kind];
			expect(table?.[name], `#/components/${kind}/${name}`).toBeDefined();
		}
		// every path parameter in a path is declared
		for (const [path, ops] of Object.entries(documented)) {
			const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			for (const [method, op] of Object.entries(ops)) {
				const params = ((op as { parameters?: { name: string; in: string }[] }).parameters ?? [])
					.filter((p) => p.in === 'path')
					.map((p) => p.name);
				expect(params.sort(), `${method.toUpperCase()} ${path}`).toEqual([...names].sort());
			}
		}
	});

	it('states the Origin rule, the body limit and cookie auth', () => {
		expect(OPENAPI.info.description).toContain('`Origin`');
		expect(OPENAPI.info.description).toContain('262144 bytes');
		expect(OPENAPI.components.securitySchemes.session).toMatchObject({
			type: 'apiKey',
			in: 'cookie',
			name: 'integra_session'
		});
	});

	it('is served by src/routes/api/openapi.json', () => {
		expect(existsSync(join(API_DIR, 'openapi.json', '+server.ts'))).toBe(true);
	});
});
