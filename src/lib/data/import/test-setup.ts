/** Set-up shared by the importCsv test files. */
import { beforeEach } from 'vitest';
import type { Engine } from '../../engine/types';
import { baseTables } from './dataset.fixtures';
import { fileEngine } from './test-engine';

/**
 * The test file's engine, with the contract tables and the base districts and
 * framework loaded afresh before each test (each test imports into a clean set).
 */
export function engineWithBaseTables(): Engine {
	const engine = fileEngine();
	beforeEach(() => baseTables(engine));
	return engine;
}
