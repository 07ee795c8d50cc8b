import { scaleBand } from 'd3-scale';
import type { Level } from '../metrics/levels';
import { EMPTY_FILL, EMPTY_TEXT, LEVEL_FILL, LEVEL_TEXT } from './level-colors';

export interface HeatmapInput {
	rowKey: string;
	rowLabel: string;
	column: number;
	score: number | null;
	level: Level | null;
}

export interface HeatmapCell extends HeatmapInput {
	x: number;
	y: number;
	width: number;
	height: number;
	fill: string;
	textFill: string;
}

export interface HeatmapLayout {
	cells: HeatmapCell[];
	rows: { key: string; label: string; y: number }[];
	columns: { key: number; x: number; width: number }[];
	width: number;
	height: number;
	rowHeight: number;
}

export interface HeatmapSize {
	labelWidth: number;
	columnWidth: number;
	rowHeight: number;
	headerHeight: number;
}

/**
 * Place cells on a grid: rows keep the order they arrive in (the caller
 * chooses the sort; the default is by name, so no league table), columns are
 * the domains in numeric order.
 */
export function layoutHeatmap(input: HeatmapInput[], size: HeatmapSize): HeatmapLayout {
	const rowKeys: string[] = [];
	const labels = new Map<string, string>();
	for (const d of input) {
		if (!labels.has(d.rowKey)) {
			rowKeys.push(d.rowKey);
			labels.set(d.rowKey, d.rowLabel);
		}
	}
	const columnKeys = [...new Set(input.map((d) => d.column))].sort((a, b) => a - b);
	const width = size.labelWidth + columnKeys.length * size.columnWidth;
	const height = size.headerHeight + rowKeys.length * size.rowHeight;
	const x = scaleBand<number>()
		.domain(columnKeys)
		.range([size.labelWidth, width])
		.paddingInner(0.06);
	const y = scaleBand<string>()
		.domain(rowKeys)
		.range([size.headerHeight, height])
		.paddingInner(0.12);
	const cells = input.map((d) => ({
		...d,
		x: x(d.column) ?? 0,
		y: y(d.rowKey) ?? 0,
		width: x.bandwidth(),
		height: y.bandwidth(),
		fill: d.level ? LEVEL_FILL[d.level] : EMPTY_FILL,
		textFill: d.level ? LEVEL_TEXT[d.level] : EMPTY_TEXT
	}));
	return {
		cells,
		rows: rowKeys.map((key) => ({
			key,
			label: labels.get(key) ?? key,
			y: (y(key) ?? 0) + y.bandwidth() / 2
		})),
		columns: columnKeys.map((key) => ({ key, x: x(key) ?? 0, width: x.bandwidth() })),
		width,
		height,
		rowHeight: y.bandwidth()
	};
}
