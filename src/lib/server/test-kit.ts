/**
 * What the unit tests of the server share: a store with one account per
 * role, the ApiError a call must throw, and a row count of a table.
 */
import { afterAll, beforeAll } from 'vitest';
import { addPeople, tempStore } from '../../../tests/fixtures/server-store';
import { importFiles } from '../data/import';
import { createNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { readDemoFiles } from './demo-files';
import type { Store } from './db/store';
import { ApiError } from './http/errors';

/** The ApiError a call throws (fails the test if it succeeds or throws something else). */
export async function refusal(p: Promise<unknown>): Promise<ApiError> {
	try {
		await p;
	} catch (error) {
		if (error instanceof ApiError) return error;
		throw error;
	}
	throw new Error('expected an ApiError, got success');
}

/** The status of the ApiError a call throws. */
export const status = async (p: Promise<unknown>): Promise<number> => (await refusal(p)).status;

/** Counts the rows of `from` (a table, perhaps with a WHERE). */
export const rowCount = async (store: Store, from: string, params: unknown[] = []) =>
	(await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from}`, params))[0].n;

export type PeopleStore = {
	store: Store;
	people: Awaited<ReturnType<typeof addPeople>>;
	close(): Promise<void>;
};

/**
 * A fresh store (PGlite in a temporary folder, migrated) with one account
 * per role, opened before the file's tests and removed after them.
 */
export function usePeopleStore(): PeopleStore {
	const world = {} as PeopleStore;
	beforeAll(async () => {
		const { store, close } = await tempStore();
		Object.assign(world, { store, close, people: await addPeople(store) });
	});
	afterAll(() => world.close?.());
	return world;
}

/** How the tests load files into an engine: replacing, nothing overdue, in Spanish. */
export const TEST_IMPORT = { mode: 'replace', today: '9999-12-31', locale: 'es' } as const;

/** A Node DuckDB with the reference data of data/ loaded: what the server checks against. */
export async function openReferenceEngine(): Promise<Engine> {
	const engine = await createNodeEngine();
	await importFiles(engine, readDemoFiles('data'), TEST_IMPORT);
	return engine;
}

/** The reference engine for a test file: opened before its tests, closed after them. */
export function useReferenceEngine(timeoutMs?: number): { engine: Engine } {
	const world = {} as { engine: Engine };
	beforeAll(async () => {
		world.engine = await openReferenceEngine();
	}, timeoutMs);
	afterAll(() => world.engine?.close());
	return world;
}
