import { describe, expect, it } from 'vitest';
import { api } from './client';

/** A fetch that answers one fixed response and records what it was asked. */
function answering(status: number, body: string | null, contentType = 'application/json') {
	const calls: { url: string; init: RequestInit }[] = [];
	const fetchImpl = (async (url: string, init: RequestInit) => {
		calls.push({ url, init });
		return new Response(body, { status, headers: { 'content-type': contentType } });
	}) as unknown as typeof fetch;
	return { calls, fetchImpl };
}

describe('api (the browser client of the server JSON API)', () => {
	it('sends JSON with the method and gives back the body of a 201', async () => {
		const { calls, fetchImpl } = answering(201, '{"version":3}');
		const result = await api<{ version: number }>('/api/rounds/150101/2025-I/versions', {
			method: 'POST',
			body: { base_version: 2, answers: [] },
			fetchImpl
		});
		expect(result).toEqual({ kind: 'ok', status: 201, body: { version: 3 } });
		expect(calls[0].url).toBe('/api/rounds/150101/2025-I/versions');
		expect(calls[0].init.method).toBe('POST');
		expect(JSON.parse(String(calls[0].init.body))).toEqual({ base_version: 2, answers: [] });
		expect((calls[0].init.headers as Record<string, string>)['content-type']).toBe(
			'application/json'
		);
	});

	it('sends no body and no content type on a GET', async () => {
		const { calls, fetchImpl } = answering(200, '[]');
		await api('/api/rounds', { fetchImpl });
		expect(calls[0].init.method).toBe('GET');
		expect(calls[0].init.body).toBeUndefined();
		expect((calls[0].init.headers as Record<string, string>)['content-type']).toBeUndefined();
	});

	it("gives a refusal's code, message and whole error object", async () => {
		const { fetchImpl } = answering(
			409,
			'{"error":{"code":"conflict","message":"Hay una versión 4 más reciente.","latest":4}}'
		);
		const result = await api('/x', { method: 'POST', body: {}, fetchImpl });
		expect(result).toEqual({
			kind: 'rejected',
			status: 409,
			code: 'conflict',
			message: 'Hay una versión 4 más reciente.',
			detail: { code: 'conflict', message: 'Hay una versión 4 más reciente.', latest: 4 }
		});
	});

	it('counts a 503 and a page that is not JSON as unreachable, not as a refusal', async () => {
		const down = await api('/x', {
			fetchImpl: answering(503, '{"error":{"code":"unavailable","message":"Sin base"}}').fetchImpl
		});
		expect(down).toEqual({ kind: 'unreachable', status: 503, message: 'Sin base' });
		const proxy = await api('/x', {
			fetchImpl: answering(502, '<html>Bad gateway</html>', 'text/html').fetchImpl
		});
		expect(proxy).toEqual({ kind: 'unreachable', status: 502, message: 'HTTP 502' });
	});

	it('counts a network failure as unreachable', async () => {
		const fetchImpl = (async () => {
			throw new TypeError('Failed to fetch');
		}) as unknown as typeof fetch;
		expect(await api('/x', { fetchImpl })).toEqual({
			kind: 'unreachable',
			status: null,
			message: 'Failed to fetch'
		});
	});

	it('takes a 204 as ok with no body', async () => {
		const { fetchImpl } = answering(204, null);
		expect(await api('/api/session', { method: 'DELETE', fetchImpl })).toEqual({
			kind: 'ok',
			status: 204,
			body: null
		});
	});
});
