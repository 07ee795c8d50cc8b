import { describe, expect, it } from 'vitest';
import { boundDigits, choropleth, classify } from './classify';
import { NO_DATA_FILL } from './color';

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('classify', () => {
	it.each([
		{
			// h = 9·p; p = .2 → x[1.8] = 2 + .8 = 2.8; .4 → x[3.6] = 4.6; .6 → 6.4; .8 → 8.2
			name: 'quantiles of 1..10, k = 5',
			values: oneToTen,
			method: 'quantile' as const,
			k: 5,
			breaks: [2.8, 4.6, 6.4, 8.2],
			classOf: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
		},
		{
			name: 'equal intervals of [0, 100], k = 4',
			values: [0, 100],
			method: 'equal' as const,
			k: 4,
			breaks: [25, 50, 75],
			classOf: [0, 3]
		},
		{
			// a value on a threshold goes up; the maximum stays in the last class
			name: 'equal intervals, values on the thresholds',
			values: [0, 25, 50, 75, 100],
			method: 'equal' as const,
			k: 4,
			breaks: [25, 50, 75],
			classOf: [0, 1, 2, 3, 3]
		},
		{
			name: 'a missing value has no class',
			values: [10, null, 30],
			method: 'equal' as const,
			k: 2,
			breaks: [20],
			classOf: [0, null, 1]
		},
		{
			// h = 7·p: .25 → x[1.75] = 0; .5 → x[3.5] = 0; .75 → x[5.25] = 1 + .25 = 1.25.
			// The repeated 0 and the 0 at the minimum are dropped: two classes.
			name: 'quantiles with many zeros',
			values: [0, 0, 0, 0, 0, 1, 2, 3],
			method: 'quantile' as const,
			k: 4,
			breaks: [1.25],
			classOf: [0, 0, 0, 0, 0, 0, 1, 1]
		},
		{
			name: 'a single distinct value makes one class',
			values: [5, 5, 5],
			method: 'quantile' as const,
			k: 4,
			breaks: [],
			classOf: [0, 0, 0]
		},
		{
			name: 'nothing to classify',
			values: [null, undefined],
			method: 'equal' as const,
			k: 4,
			breaks: [],
			classOf: [null, null]
		}
	])('$name', ({ values, method, k, breaks, classOf }) => {
		const c = classify(values, method, k);
		expect(c.breaks.length).toBe(breaks.length);
		c.breaks.forEach((b, i) => expect(b).toBeCloseTo(breaks[i], 9));
		expect(c.classOf).toEqual(classOf);
		expect(c.k).toBe(values.some((v) => v !== null && v !== undefined) ? breaks.length + 1 : 0);
	});
});

describe('choropleth', () => {
	const result = choropleth([...oneToTen, null], 'quantile', 5);

	it('counts each class and the "sin datos" class', () => {
		expect(result.classes.map((c) => c.count)).toEqual([2, 2, 2, 2, 2]);
		expect(result.noData.count).toBe(1);
	});

	it('bounds run from the minimum, through the breaks, to the maximum', () => {
		const expected = [
			[1, 2.8],
			[2.8, 4.6],
			[4.6, 6.4],
			[6.4, 8.2],
			[8.2, 10]
		];
		result.classes.forEach((c, i) => {
			expect(c.from).toBeCloseTo(expected[i][0], 9);
			expect(c.to).toBeCloseTo(expected[i][1], 9);
		});
	});

	it.each([
		[[{ from: 1, to: 2.8 }], 1],
		[[{ from: 0, to: 25 }], 0],
		[[{ from: 88, to: 2436.2 }], 0],
		[[{ from: 0.25, to: 99.5 }], 1]
	])('legend bounds %j print with %d decimals', (classes, digits) => {
		expect(boundDigits(classes)).toBe(digits);
	});

	it('colours light to dark, and greys the missing value', () => {
		expect(result.fills[0].fill).toBe('#ffffcc');
		expect(result.fills[9].fill).toBe('#253494');
		expect(result.fills[9].textFill).toBe('#ffffff');
		expect(result.fills[10]).toEqual({ fill: NO_DATA_FILL, textFill: '#000000', classIndex: null });
	});
});
