import { describe, expect, it } from 'vitest';
import { fittedWidth } from './fit-width';

describe('fittedWidth', () => {
	it('keeps the natural width when nothing was measured or the frame is wider', () => {
		expect(fittedWidth(960, 0)).toBe(960);
		expect(fittedWidth(960, Number.NaN)).toBe(960);
		expect(fittedWidth(960, 1200)).toBe(960);
		expect(fittedWidth(960, 960)).toBe(960);
	});
	it('takes the width of a narrower frame, in whole pixels', () => {
		// a phone of 390 px: the page's 16 px margins and the frame's padding and border leave 324.5
		expect(fittedWidth(960, 324.5)).toBe(324);
	});
	it('never goes under the minimum, where a chart would no longer hold its axes', () => {
		expect(fittedWidth(960, 150)).toBe(280);
		expect(fittedWidth(960, 150, 200)).toBe(200);
	});
});
