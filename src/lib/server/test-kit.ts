/**
 * What the unit tests of the server share: the ApiError a call must throw,
 * and a row count of a table.
 */
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
