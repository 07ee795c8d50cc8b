import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartInteraction } from './interaction.svelte';

function setup(select?: (key: string) => void) {
	let keys = $state(['a', 'b', 'c']);
	const ix = new ChartInteraction({
		keys: () => keys,
		navigate: (from, e) => {
			const i = keys.indexOf(from);
			if (e.key === 'ArrowRight') return keys[Math.min(i + 1, keys.length - 1)];
			if (e.key === 'ArrowLeft') return keys[Math.max(i - 1, 0)];
			return null;
		},
		tip: (key) => ({ x: 0, y: 0, title: key.toUpperCase() }),
		select: () => select
	});
	return { ix, setKeys: (k: string[]) => (keys = k) };
}

const key = (k: string) => ({ key: k, preventDefault: vi.fn() }) as unknown as KeyboardEvent;

afterEach(() => {
	vi.useRealTimers();
});

describe('ChartInteraction', () => {
	it('keeps one tab stop: the first mark, then the last one focused', () => {
		const { ix, setKeys } = setup();
		expect(['a', 'b', 'c'].map((k) => ix.mark(k).tabindex)).toEqual([0, -1, -1]);
		ix.active = 'b';
		expect(['a', 'b', 'c'].map((k) => ix.mark(k).tabindex)).toEqual([-1, 0, -1]);
		// the active mark disappears from the data: the stop falls back to the first
		setKeys(['a', 'c']);
		expect(ix.tabStop).toBe('a');
	});

	it('moves with the arrows and claims those keys', () => {
		const { ix } = setup();
		const right = key('ArrowRight');
		ix.keydown('a', right);
		expect(ix.active).toBe('b');
		expect(right.preventDefault).toHaveBeenCalled();
		const letter = key('x');
		ix.keydown('b', letter);
		expect(letter.preventDefault).not.toHaveBeenCalled();
	});

	it('selects on Enter and Space only when the chart selects', () => {
		const chosen: string[] = [];
		const { ix } = setup((k) => chosen.push(k));
		ix.keydown('b', key('Enter'));
		ix.keydown('c', key(' '));
		ix.mark('a').onclick();
		expect(chosen).toEqual(['b', 'c', 'a']);
		const { ix: passive } = setup();
		const enter = key('Enter');
		passive.keydown('a', enter);
		expect(enter.preventDefault).not.toHaveBeenCalled();
	});

	it('shows the same tooltip on hover as on focus, and Escape hides it', () => {
		const { ix } = setup();
		ix.mark('b').onpointerenter();
		expect(ix.tip?.title).toBe('B');
		ix.keydown('b', key('Escape'));
		expect(ix.tip).toBeNull();
		ix.mark('c').onfocus({ currentTarget: { matches: () => true } } as unknown as FocusEvent);
		expect(ix.tip?.title).toBe('C');
		expect(ix.ring).toBe('c');
		ix.mark('c').onblur();
		expect(ix.tip).toBeNull();
		expect(ix.ring).toBeNull();
	});

	it('hides a hover tooltip after a moment, unless the pointer reaches it', () => {
		vi.useFakeTimers();
		const { ix } = setup();
		ix.show('a');
		ix.hideSoon();
		ix.keep();
		vi.advanceTimersByTime(500);
		expect(ix.tip?.title).toBe('A');
		ix.hideSoon();
		vi.advanceTimersByTime(500);
		expect(ix.tip).toBeNull();
	});
});
