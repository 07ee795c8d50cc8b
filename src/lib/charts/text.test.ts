import { describe, expect, it } from 'vitest';
import { charsIn, truncate, wrapWords } from './text';

describe('wrapWords', () => {
	it.each([
		['uno dos tres', 7, ['uno dos', 'tres']],
		['uno dos tres', 100, ['uno dos tres']],
		['supercalifragilístico a', 5, ['supercalifragilístico', 'a']],
		['', 10, []]
	] as const)('%j at %d', (text, max, expected) => {
		expect(wrapWords(text, max)).toEqual(expected);
	});
});

describe('truncate', () => {
	it.each([
		['Lima', 10, 'Lima'],
		['Lima', 4, 'Lima'],
		['San Juan de Lurigancho', 10, 'San Juan…'],
		['Derechos de las personas', 13, 'Derechos de…'],
		['abc', 1, '…']
	])('%j at %d → %j', (text, max, expected) => {
		expect(truncate(text, max)).toBe(expected);
	});
});

describe('charsIn', () => {
	it.each([
		[140, 20],
		[13, 1],
		[0, 1]
	])('%d units hold %d characters', (width, expected) => {
		expect(charsIn(width)).toBe(expected);
	});
});
