import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { createTablesSql } from '$lib/data/tables';
import { EXAMPLES, quickChart, RecentQueries, splitStatements, type SmallStore } from './console';

describe('splitStatements', () => {
	it('splits on semicolons outside strings, identifiers and comments', () => {
		expect(
			splitStatements(`-- a comment; not a split
SELECT 'a;b' AS "x;y"; /* ; */ SELECT 2 ;
-- only a comment;
;  `)
		).toEqual([`-- a comment; not a split\nSELECT 'a;b' AS "x;y"`, '/* ; */ SELECT 2']);
		expect(splitStatements("SELECT 'it''s; fine'")).toEqual(["SELECT 'it''s; fine'"]);
		expect(splitStatements('')).toEqual([]);
		expect(splitStatements('-- nada')).toEqual([]);
		expect(splitStatements("SELECT 'unclosed;")).toEqual(["SELECT 'unclosed;"]);
	});
});

describe('quickChart', () => {
	it('draws bars of the first number by the first text column', () => {
		const chart = quickChart({
			names: ['tipo', 'actividades', 'participantes'],
			columns: [
				['campana', 'otro', null],
				[5, 3, 1],
				[100, 20, 7]
			],
			length: 3
		});
		expect(chart).toEqual({
			kind: 'bar',
			x: 'tipo',
			y: 'actividades',
			rows: [
				{ key: '0', label: 'campana', value: 5 },
				{ key: '1', label: 'otro', value: 3 },
				{ key: '2', label: '', value: 1 }
			]
		});
	});

	it('draws lines when the categories are months, dates, rounds or years', () => {
		const months = quickChart({
			names: ['mes', 'n', 'p'],
			columns: [
				['2024-02', '2024-01'],
				[2, 1],
				[20, null]
			],
			length: 2
		});
		expect(months).toMatchObject({
			kind: 'line',
			x: 'mes',
			ys: ['n', 'p'],
			xs: ['2024-01', '2024-02']
		});
		if (months?.kind !== 'line') throw new Error('line');
		expect(months.series[1].points).toEqual([
			{ x: '2024-02', value: 20 },
			{ x: '2024-01', value: null }
		]);
		// a numeric year column in first place is the x axis
		const years = quickChart({
			names: ['anio', 'total'],
			columns: [
				[2023, 2024],
				[5, 6]
			],
			length: 2
		});
		expect(years).toMatchObject({ kind: 'line', x: 'anio', ys: ['total'], xs: ['2023', '2024'] });
		expect(
			quickChart({
				names: ['ronda', 'v'],
				columns: [
					['2024-S1', '2024-S2'],
					[1, 2]
				],
				length: 2
			})?.kind
		).toBe('line');
	});

	it('draws nothing without a number, without a category or without rows', () => {
		expect(quickChart({ names: ['a'], columns: [['x']], length: 1 })).toBeNull();
		expect(quickChart({ names: ['n'], columns: [[1]], length: 1 })).toBeNull();
		expect(quickChart({ names: ['a', 'n'], columns: [[], []], length: 0 })).toBeNull();
		expect(quickChart({ names: ['a', 'n'], columns: [['x'], [null]], length: 1 })).toBeNull();
	});
});

describe('RecentQueries', () => {
	class Memory implements SmallStore {
		data = new Map<string, string>();
		getItem(k: string) {
			return this.data.get(k) ?? null;
		}
		setItem(k: string, v: string) {
			this.data.set(k, v);
		}
	}

	it('keeps the newest first, without repeats, up to the maximum, across instances', () => {
		const store = new Memory();
		const recent = new RecentQueries(store, 3);
		recent.add('SELECT 1');
		recent.add('SELECT 2');
		recent.add('  SELECT 1  ');
		recent.add('   ');
		recent.add('SELECT 3');
		recent.add('SELECT 4');
		expect(recent.items).toEqual(['SELECT 4', 'SELECT 3', 'SELECT 1']);
		expect(new RecentQueries(store, 3).items).toEqual(['SELECT 4', 'SELECT 3', 'SELECT 1']);
		expect(recent.clear()).toEqual([]);
		expect(new RecentQueries(store).items).toEqual([]);
	});

	it('survives a broken or refusing store', () => {
		const broken = new Memory();
		broken.setItem(RecentQueries.KEY, '{not json');
		expect(new RecentQueries(broken).items).toEqual([]);
		const refusing: SmallStore = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('quota', 'QuotaExceededError');
			}
		};
		const recent = new RecentQueries(refusing);
		expect(recent.add('SELECT 1')).toEqual(['SELECT 1']);
	});
});

describe('the example queries', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await engine.exec(createTablesSql());
	});
	afterAll(async () => {
		await engine?.close();
	});

	for (const example of EXAMPLES) {
		it(`"${example.id}" runs on the contract's tables and is commented in Spanish`, async () => {
			expect(example.sql.startsWith('-- ')).toBe(true);
			expect(splitStatements(example.sql)).toHaveLength(1);
			await expect(engine.query(example.sql)).resolves.toBeInstanceOf(Array);
		});
	}
});
