import { describe, expect, it } from 'vitest';
import { layoutHeatmap, type HeatmapInput } from './heatmap';
import { EMPTY_FILL, LEVEL_FILL } from './level-colors';

const size = { labelWidth: 100, columnWidth: 50, rowHeight: 20, headerHeight: 30 };

function cell(rowKey: string, column: number, score: number | null): HeatmapInput {
	const level =
		score === null ? null : score < 40 ? 'inicial' : score < 70 ? 'en_desarrollo' : 'avanzado';
	return { rowKey, rowLabel: rowKey.toUpperCase(), column, score, level };
}

describe('layoutHeatmap', () => {
	const input = [cell('b', 2, 80), cell('b', 1, null), cell('a', 1, 10), cell('a', 2, 50)];
	const layout = layoutHeatmap(input, size);

	it('keeps the rows in the order given and sorts the columns', () => {
		expect(layout.rows.map((r) => r.key)).toEqual(['b', 'a']);
		expect(layout.columns.map((c) => c.key)).toEqual([1, 2]);
	});

	it('sizes the grid from the label column, the header and the counts', () => {
		// 100 + 2 columns × 50 = 200 wide; 30 + 2 rows × 20 = 70 high
		expect(layout.width).toBe(200);
		expect(layout.height).toBe(70);
	});

	it('puts the first row under the header and the first column after the labels', () => {
		const first = layout.cells.find((c) => c.rowKey === 'b' && c.column === 1)!;
		expect(first.x).toBeCloseTo(100);
		expect(first.y).toBeCloseTo(30);
		const second = layout.cells.find((c) => c.rowKey === 'a' && c.column === 2)!;
		expect(second.x).toBeGreaterThan(first.x + first.width - 1e-9);
		expect(second.y).toBeGreaterThan(first.y + first.height - 1e-9);
	});

	it('colours by level and greys out a missing score', () => {
		const byKey = (r: string, c: number) =>
			layout.cells.find((d) => d.rowKey === r && d.column === c)!;
		expect(byKey('a', 1).fill).toBe(LEVEL_FILL.inicial);
		expect(byKey('a', 2).fill).toBe(LEVEL_FILL.en_desarrollo);
		expect(byKey('b', 2).fill).toBe(LEVEL_FILL.avanzado);
		expect(byKey('b', 1).fill).toBe(EMPTY_FILL);
	});
});
