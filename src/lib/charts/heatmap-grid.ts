import type { HeatmapCell, HeatmapLayout } from './heatmap';
import type { GridPos } from './nav';
import { wrapWords } from './text';

/**
 * The heatmap as an ARIA grid: every focusable thing (a cell, a row's
 * district name, a column's heading) has a key and a grid position, the
 * headers at row or column -1. Pure, so the keyboard model is testable.
 */

export const cellKey = (rowKey: string, column: number) => `${rowKey}:${column}`;
export const rowKeyOf = (rowKey: string) => `row:${rowKey}`;
export const colKeyOf = (column: number) => `col:${column}`;

/** The key at a grid position. */
export function keyAt(layout: HeatmapLayout, p: GridPos): string {
	if (p.row === -1) return colKeyOf(layout.columns[p.col].key);
	if (p.col === -1) return rowKeyOf(layout.rows[p.row].key);
	return cellKey(layout.rows[p.row].key, layout.columns[p.col].key);
}

export interface GridIndex {
	/** Grid position of every focusable key; data cells first, so the first cell holds the tab stop. */
	positions: ReadonlyMap<string, GridPos>;
	/** Cells by key. */
	cells: ReadonlyMap<string, HeatmapCell>;
	/** Cells of each row in column order, for the row groups of the grid. */
	rowCells: ReadonlyMap<string, HeatmapCell[]>;
}

export function indexGrid(layout: HeatmapLayout): GridIndex {
	return {
		positions: new Map<string, GridPos>([
			...layout.rows.flatMap((r, row) =>
				layout.columns.map((c, col) => [cellKey(r.key, c.key), { row, col }] as const)
			),
			...layout.rows.map((r, row) => [rowKeyOf(r.key), { row, col: -1 }] as const),
			...layout.columns.map((c, col) => [colKeyOf(c.key), { row: -1, col }] as const)
		]),
		cells: new Map(layout.cells.map((c) => [cellKey(c.rowKey, c.column), c])),
		rowCells: new Map(
			layout.rows.map((r) => [
				r.key,
				layout.cells.filter((c) => c.rowKey === r.key).sort((a, b) => a.column - b.column)
			])
		)
	};
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The box of a focusable key, for the tooltip anchor and the focus ring. */
export function boxOf(
	layout: HeatmapLayout,
	index: GridIndex,
	key: string,
	labelWidth: number,
	headerHeight: number
): Box | null {
	const p = index.positions.get(key);
	if (!p) return null;
	if (p.row === -1) {
		const c = layout.columns[p.col];
		return { x: c.x, y: 2, width: c.width, height: headerHeight - 6 };
	}
	if (p.col === -1) {
		const r = layout.rows[p.row];
		return {
			x: 4,
			y: r.y - layout.rowHeight / 2 - 1,
			width: labelWidth - 8,
			height: layout.rowHeight + 2
		};
	}
	const c = index.cells.get(key);
	return c ? { x: c.x, y: c.y, width: c.width, height: c.height } : null;
}

/** Column headings wrapped to the column (about 6.6 units per character of 12px bold). */
export function wrapHeadings(
	columns: readonly number[],
	columnLabel: (column: number) => string,
	columnWidth: number
): ReadonlyMap<number, string[]> {
	return new Map(
		[...new Set(columns)].map((column) => [
			column,
			columnLabel(column)
				.split('\n')
				.flatMap((line) => wrapWords(line, Math.floor((columnWidth * 0.94) / 6.6)))
		])
	);
}
