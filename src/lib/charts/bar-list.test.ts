import { describe, expect, it } from 'vitest';
import { layoutBarList, type BarListSize } from './bar-list';

// bar area: 600 − 100 (labels) − 50 (value room) − 200 (completeness) = 250 wide, from x = 100
const size: BarListSize = {
	width: 600,
	labelWidth: 100,
	valueWidth: 50,
	completenessWidth: 200,
	rowHeight: 30,
	barHeight: 16,
	top: 20
};

describe('layoutBarList', () => {
	const layout = layoutBarList(
		[
			{ key: 'a', label: 'A', value: 50, completeness: 80 },
			{ key: 'b', label: 'B', value: 100, completeness: null },
			{ key: 'c', label: 'C', value: null, completeness: 100 }
		],
		size,
		100
	);

	it('scales the bars from 0 to max across the bar area', () => {
		expect([layout.x0, layout.x1]).toEqual([100, 350]);
		expect(layout.bars.map((b) => b.barWidth)).toEqual([125, 250, 0]);
		expect(layout.bars.map((b) => b.valueX)).toEqual([231, 356, 106]);
	});

	it('stacks the rows under the headings, bars centred in their row', () => {
		// 20 + i × 30 + (30 − 16) / 2
		expect(layout.bars.map((b) => b.y)).toEqual([27, 57, 87]);
		expect(layout.height).toBe(110);
	});

	it('draws completeness as its own 0–100 mini bar', () => {
		// the column starts after the value room: 350 + 50; a full bar is 45 % of 200 = 90
		expect(layout.completenessX).toBe(400);
		expect(layout.completenessLength).toBe(90);
		expect(layout.bars.map((b) => b.completenessBar)).toEqual([72, null, 90]);
	});

	it.each([
		// no max: the largest value rounded up to d3's nice step for ~10 ticks.
		// 43 / 10 = 4.3 → step 5 → 45; 1234 / 10 = 123 → step 100 → 1300
		[[7, 43], 45],
		[[0.3, 0.8], 0.8],
		[[12, 1234], 1300],
		[[null, 0], 1]
	])('values %j give an axis to %d', (values, expected) => {
		const l = layoutBarList(
			values.map((value, i) => ({ key: String(i), label: '', value })),
			size
		);
		expect(l.max).toBe(expected);
		expect(l.showCompleteness).toBe(false);
		// without completeness, the bars take its room: 600 − 100 − 50 = 450
		expect(l.x1).toBe(550);
	});
});
