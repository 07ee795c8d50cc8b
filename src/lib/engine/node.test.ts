import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { ENGINE_CONTRACT } from './contract';
import { createNodeEngine } from './node';
import type { Engine, ReadOnlyEngine } from './types';

describe('Node engine adapter', () => {
	let engine: Engine & ReadOnlyEngine;
	beforeAll(async () => {
		engine = await createNodeEngine();
	});
	afterAll(async () => {
		await engine.close();
	});

	for (const check of ENGINE_CONTRACT) {
		it(check.name, async () => {
			await expect(check.run(engine)).resolves.toBeUndefined();
		});
	}

	it('turns extension autoload off, so nothing is fetched from the network', async () => {
		const rows = await engine.query(
			"SELECT name, value FROM duckdb_settings() WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions') ORDER BY name"
		);
		expect(rows).toEqual([
			{ name: 'autoinstall_known_extensions', value: 'false' },
			{ name: 'autoload_known_extensions', value: 'false' }
		]);
	});

	it(
		'sends nothing to a listener on another port, whatever the SQL asks for',
		{ timeout: 15_000 },
		async () => {
			// In another process: the Node engine blocks this one while it reads, so a
			// listener here could never answer (the test would hang instead of failing).
			const listener = spawn(process.execPath, [
				'-e',
				`let n = 0;
			const s = require('node:http').createServer((q, r) => { n++; r.end('a\\n1\\n'); });
			s.listen(0, '127.0.0.1', () => console.log(s.address().port));
			process.stdin.on('data', () => console.log('received ' + n));`
			]);
			const lines = createInterface({ input: listener.stdout! });
			const next = () => new Promise<string>((done) => lines.once('line', done));
			const url = `http://127.0.0.1:${await next()}`;
			try {
				await engine.exec("CREATE OR REPLACE TABLE __secret AS SELECT 'Callao' AS name");
				for (const sql of [
					`SELECT * FROM read_csv('${url}/?d=' || 'Callao')`,
					`SELECT * FROM read_csv_auto('${url}/x.csv')`,
					`COPY __secret TO '${url}/out.csv'`,
					`ATTACH '${url}/x.duckdb' AS x`,
					`INSTALL httpfs FROM '${url}'`,
					'LOAD httpfs',
					`LOAD '${url}/httpfs.duckdb_extension'`
				]) {
					await engine.query(sql).catch(() => {});
					await engine.queryReadOnly(sql).catch(() => {});
				}
				listener.stdin!.write('count\n');
				expect(await next()).toBe('received 0');
			} finally {
				listener.kill();
				await engine.exec('DROP TABLE IF EXISTS __secret');
			}
		}
	);
});
