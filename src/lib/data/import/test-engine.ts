/**
 * One Node engine per test file, shared by its tests: started before them
 * and closed after.
 */
import { afterAll, beforeAll, vi } from 'vitest';
import { createNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';

/**
 * The test file's engine. It starts in `beforeAll` (then `setUp` runs on it),
 * so the object returned here stands in for it: each method call goes to the
 * started engine. Call it at the top of the file; use the engine in hooks and tests.
 */
export function fileEngine(setUp?: (engine: Engine) => Promise<void>): Engine {
	// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
	vi.setConfig({ testTimeout: 120_000 });
	let engine: Engine | null = null;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await setUp?.(engine);
	});
	afterAll(async () => {
		await engine?.close();
	});
	const started = (): Engine => {
		if (!engine)
			throw new Error('The test engine is used before it started (outside a hook or test).');
		return engine;
	};
	return new Proxy({} as Engine, {
		get(_, key: keyof Engine) {
			const e = started();
			const member = e[key];
			return typeof member === 'function' ? member.bind(e) : member;
		}
	});
}
