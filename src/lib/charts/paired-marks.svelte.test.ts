import { describe, expect, it, vi } from 'vitest';
import { PairedMarks, pairKey, parsePair } from './paired-marks.svelte';

const key = (k: string) => ({ key: k, preventDefault: vi.fn() }) as unknown as KeyboardEvent;

function setup(select?: (i: number, j: number) => void) {
	const groups = [['a0', 'a1'], ['b0']];
	return new PairedMarks({
		groups: () => groups,
		move: ([i, j], k) =>
			k === 'ArrowDown' ? [Math.min(i + 1, 1), 0] : k === 'ArrowRight' ? [i, j + 1] : null,
		tip: (i, j, mark) => ({ x: i, y: j, title: mark }),
		select: () => select
	});
}

describe('pairKey / parsePair', () => {
	it.each([
		[0, 0, '0|0'],
		[3, 12, '3|12']
	])('(%i, %i) is %s and back', (i, j, k) => {
		expect(pairKey(i, j)).toBe(k);
		expect(parsePair(k)).toEqual([i, j]);
	});
});

describe('PairedMarks', () => {
	it('keys every mark, group by group', () => {
		expect(setup().keys).toEqual(['0|0', '0|1', '1|0']);
	});

	it('shows the tooltip of the mark a key names', () => {
		const marks = setup();
		marks.interaction.show('0|1');
		expect(marks.interaction.tip).toEqual({ x: 0, y: 1, title: 'a1' });
	});

	it('hands the pair of the selected mark to select', () => {
		const select = vi.fn();
		setup(select).interaction.keydown('1|0', key('Enter'));
		expect(select).toHaveBeenCalledWith(1, 0);
	});

	it('finds the ring’s mark, and none without a ring', () => {
		const marks = setup();
		expect(marks.ring).toBeNull();
		marks.interaction.ring = '1|0';
		expect(marks.ring).toBe('b0');
	});
});
