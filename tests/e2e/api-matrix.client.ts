/**
 * The HTTP client of api-matrix.test.ts: a request as one role (its session
 * cookie), with the page's Origin on writes unless told otherwise, and a
 * sign-in that checks the session cookie's flags.
 */
import { expect } from 'vitest';
import type { Reply, Role } from './api-matrix.table';

export function apiClient(baseUrl: () => string, cookies: Map<Role, string>) {
	async function call(
		role: Role,
		method: string,
		path: string,
		opts: {
			body?: unknown;
			raw?: BodyInit;
			origin?: string | null;
			headers?: Record<string, string>;
			cookie?: string;
		} = {}
	): Promise<Reply> {
		const headers: Record<string, string> = { ...opts.headers };
		const cookie = opts.cookie ?? cookies.get(role);
		if (cookie) headers.cookie = cookie;
		const origin = opts.origin === undefined ? baseUrl() : opts.origin;
		if (origin !== null && method !== 'GET') headers.origin = origin;
		let body: BodyInit | undefined = opts.raw;
		if (opts.body !== undefined) body = JSON.stringify(opts.body);
		if (body !== undefined) headers['content-type'] ??= 'application/json';
		const res = await fetch(baseUrl() + path, {
			method,
			headers,
			body,
			redirect: 'manual',
			...(body instanceof ReadableStream ? { duplex: 'half' } : {})
		} as RequestInit);
		const text = await res.text();
		let json: unknown = null;
		try {
			json = JSON.parse(text);
		} catch {
			// CSV, or nothing
		}
		return { status: res.status, headers: res.headers, text, json };
	}

	/** Signs in; the session cookie as a Cookie header. */
	async function signIn(email: string, password: string): Promise<string> {
		const res = await call('anonymous', 'POST', '/api/session', { body: { email, password } });
		expect(res.status, `sign-in of ${email}: ${res.text}`).toBe(200);
		const set = res.headers.getSetCookie().find((c) => c.startsWith('integra_session='));
		expect(set).toMatch(/HttpOnly/i);
		expect(set).toMatch(/SameSite=Lax/i);
		return set!.split(';')[0];
	}

	return { call, signIn };
}
