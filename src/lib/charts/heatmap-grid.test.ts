import { describe, expect, it } from 'vitest';
import { layoutHeatmap, type HeatmapInput } from './heatmap';
import { boxOf, cellKey, colKeyOf, indexGrid, keyAt, rowKeyOf, wrapHeadings } from './heatmap-grid';

const size = { labelWidth: 100, columnWidth: 50, rowHeight: 20, headerHeight: 30 };
const cell = (rowKey: string, column: number): HeatmapInput => ({
	rowKey,
	rowLabel: rowKey.toUpperCase(),
	column,
	score: 50,
	level: 'en_desarrollo'
});
const layout = layoutHeatmap([cell('b', 2), cell('b', 1), cell('a', 1), cell('a', 2)], size);
const index = indexGrid(layout);

describe('indexGrid', () => {
	it('lists the data cells first, so the first cell holds the tab stop', () => {
		expect([...index.positions.keys()]).toEqual([
			cellKey('b', 1),
			cellKey('b', 2),
			cellKey('a', 1),
			cellKey('a', 2),
			rowKeyOf('b'),
			rowKeyOf('a'),
			colKeyOf(1),
			colKeyOf(2)
		]);
	});

	it('puts row headers at column -1 and column headers at row -1', () => {
		expect(index.positions.get(rowKeyOf('a'))).toEqual({ row: 1, col: -1 });
		expect(index.positions.get(colKeyOf(2))).toEqual({ row: -1, col: 1 });
	});

	it('keeps each row’s cells in column order', () => {
		expect(index.rowCells.get('b')!.map((c) => c.column)).toEqual([1, 2]);
	});
});

describe('keyAt', () => {
	it.each([
		[{ row: 0, col: 0 }, cellKey('b', 1)],
		[{ row: 1, col: -1 }, rowKeyOf('a')],
		[{ row: -1, col: 1 }, colKeyOf(2)]
	])('%o is %s', (pos, key) => expect(keyAt(layout, pos)).toBe(key));
});

describe('boxOf', () => {
	it('gives a cell its own box', () => {
		const c = index.cells.get(cellKey('a', 2))!;
		expect(boxOf(layout, index, cellKey('a', 2), 100, 30)).toEqual({
			x: c.x,
			y: c.y,
			width: c.width,
			height: c.height
		});
	});

	it('gives a row header the label column, a column header the header band', () => {
		expect(boxOf(layout, index, rowKeyOf('b'), 100, 30)).toMatchObject({ x: 4, width: 92 });
		expect(boxOf(layout, index, colKeyOf(1), 100, 30)).toMatchObject({ y: 2, height: 24 });
	});

	it('knows no box for an unknown key', () => {
		expect(boxOf(layout, index, 'nope', 100, 30)).toBeNull();
	});
});

describe('wrapHeadings', () => {
	it('breaks at \\n and wraps long lines to the column, once per column', () => {
		const headings = wrapHeadings([1, 1, 2], (c) => (c === 1 ? '1.\nDerechos' : 'x'), 124);
		expect([...headings.keys()]).toEqual([1, 2]);
		expect(headings.get(1)).toEqual(['1.', 'Derechos']);
	});
});
