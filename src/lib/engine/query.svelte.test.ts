import { afterEach, describe, expect, it } from 'vitest';
import { queryKey } from './prefetch';
import { Query, readColumns, type QueryOptions } from './query.svelte';
import { engineState } from './state.svelte';
import { EngineError, type Columns, type Engine, type Row, type SqlQuery } from './types';

/** One question the fake engine was asked, answered by hand in the test. */
interface Asked {
	sql: string;
	params: unknown[];
	answer(rows: Row[]): Promise<void>;
	fail(error: unknown): Promise<void>;
}

/** An engine whose answers the test gives, in the order it chooses. */
function fakeEngine() {
	const asked: Asked[] = [];
	const ask = (sql: string, params: unknown[] = []) =>
		new Promise<Row[]>((resolve, reject) => {
			// let the query's `.then` run before the test reads the result
			const settle = () => new Promise<void>((r) => setTimeout(r));
			asked.push({
				sql,
				params,
				answer: (rows) => (resolve(rows), settle()),
				fail: (error) => (reject(error), settle())
			});
		});
	const engine = {
		query: ask,
		queryColumns: async (sql: string, params?: unknown[]): Promise<Columns> => {
			const rows = await ask(sql, params);
			const names = rows.length ? Object.keys(rows[0]) : [];
			return { names, columns: names.map((n) => rows.map((r) => r[n])), length: rows.length };
		}
	} as unknown as Engine;
	return { engine, asked };
}

afterEach(() => {
	engineState.engine = null;
	engineState.dataVersion = 0;
});

/**
 * A Query on a reactive input. Effects do not run in Node (the server build of
 * Svelte), so the test calls `askIfChanged` where a component's effect would
 * run: after each change of an input, the engine or the data.
 */
function setup<A = Row[]>(options: QueryOptions<A> = {}) {
	const { engine, asked } = fakeEngine();
	const input = $state<{ district: string | null }>({ district: '150101' });
	const sql = (d: string): SqlQuery => ({ sql: 'SELECT ? AS d', params: [d] });
	const query = new Query<A>(() => (input.district ? sql(input.district) : null), options);
	engineState.engine = engine;
	query.askIfChanged();
	return { query, asked, input, sql };
}

describe('Query', () => {
	it('shows the answer to the current query', async () => {
		const { query, asked } = setup();
		expect(asked.map((a) => a.params)).toEqual([['150101']]);
		expect(query.loading).toBe(true);
		expect(query.data).toBeNull();
		await asked[0].answer([{ d: '150101' }]);
		expect(query.data).toEqual([{ d: '150101' }]);
		expect(query.loading).toBe(false);
		expect(query.live).toBe(true);
		expect(query.current).toBe(true);
	});

	it('drops an older answer that arrives after a newer one', async () => {
		const { query, asked, input } = setup();
		input.district = '150102';
		query.askIfChanged();
		expect(asked.map((a) => a.params)).toEqual([['150101'], ['150102']]);
		// the newer question is answered first, the older one arrives late
		await asked[1].answer([{ d: '150102' }]);
		await asked[0].answer([{ d: '150101' }]);
		expect(query.data).toEqual([{ d: '150102' }]);
		expect(query.loading).toBe(false);
	});

	it('drops an older answer that arrives before the newer one', async () => {
		const { query, asked, input } = setup();
		input.district = '150102';
		query.askIfChanged();
		await asked[0].answer([{ d: '150101' }]);
		// not the answer to the question on screen: nothing shown, still loading
		expect(query.data).toBeNull();
		expect(query.loading).toBe(true);
		await asked[1].answer([{ d: '150102' }]);
		expect(query.data).toEqual([{ d: '150102' }]);
	});

	it('does not ask again for the same key (the SQL rebuilt, same values)', async () => {
		const { query, asked, input } = setup();
		input.district = '150101'; // same value: nothing changed
		query.askIfChanged();
		expect(asked).toHaveLength(1);
		await asked[0].answer([{ d: '150101' }]);
		// away and back: the last answer is still for this key on this data
		input.district = null;
		query.askIfChanged();
		input.district = '150101';
		query.askIfChanged();
		expect(asked).toHaveLength(1);
		expect(query.live).toBe(true);
	});

	it('asks again for the same key when the data change', async () => {
		const { query, asked } = setup();
		await asked[0].answer([{ d: 'before' }]);
		engineState.dataVersion = 1;
		query.askIfChanged();
		expect(asked).toHaveLength(2);
		// the old answer is kept, marked as not current, until the new one comes
		expect(query.data).toEqual([{ d: 'before' }]);
		expect(query.live).toBe(false);
		expect(query.current).toBe(false);
		await asked[1].answer([{ d: 'after' }]);
		expect(query.data).toEqual([{ d: 'after' }]);
		expect(query.live).toBe(true);
	});

	it('surfaces an error, and asks again on the next change', async () => {
		const { query, asked, input } = setup();
		await asked[0].fail(new EngineError('sql', 'no such table: activities'));
		expect(query.error?.message).toBe('no such table: activities');
		expect(query.loading).toBe(false);
		expect(query.data).toBeNull();
		input.district = '150102';
		query.askIfChanged();
		await asked[1].answer([{ d: '150102' }]);
		expect(query.error).toBeNull();
		expect(query.data).toEqual([{ d: '150102' }]);
	});

	it('wraps an error that is not an EngineError', async () => {
		const { query, asked } = setup();
		await asked[0].fail('worker gone');
		expect(query.error).toBeInstanceOf(EngineError);
		expect(query.error?.message).toBe('worker gone');
	});

	it('without keepLast, never shows the answer to another query', async () => {
		const { query, asked, input } = setup();
		await asked[0].answer([{ d: '150101' }]);
		input.district = '150102';
		query.askIfChanged();
		expect(query.data).toBeNull();
		expect(query.loading).toBe(true);
	});

	it('with keepLast, shows the previous answer as stale while the next loads', async () => {
		const { query, asked, input } = setup({ keepLast: true });
		await asked[0].answer([{ d: '150101' }]);
		input.district = '150102';
		query.askIfChanged();
		expect(query.data).toEqual([{ d: '150101' }]);
		expect(query.stale).toBe(true);
		expect(query.loading).toBe(true);
		await asked[1].answer([{ d: '150102' }]);
		expect(query.stale).toBe(false);
	});

	it('shows the prefetched answer for the same key only, until the engine answers', async () => {
		const pre = [{ d: 'prefetched' }];
		const key = queryKey({ sql: 'SELECT ? AS d', params: ['150101'] });
		const { query, asked, input } = setup({
			prefetched: (k) => (k === key ? pre : undefined)
		});
		expect(query.data).toBe(pre);
		expect(query.current).toBe(true);
		expect(query.live).toBe(false);
		input.district = '150102';
		query.askIfChanged();
		expect(query.data).toBeNull();
		input.district = '150101';
		query.askIfChanged();
		await asked[asked.length - 1].answer([{ d: 'live' }]);
		expect(query.data).toEqual([{ d: 'live' }]);
		expect(query.live).toBe(true);
	});

	it('does not ask while not enabled', () => {
		const enabled = $state({ on: false });
		const { query, asked } = setup({ enabled: () => enabled.on });
		expect(asked).toHaveLength(0);
		enabled.on = true;
		query.askIfChanged();
		expect(asked).toHaveLength(1);
	});

	it('reads column-wise when told', async () => {
		const { query, asked } = setup<Columns>({ read: readColumns });
		await asked[0].answer([{ d: '150101' }]);
		expect(query.data).toEqual({ names: ['d'], columns: [['150101']], length: 1 });
	});
});
