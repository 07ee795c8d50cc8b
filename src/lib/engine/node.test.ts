import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { ENGINE_CONTRACT } from './contract';
import { createNodeEngine } from './node';
import type { Engine } from './types';

describe('Node engine adapter', () => {
	let engine: Engine;
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
});
