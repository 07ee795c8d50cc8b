/**
 * One Node engine per test file, shared by its tests: started before them
 * and closed after. `use` receives it (assign it to the file's `engine`).
 */
import { afterAll, beforeAll, vi } from 'vitest';
import { createNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';

export function withEngine(use: (engine: Engine) => void | Promise<void>): void {
	// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
	vi.setConfig({ testTimeout: 120_000 });
	let engine: Engine | null = null;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await use(engine);
	});
	afterAll(async () => {
		await engine?.close();
	});
}
