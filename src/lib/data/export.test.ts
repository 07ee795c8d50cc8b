import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { exportAllZip, tableCsvParts } from './export';
import { createTablesSql } from './tables';

// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
vi.setConfig({ testTimeout: 120_000 });

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await engine.exec(createTablesSql());
});
afterAll(async () => {
	await engine.close();
});

describe('tableCsvParts', () => {
	it('writes the header and every row in table order, in slices, formula-safe', async () => {
		await engine.exec(
			`CREATE TABLE t AS SELECT i AS n, CASE WHEN i = 3 THEN '=1+1' ELSE 'x' || i END AS s,
				DATE '2024-01-01' + i::INTEGER AS d FROM range(120000) r(i)`
		);
		const shares: number[] = [];
		const parts = await tableCsvParts(engine, 't', {
			onProgress: (s) => shares.push(s),
			pause: async () => {}
		});
		expect(parts.length).toBe(4); // header + 3 slices of 50,000
		expect(shares).toEqual([50000 / 120000, 100000 / 120000, 1]);
		const text = parts.join('');
		expect(text.startsWith('n,s,d\n0,x0,2024-01-01\n')).toBe(true);
		expect(text).toContain(`\n3,"'=1+1",2024-01-04\n`);
		const rows = Papa.parse(text, { header: true, skipEmptyLines: true }).data;
		expect(rows.length).toBe(120000);
		const last = new Date(Date.UTC(2024, 0, 1) + 119999 * 86_400_000).toISOString().slice(0, 10);
		expect(text.endsWith(`119999,x119999,${last}\n`)).toBe(true);
	});

	it('writes just the header of an empty table', async () => {
		expect((await tableCsvParts(engine, 'actions')).join('')).toBe(
			'action_id,ubigeo,indicator_id,description,responsible,due_date,status,completed_on\n'
		);
	});

	it('puts the six datasets in one archive', async () => {
		const parts = await exportAllZip(engine);
		const size = parts.reduce((n, p) => n + p.length, 0);
		expect(size).toBeGreaterThan(6 * 30);
	});
});
