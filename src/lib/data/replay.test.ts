import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/node';
import { EngineError, type Engine } from '../engine/types';
import type { ImportLog, LogEntry } from './persist';
import { replayImports, retryStoppedImports } from './replay';
import { restoreState } from './restore.svelte';
import { MemoryStorage } from '../../../tests/fixtures/memory-storage';

/** The import log's contract in memory (IndexedDB is the browser's). */
class MemoryLog {
	meta = new Map<string, unknown>();
	constructor(
		readonly entries: LogEntry[],
		readonly files: Map<number, Uint8Array>,
		/** Holds the read of these ids' bytes until released (a replay in progress). */
		readonly hold = new Set<number>()
	) {}
	released: (() => void) | null = null;
	async list() {
		return this.entries;
	}
	async bytes(id: number) {
		if (this.hold.has(id)) await new Promise<void>((resolve) => (this.released = resolve));
		return this.files.get(id);
	}
	async getMeta<T>(key: string) {
		return this.meta.get(key) as T | undefined;
	}
	async setMeta(key: string, value: unknown) {
		if (value === undefined) this.meta.delete(key);
		else this.meta.set(key, value);
	}
}

const text = (s: string) => new TextEncoder().encode(s);
const table = (id: number, name: string): LogEntry => ({
	id,
	kind: 'table',
	table: name,
	fileName: `${name}.csv`,
	size: 10,
	rows: 2,
	loadedAt: '2026-01-01T00:00:00Z'
});

let engine: Engine;
let notes: MemoryStorage;
let page: EventTarget;

beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});
beforeEach(async () => {
	notes = new MemoryStorage();
	page = new EventTarget();
	await engine.exec('DROP TABLE IF EXISTS small; DROP TABLE IF EXISTS big');
});

function makeLog(hold: number[] = []) {
	return new MemoryLog(
		[table(1, 'small'), table(2, 'big')],
		new Map([
			[1, text('a,b\n1,2\n3,4\n')],
			[2, text('x\n10\n20\n30\n')]
		]),
		new Set(hold)
	);
}

const replay = (log: MemoryLog, on: Engine = engine) =>
	replayImports(on, {
		log: log as unknown as ImportLog,
		notes,
		page: page as unknown as Window,
		today: '2026-01-01'
	});

const rows = async (name: string) =>
	Number((await engine.query(`SELECT count(*) AS n FROM ${name}`))[0].n);

describe('replayImports: which unfinished replays mark a file as one that stopped the engine', () => {
	it('a reload during the replay (pagehide) is no failure: the next start loads the file', async () => {
		const log = makeLog([2]);
		const first = replay(log);
		await new Promise((r) => setTimeout(r, 20));
		expect(log.released).not.toBeNull(); // the replay is reading the big file
		page.dispatchEvent(new Event('pagehide')); // the page goes away; this replay never ends
		expect(log.meta.get('replaying')).toBe(2);

		const next = makeLog();
		next.meta = log.meta;
		await replay(next);
		expect(restoreState.problems).toEqual([]);
		expect(restoreState.restored).toBe(2);
		expect(await rows('big')).toBe(3);
		expect(next.meta.get('stopped') ?? []).toEqual([]);
		void first;
	});

	it('a replay that ended without its page going away (page or engine died) skips the file, keeps it, and can try it again', async () => {
		const log = makeLog([2]);
		void replay(log);
		await new Promise((r) => setTimeout(r, 20));
		// no pagehide: the tab crashed with the engine

		const next = makeLog();
		next.meta = log.meta;
		await replay(next);
		expect(restoreState.restored).toBe(1);
		expect(await rows('small')).toBe(2);
		expect(restoreState.problems).toHaveLength(1);
		const [problem] = restoreState.problems;
		expect(problem).toMatchObject({ fileName: 'big.csv', target: 'table:big', stopped: true });
		expect(problem.message).toContain('sigue guardado en este navegador');
		expect(problem.message).not.toMatch(/Quítelo|elimínelo|bórrelo/i);
		// still skipped on the start after that
		await replay(next);
		expect(restoreState.problems.map((p) => p.fileName)).toEqual(['big.csv']);

		await retryStoppedImports(next as unknown as ImportLog);
		await replay(next);
		expect(restoreState.problems).toEqual([]);
		expect(await rows('big')).toBe(3);
	});

	it('an engine that crashes on the file marks it (in the page), and the next start skips it', async () => {
		const log = makeLog();
		let dead = false;
		const bytes = log.bytes.bind(log);
		log.bytes = async (id: number) => {
			dead = id === 2; // the worker dies while the big file is loaded
			return bytes(id);
		};
		const crashing = new Proxy(engine, {
			get: (target, key) => {
				const value = Reflect.get(target, key);
				if (typeof value !== 'function') return value;
				return (...args: unknown[]) => {
					if (dead) throw new EngineError('crashed', 'DuckDB worker stopped');
					return value.apply(target, args);
				};
			}
		});
		await replay(log, crashing);
		expect(log.meta.get('stopped')).toEqual([2]);
		expect(log.meta.get('replaying')).toBeUndefined();

		await replay(log);
		expect(restoreState.problems.map((p) => [p.fileName, p.stopped])).toEqual([['big.csv', true]]);
		expect(restoreState.restored).toBe(1);
	});
});
