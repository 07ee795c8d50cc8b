import { describe, expect, it } from 'vitest';
import {
	flowLegend,
	layoutLines,
	markerPath,
	movePoint,
	thinLabels,
	type SeriesInput
} from './line-chart';
import { CATEGORICAL } from './color';

// plot area: x from 50 to 450 (400 wide), y from 10 (top) to 210 (bottom)
const options = {
	width: 500,
	height: 240,
	margin: { top: 10, right: 50, bottom: 30, left: 50 },
	yDomain: [0, 100] as [number, number]
};

const input: SeriesInput[] = [
	{
		key: 'a',
		label: 'A',
		points: [
			{ x: '2023', value: 50 },
			{ x: '2024', value: null },
			{ x: '2025', value: 100 }
		]
	},
	{ key: 'b', label: 'B', points: [{ x: '2024', value: 0 }] }
];

describe('layoutLines', () => {
	const layout = layoutLines(input, options);

	it('spreads the sorted x values evenly, with a quarter step of padding at each end', () => {
		// scalePoint with padding 0.25 over 3 values: step = 400 / (2 + 0.5) = 160, first at 50 + 40
		expect(layout.xs.map((d) => d.value)).toEqual(['2023', '2024', '2025']);
		expect(layout.xs.map((d) => d.x)).toEqual([90, 250, 410]);
	});

	it('maps values linearly, 0 at the bottom', () => {
		const a = layout.series[0];
		expect(a.points.map((p) => [p.cx, p.cy])).toEqual([
			[90, 110],
			[410, 10]
		]);
		expect(layout.series[1].points).toEqual([
			{ x: '2024', value: 0, cx: 250, cy: 210, labelY: 210 }
		]);
	});

	it('breaks the line at a missing value', () => {
		// two separate moves, no segment from 2023 to 2025
		expect(layout.series[0].path).toBe('M90,110ZM410,10Z');
	});

	it('gives each series its own colour and marker shape', () => {
		expect(layout.series.map((s) => s.color)).toEqual([CATEGORICAL[0], CATEGORICAL[1]]);
		expect(layout.series[0].marker).toBe(markerPath(0));
		expect(layout.series[1].marker).not.toBe(layout.series[0].marker);
	});

	it('labels the ends of each line', () => {
		expect(layout.series[0].end).toMatchObject({ x: '2025', value: 100, labelY: 10 });
		expect(layout.series[0].start).toMatchObject({ x: '2023', value: 50, labelY: 110 });
		expect(layout.series[1].end).toMatchObject({ x: '2024', labelY: 210 });
	});

	it('dodges end labels that would overlap', () => {
		const close = layoutLines(
			[
				{ key: 'a', label: 'A', points: [{ x: '1', value: 50 }] },
				{ key: 'b', label: 'B', points: [{ x: '1', value: 52 }] }
			],
			{ ...options, labelGap: 16 }
		);
		// y(50) = 110, y(52) = 106: a block of two centred on 108 → 100 and 116
		expect(close.series.map((s) => s.end?.labelY)).toEqual([116, 100]);
		// the value labels of points at the same x are dodged the same way
		expect(close.series.map((s) => s.points[0].labelY)).toEqual([116, 100]);
	});

	it('ticks the y axis every 20 from 0 to 100', () => {
		expect(layout.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
		expect(layout.yTicks[1].y).toBe(170);
	});
});

describe('thinLabels', () => {
	it.each([
		// 12 months 30 apart, labels need 56: every second one
		[12, 30, 56, [true, false, true, false, true, false, true, false, true, false, true, false]],
		[4, 100, 56, [true, true, true, true]],
		[5, 10, 56, [true, false, false, false, false]]
	])('%d labels %d apart, %d needed', (count, step, min, expected) => {
		expect(thinLabels(count, step, min)).toEqual(expected);
	});
});

describe('movePoint', () => {
	// three series: 3 points at x 0/10/20, none, 2 points at x 10/20
	const pts = (...xs: number[]) => ({ points: xs.map((cx) => ({ x: '', value: 0, cx, cy: 0 })) });
	const series = [pts(0, 10, 20), pts(), pts(10, 20)];
	it.each([
		[[0, 0], 'ArrowRight', [0, 1]],
		[[0, 2], 'ArrowRight', [0, 2]],
		[[0, 1], 'ArrowLeft', [0, 0]],
		[[0, 1], 'End', [0, 2]],
		[[0, 2], 'Home', [0, 0]],
		// down skips the empty series and lands on the point at the same x (10 → index 0)
		[[0, 1], 'ArrowDown', [2, 0]],
		// x 0 has no twin: the nearest is x 10
		[[0, 0], 'ArrowDown', [2, 0]],
		[[2, 1], 'ArrowUp', [0, 2]],
		[[2, 1], 'ArrowDown', [2, 1]],
		[[0, 0], 'Enter', null]
	] as const)('from %j, %s → %j', (at, key, to) => {
		expect(movePoint(series, [at[0], at[1]], key)).toEqual(to);
	});
});

describe('flowLegend', () => {
	it('wraps to a new row when the next item would not fit', () => {
		// widths: 44 + 7 × chars → "ab" 58, "abcd" 72, "a" 51
		expect(flowLegend(['ab', 'abcd', 'a'], 140)).toEqual([
			{ x: 0, y: 0 },
			{ x: 58, y: 0 },
			{ x: 0, y: 20 }
		]);
	});
});
