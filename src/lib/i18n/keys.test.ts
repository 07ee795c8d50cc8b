import { describe, expect, it } from 'vitest';
import { defineArea } from './types';
import { hasKey, tr, trUnder, type MessageKey } from './index';

// These tests are checked twice: vitest runs them, and `npm run check` (svelte-check)
// type-checks them. Each `@ts-expect-error` fails the check if the line below it
// stops being an error, i.e. if an unknown key were accepted.
describe('typed message keys', () => {
	it('refuses, at type-check time, a key that the Spanish dictionary does not have', () => {
		// @ts-expect-error: not a MessageKey (a typo of 'domain.1')
		expect(tr('es', 'domian.1')).toBe('domian.1');
		expect(tr('es', 'domain.1')).toBe('Derechos de las personas migrantes');
	});

	it('refuses, at type-check time, a misspelt prefix of a key built at run time', () => {
		// @ts-expect-error: no key starts with 'levle.'
		expect(trUnder('es', 'levle.', 'inicial')).toBe('levle.inicial');
		expect(trUnder('es', 'level.', 'inicial')).toBe('Inicial');
		expect(trUnder('en', 'domain.', 6)).toBe('Safe, orderly and regular migration');
		// a value with no message shows as its key, as before
		expect(trUnder('es', 'level.', null)).toBe('level.null');
	});

	it('translates a key kept as data once it is known to be one', () => {
		const stored: string = JSON.parse('"level.avanzado"');
		// @ts-expect-error: a string read at run time is not a MessageKey until checked
		tr('es', stored);
		expect(hasKey(stored) && tr('en', stored)).toBe('Advanced');
		const key: MessageKey = 'level.avanzado';
		expect(tr('es', key)).toBe('Avanzado');
		expect(hasKey('level.none')).toBe(false);
	});

	it('makes English have exactly the keys of Spanish', () => {
		const area = defineArea({
			es: { 'a.uno': 'uno', 'a.dos': 'dos' },
			// @ts-expect-error: English lacks 'a.dos'
			en: { 'a.uno': 'one' }
		});
		expect(Object.keys(area.en)).toEqual(['a.uno']);
		defineArea({
			es: { 'a.uno': 'uno' },
			// @ts-expect-error: English has a key Spanish does not
			en: { 'a.uno': 'one', 'a.tres': 'three' }
		});
	});
});
