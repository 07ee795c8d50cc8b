import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENGINE_CONTRACT } from '../../src/lib/engine/contract';
import { openSession, type Session } from './browser';

describe('browser engine adapter (/diagnostico in Chromium)', () => {
	let session: Session;
	let results: { name: string; ok: string | null; text: string }[];

	beforeAll(async () => {
		session = await openSession();
		await session.page.goto(inject('baseUrl') + '/diagnostico');
		await session.page.waitForSelector('[data-testid="diagnostics"][data-done="true"]', {
			timeout: 120_000
		});
		results = await session.page.$$eval('[data-testid="diagnostics"] tbody tr', (trs) =>
			trs.map((tr) => ({
				name: tr.querySelector('td')!.textContent!.trim(),
				ok: tr.getAttribute('data-ok'),
				text: tr.textContent!.trim()
			}))
		);
	});

	afterAll(async () => {
		await session?.close();
	});

	it('runs every check of the shared contract, plus timeout and crash recovery', () => {
		const names = results.map((r) => r.name);
		for (const check of ENGINE_CONTRACT) expect(names).toContain(check.name);
		expect(names.slice(ENGINE_CONTRACT.length)).toEqual([
			'a query past its timeout fails with a timeout error, and the next query gets a fresh engine',
			'a worker that dies fails the running query with a readable error, and the next query restarts',
			'a worker that dies while the datasets load fails the start as a crash, instead of hanging'
		]);
	});

	it('passes every check', () => {
		const failed = results.filter((r) => r.ok !== 'true').map((r) => r.text);
		expect(failed).toEqual([]);
	});

	it('fetches nothing from any host but localhost', () => {
		expect(session.foreignRequests).toEqual([]);
	});
});
