import { describe, expect, it } from 'vitest';
import { dodge } from './dodge';

describe('dodge', () => {
	it.each([
		{ name: 'far apart: unchanged', wanted: [0, 20, 40], gap: 10, bounds: [], out: [0, 20, 40] },
		// 10 and 12 collide: a block of two centred on 11 → 6, 16; 30 is clear of 16 + 10
		{ name: 'two collide', wanted: [10, 12, 30], gap: 10, bounds: [], out: [6, 16, 30] },
		{ name: 'three on one spot', wanted: [50, 50, 50], gap: 10, bounds: [], out: [40, 50, 60] },
		// 0, 8 → block at 4 → -1, 9; then 16 collides with 9 → block of three at 8 → -2, 8, 18
		{ name: 'a cascade', wanted: [0, 8, 16], gap: 10, bounds: [], out: [-2, 8, 18] },
		{ name: 'pushed in at the top', wanted: [0, 0], gap: 10, bounds: [0, 100], out: [0, 10] },
		// input order is kept: the second label wants the smaller position
		{
			name: 'pushed in at the bottom',
			wanted: [100, 95],
			gap: 10,
			bounds: [0, 100],
			out: [100, 90]
		}
	])('$name', ({ wanted, gap, bounds, out }) => {
		const result = dodge(wanted, gap, ...(bounds as [number?, number?]));
		expect(result).toHaveLength(out.length);
		result.forEach((v, i) => expect(v).toBeCloseTo(out[i], 9));
	});
});
