import { describe, expect, it } from 'vitest';
import { shorten } from './text';

describe('shorten', () => {
	it('keeps a text that fits', () => {
		expect(shorten('abc', 3)).toBe('abc');
	});
	it('cuts a longer one to max characters, the last an ellipsis', () => {
		expect(shorten('abcdef', 4)).toBe('abc…');
		expect(shorten('abcdef', 4)).toHaveLength(4);
	});
});
