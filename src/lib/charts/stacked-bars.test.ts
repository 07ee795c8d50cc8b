import { describe, expect, it } from 'vitest';
import { layoutStack, moveSegment } from './stacked-bars';
import { CATEGORICAL } from './color';

// No margins: the plot is 210 × 300. Band: paddingInner .2, paddingOuter .1 over 2 categories:
// step = 210 / (2 − .2 + 2 × .1) = 105, bar width = 105 × .8 = 84, first bar at (210 − 105 × 1.8) / 2 = 10.5
const options = { width: 210, height: 300, margin: { top: 0, right: 0, bottom: 0, left: 0 } };

describe('layoutStack', () => {
	const layout = layoutStack(
		[
			{ category: 'b', series: 'taller', value: 30 },
			{ category: 'a', series: 'taller', value: 10 },
			{ category: 'a', series: 'charla', value: 15 },
			{ category: 'a', series: 'charla', value: 5 }
		],
		options
	);
	const [a, b] = layout.columns;

	it('sorts the categories and keeps the series in the order they appear', () => {
		expect(layout.columns.map((c) => c.category)).toEqual(['a', 'b']);
		expect(layout.series).toEqual([
			{ key: 'taller', color: CATEGORICAL[0] },
			{ key: 'charla', color: CATEGORICAL[1] }
		]);
	});

	it('places the bars on a band scale', () => {
		expect([a.x, a.width, b.x]).toEqual([10.5, 84, 115.5]);
	});

	it('stacks bottom up, summing repeated rows, with totals', () => {
		// y runs 0..30 over 300 px: 10 per unit
		expect(a.total).toBe(30);
		const expected = [
			['taller', 10, 200, 100],
			['charla', 20, 0, 200]
		] as const;
		expect(a.segments).toHaveLength(2);
		a.segments.forEach((s, i) => {
			expect([s.series, s.value]).toEqual(expected[i].slice(0, 2));
			expect(s.y).toBeCloseTo(expected[i][2], 9);
			expect(s.height).toBeCloseTo(expected[i][3], 9);
		});
		expect(a.top).toBe(0);
	});

	it('leaves out empty segments', () => {
		expect(b.segments.map((s) => s.key)).toEqual(['b|taller']);
	});

	it('rounds the y axis up to a nice number', () => {
		expect(layout.yTicks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20, 25, 30]);
	});

	it('puts ticks on whole numbers only when the values are counts, even with none or a few', () => {
		const ticks = (values: number[]) =>
			layoutStack(
				values.map((value, i) => ({ category: `m${i}`, series: 'taller', value })),
				options
			).yTicks.map((t) => t.value);
		// no activity at all: the axis runs 0..1
		expect(ticks([])).toEqual([0, 1]);
		expect(ticks([0, 0])).toEqual([0, 1]);
		// 0..3: d3 would tick every 0.5
		expect(ticks([1, 3])).toEqual([0, 1, 2, 3]);
		// shares, not counts: the half-steps stay
		expect(ticks([0.5, 1.5])).toEqual([0, 0.5, 1, 1.5]);
	});
});

describe('moveSegment', () => {
	// column 0: series 0, 1, 2; column 1: empty; column 2: series 0 and 2
	const seg = (...series: number[]) => ({
		segments: series.map((seriesIndex) => ({ seriesIndex }))
	});
	const columns = [seg(0, 1, 2), seg(), seg(0, 2)] as unknown as Parameters<typeof moveSegment>[0];
	it.each([
		[[0, 0], 'ArrowUp', [0, 1]],
		[[0, 2], 'ArrowUp', [0, 2]],
		[[0, 1], 'ArrowDown', [0, 0]],
		// right skips the empty bar; series 2 sits at index 1 there
		[[0, 2], 'ArrowRight', [2, 1]],
		// series 1 is missing on the right: the nearest series is 0 (the first of a tie)
		[[0, 1], 'ArrowRight', [2, 0]],
		[[2, 1], 'ArrowLeft', [0, 2]],
		[[2, 0], 'ArrowRight', [2, 0]],
		[[2, 1], 'Home', [0, 2]],
		[[0, 0], 'End', [2, 0]],
		[[0, 0], 'Enter', null]
	] as const)('from %j, %s → %j', (at, key, to) => {
		expect(moveSegment(columns, [at[0], at[1]], key)).toEqual(to);
	});
});
