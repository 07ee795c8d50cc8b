/**
 * The world the tests of server records (action plans, logged activities)
 * share: PGlite in memory with the schema, one account per role, and a Node
 * DuckDB loaded with the reference data for the import pipeline's checks.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { importFiles } from '../../data/import';
import { createNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import type { Role, User } from '../auth/sessions';
import { migrate } from '../db/migrate';
import { openEmbedded, type Store } from '../db/store';
import { viewFiles } from '../published';
import { openReferenceEngine, TEST_IMPORT } from '../test-kit';

export type RecordsWorld = {
	store: Store;
	engine: Engine;
	users: Record<'admin' | 'uim' | 'lima' | 'sjl' | 'analyst', User>;
	close(): Promise<void>;
};

export async function openRecordsWorld(): Promise<RecordsWorld> {
	const store = await openEmbedded('memory://');
	await migrate(store);
	const users = {} as RecordsWorld['users'];
	const addUser = async (key: keyof typeof users, role: Role, ubigeos: string[] = []) => {
		const email = `${key}@test.integra`;
		const [row] = await store.query<{ id: number }>(
			`INSERT INTO users (email, role, ubigeos, password_hash) VALUES ($1, $2, $3, 'x') RETURNING id::int AS id`,
			[email, role, ubigeos]
		);
		users[key] = { id: row.id, email, name: '', role, ubigeos };
	};
	await addUser('admin', 'admin');
	await addUser('uim', 'uim');
	await addUser('lima', 'official', ['150101']);
	await addUser('sjl', 'official', ['150132']);
	await addUser('analyst', 'analyst');
	const engine = await openReferenceEngine();
	return {
		store,
		engine,
		users,
		async close() {
			await engine.close();
			await store.close();
		}
	};
}

/** The world for a test file: opened before its tests, closed after them. */
export function useRecordsWorld(): RecordsWorld {
	const world = {} as RecordsWorld;
	beforeAll(async () => {
		Object.assign(world, await openRecordsWorld());
	});
	afterAll(() => world.close?.());
	return world;
}

/** A CSV file's rows as records of text, by header. */
export const parseCsv = (bytes: Uint8Array) =>
	Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), {
		header: true,
		skipEmptyLines: true
	}).data;

/** The rows of a reference file in data/. */
export const referenceRows = (name: string) => parseCsv(readFileSync(`data/${name}`));

/**
 * The published files (reference rows merged with the server's records)
 * loaded into a fresh engine through the import pipeline: `look` gets the
 * engine and the errors found in actions.csv and activities.csv.
 */
export async function loadPublished<T>(
	store: Store,
	look: (engine: Engine, errors: unknown[]) => Promise<T>
): Promise<T> {
	const fresh = await createNodeEngine();
	try {
		const result = await importFiles(
			fresh,
			await viewFiles(store, 'published', 'data'),
			TEST_IMPORT
		);
		const errors = result.reports
			.filter((r) => r.dataset === 'actions' || r.dataset === 'activities')
			.flatMap((r) => r.issues.filter((i) => i.severity === 'error'));
		return await look(fresh, errors);
	} finally {
		await fresh.close();
	}
}

/**
 * The first row `sql` gives on the published files, once they have loaded
 * without an error in actions.csv or activities.csv (the test fails otherwise).
 */
export const publishedRow = (store: Store, sql: string) =>
	loadPublished(store, async (fresh, errors) => {
		expect(errors).toEqual([]);
		const [row] = await fresh.query(sql);
		return row;
	});
