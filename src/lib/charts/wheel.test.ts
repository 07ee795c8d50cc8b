import { describe, expect, it } from 'vitest';
import { layoutWheel, polar, valuePlace } from './wheel';
import { LEVEL_FILL } from './level-colors';
import { NO_DATA_FILL } from './color';

const size = { inner: 40, outer: 200, padAngle: 0 };
const { segments, rings } = layoutWheel(
	[
		{ domain: 1, score: 50, previous: 80 },
		{ domain: 2, score: 0 },
		{ domain: 3, score: 100, previous: null },
		{ domain: 4, score: null, previous: 30 },
		{ domain: 5, score: 95 }
		// domain 6 is missing from the input
	],
	size
);
const deg = (rad: number) => (rad * 180) / Math.PI;

describe('layoutWheel', () => {
	it('always draws six segments of 60° each, clockwise from twelve', () => {
		expect(segments.map((s) => s.domain)).toEqual([1, 2, 3, 4, 5, 6]);
		segments.forEach((s, i) => {
			expect(deg(s.startAngle)).toBeCloseTo(60 * i, 9);
			expect(deg(s.endAngle - s.startAngle)).toBeCloseTo(60, 9);
			expect(deg(s.midAngle)).toBeCloseTo(60 * i + 30, 9);
		});
	});

	it.each([
		// radius = 40 + 160 × score / 100
		[1, 120],
		[2, 40],
		[3, 200],
		[5, 192],
		// empty: the outline of the whole track
		[4, 200],
		[6, 200]
	])('domain %d reaches radius %d', (domain, radius) => {
		expect(segments[domain - 1].radius).toBeCloseTo(radius, 9);
	});

	it('marks empty scores, which have an outline only', () => {
		expect(segments.map((s) => s.empty)).toEqual([false, false, false, true, false, true]);
		expect(segments[3].fill).toBe(NO_DATA_FILL);
		expect(segments[5].path).toBe(segments[5].trackPath);
	});

	it('colours by level', () => {
		expect(segments[0].fill).toBe(LEVEL_FILL.en_desarrollo);
		expect(segments[4].fill).toBe(LEVEL_FILL.consolidado);
	});

	it('draws the previous round only where there is one', () => {
		expect(segments.map((s) => s.previousPath !== null)).toEqual([
			true,
			false,
			false,
			true,
			false,
			false
		]);
	});

	it('prints the score inside a long bar and just outside a short one', () => {
		// domain 1: 120 − 40 = 80 ≥ 40 → inside at 120 − 16 = 104, on the 30° line
		const [x, y] = polar(104, Math.PI / 6);
		expect(segments[0].value.x).toBeCloseTo(x, 9);
		expect(segments[0].value.y).toBeCloseTo(y, 9);
		expect(x).toBeCloseTo(52, 9);
		expect(y).toBeCloseTo(-90.07, 2);
		// domain 2: score 0 → outside at 40 + 14 = 54
		expect(Math.hypot(segments[1].value.x, segments[1].value.y)).toBeCloseTo(54, 9);
	});

	it('anchors the labels away from the wheel', () => {
		expect(segments.map((s) => s.label.anchor)).toEqual([
			'start',
			'start',
			'start',
			'end',
			'end',
			'end'
		]);
	});

	it('draws guide rings at 25, 50, 75 and 100', () => {
		expect(rings).toEqual([
			{ value: 25, r: 80 },
			{ value: 50, r: 120 },
			{ value: 75, r: 160 },
			{ value: 100, r: 200 }
		]);
	});
});

describe('valuePlace', () => {
	// inner 40, outer 200
	it.each([
		// long bar (172 − 40 ≥ 40), no previous: just inside the end
		[false, 172, null, { r: 156, inside: true }],
		// the previous outline at 152 is 4 from 156: the middle of the bar instead, (40 + 172) / 2
		[false, 172, 152, { r: 106, inside: true }],
		// short bar: just outside; the previous outline at 60 is 6 away, so 16 further out
		[false, 56, null, { r: 70, inside: false }],
		[false, 56, 64, { r: 86, inside: false }],
		// empty: the middle of the track, (40 + 200) / 2, or 22 further out
		[true, 200, null, { r: 120, inside: false }],
		[true, 200, 125, { r: 142, inside: false }]
	] as const)('empty %s, radius %d, previous at %s → %j', (empty, radius, previous, expected) => {
		expect(valuePlace(empty, radius, size, previous)).toEqual(expected);
	});
});
