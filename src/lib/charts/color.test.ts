import { describe, expect, it } from 'vitest';
import { CATEGORICAL, contrast, ensureContrast, luminance, sequential, textOn } from './color';

describe('luminance and contrast (WCAG 2.1)', () => {
	it.each([
		['#ffffff', 1],
		['#000000', 0],
		['#fff', 1]
	])('luminance(%s) = %d', (hex, expected) => {
		expect(luminance(hex)).toBeCloseTo(expected, 6);
	});

	it.each([
		// (1 + 0.05) / (0 + 0.05) = 21
		['#ffffff', '#000000', 21],
		['#000000', '#ffffff', 21],
		['#808080', '#808080', 1],
		// #777777: c = 0.4667 → ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845 → 1.05 / 0.2345 = 4.48
		['#777777', '#ffffff', 4.48]
	])('contrast(%s, %s) = %d', (a, b, expected) => {
		expect(contrast(a, b)).toBeCloseTo(expected, 2);
	});
});

describe('textOn', () => {
	it.each([
		['#ffffcc', '#000000'],
		['#41b6c4', '#000000'],
		['#253494', '#ffffff'],
		['#0c2c84', '#ffffff']
	])('on %s writes %s', (fill, ink) => {
		expect(textOn(fill)).toBe(ink);
	});
});

describe('ensureContrast', () => {
	it('leaves a colour that already passes alone', () => {
		expect(ensureContrast('#4E79A7')).toBe('#4e79a7');
	});
	it('darkens a light colour until it reaches 3:1 against white', () => {
		const out = ensureContrast('#edc949');
		expect(out).not.toBe('#edc949');
		expect(contrast(out, '#ffffff')).toBeGreaterThanOrEqual(3);
	});
});

describe('palettes', () => {
	it('keeps every series colour at 3:1 or more against white', () => {
		expect(CATEGORICAL).toHaveLength(10);
		for (const c of CATEGORICAL) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(3);
	});

	it.each([
		[5, 'YlGnBu', ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494']],
		[2, 'YlGnBu', ['#edf8b1', '#2c7fb8']],
		[1, 'YlGnBu', ['#7fcdbb']],
		[3, 'Blues', ['#deebf7', '#9ecae1', '#3182bd']],
		[3, 'viridis', ['#fde725', '#21918c', '#440154']],
		[0, 'YlGnBu', []]
	] as const)('sequential(%d, %s) runs light to dark', (k, name, expected) => {
		expect(sequential(k, name)).toEqual(expected);
	});
});
