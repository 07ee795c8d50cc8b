import { describe, expect, it } from 'vitest';
import {
	gridMove,
	listMove,
	listNavigate,
	spatialMove,
	type GridBounds,
	type ListStep
} from './nav';

// 5 rows × 6 columns with both header lines focusable, as in the heatmap.
const grid: GridBounds = { rows: 5, cols: 6, headerRow: true, headerCol: true, page: 3 };
const plain: GridBounds = { rows: 5, cols: 6, headerRow: false, headerCol: false, page: 3 };

describe('gridMove', () => {
	it.each([
		// [from, key, ctrl, bounds, to]
		[[2, 2], 'ArrowRight', false, grid, [2, 3]],
		[[2, 5], 'ArrowRight', false, grid, [2, 5]],
		[[2, 0], 'ArrowLeft', false, grid, [2, -1]],
		[[2, 0], 'ArrowLeft', false, plain, [2, 0]],
		[[0, 3], 'ArrowUp', false, grid, [-1, 3]],
		[[0, 3], 'ArrowUp', false, plain, [0, 3]],
		[[4, 3], 'ArrowDown', false, grid, [4, 3]],
		// the corner is not a cell: the focus stays
		[[-1, 0], 'ArrowLeft', false, grid, [-1, 0]],
		[[0, -1], 'ArrowUp', false, grid, [0, -1]],
		[[3, 4], 'Home', false, grid, [3, -1]],
		[[-1, 4], 'Home', false, grid, [-1, 0]],
		[[3, 1], 'End', false, grid, [3, 5]],
		[[3, 4], 'Home', true, grid, [0, 0]],
		[[0, 0], 'End', true, grid, [4, 5]],
		[[1, 2], 'PageDown', false, grid, [4, 2]],
		[[4, 2], 'PageUp', false, grid, [1, 2]],
		[[2, 2], 'PageUp', false, grid, [0, 2]],
		[[-1, 2], 'PageUp', false, grid, [-1, 2]],
		[[-1, 2], 'PageDown', false, grid, [2, 2]]
	] as const)('from %j, %s (ctrl %s) → %j', (from, key, ctrl, bounds, to) => {
		expect(gridMove({ row: from[0], col: from[1] }, key, ctrl, bounds)).toEqual({
			row: to[0],
			col: to[1]
		});
	});

	it('ignores keys that are not navigation', () => {
		expect(gridMove({ row: 0, col: 0 }, 'a', false, grid)).toBeNull();
		expect(gridMove({ row: 0, col: 0 }, 'Enter', false, grid)).toBeNull();
	});
});

describe('listMove', () => {
	// three lists of 3, 0 and 2 marks
	const lengths = [3, 0, 2];
	it.each([
		[[0, 0], 'nextItem', [0, 1]],
		[[0, 2], 'nextItem', [0, 2]],
		[[0, 0], 'prevItem', [0, 0]],
		// the empty list is skipped, and the item is clamped to the shorter list
		[[0, 2], 'nextList', [2, 1]],
		[[2, 1], 'prevList', [0, 1]],
		[[2, 0], 'nextList', [2, 0]],
		[[0, 0], 'prevList', [0, 0]],
		[[2, 1], 'first', [0, 0]],
		[[0, 0], 'last', [2, 1]]
	] as [number[], ListStep, number[]][])('from %j, %s → %j', (from, step, to) => {
		expect(listMove({ list: from[0], item: from[1] }, step, lengths)).toEqual({
			list: to[0],
			item: to[1]
		});
	});

	it.each([
		[5, 'nextItem', 0],
		[0, 'prevItem', 5],
		[2, 'nextItem', 3]
	] as [number, ListStep, number][])(
		'wraps around one list of 6: %d, %s → %d',
		(from, step, to) => {
			expect(listMove({ list: 0, item: from }, step, [6], true)).toEqual({ list: 0, item: to });
		}
	);
});

describe('spatialMove', () => {
	// a tile grid with 10-unit cells and a hole at (1, 1):
	//   a b c
	//   d . e
	//   f g h
	const at = (key: string, col: number, row: number) => ({ key, x: col * 10, y: row * 10 });
	const points = [
		at('a', 0, 0),
		at('b', 1, 0),
		at('c', 2, 0),
		at('d', 0, 1),
		at('e', 2, 1),
		at('f', 0, 2),
		at('g', 1, 2),
		at('h', 2, 2)
	];
	it.each([
		['a', 'right', 'b'],
		['a', 'down', 'd'],
		['a', 'left', 'a'],
		['a', 'up', 'a'],
		// across the hole, the same row beats the diagonal: 20 + 0 < 10 + 2·10
		['d', 'right', 'e'],
		['b', 'down', 'g'],
		['g', 'up', 'b'],
		['h', 'left', 'g']
	] as const)('from %s, %s → %s', (from, dir, to) => {
		expect(spatialMove(points, from, dir)).toBe(to);
	});
});

describe('listNavigate', () => {
	const keys = ['a', 'b', 'c'];
	it.each([
		['a', 'ArrowDown', false, 'b'],
		['a', 'ArrowRight', false, 'b'],
		['b', 'ArrowUp', false, 'a'],
		['c', 'ArrowRight', false, 'c'],
		['c', 'ArrowRight', true, 'a'],
		['a', 'ArrowLeft', true, 'c'],
		['b', 'Home', false, 'a'],
		['a', 'End', false, 'c'],
		['a', 'Enter', false, null]
	])('from %s, %s (wrap %s) goes to %s', (from, key, wrap, to) => {
		expect(listNavigate(keys, from, key, wrap)).toBe(to);
	});
});
