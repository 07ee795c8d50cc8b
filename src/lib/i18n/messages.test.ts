import { describe, expect, it } from 'vitest';
import { tr } from './index';
import { translate } from './translate';
import * as areas from './all-areas';

describe('messages', () => {
	for (const [name, area] of Object.entries(areas)) {
		it(`area "${name}" has the same keys in Spanish and English`, () => {
			expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.es).sort());
		});
		it(`area "${name}" uses the same placeholders in both languages`, () => {
			const { es, en }: Record<'es' | 'en', Record<string, string>> = area;
			const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(' ');
			const mismatched = Object.keys(es).filter(
				(key) => placeholders(en[key] ?? '') !== placeholders(es[key])
			);
			expect(mismatched).toEqual([]);
		});
	}

	it('fills placeholders and falls back to Spanish, then to the key', () => {
		const dict = { es: { a: 'Hola {name}', b: 'solo es' }, en: { a: 'Hi {name}' } };
		expect(translate(dict, 'en', 'a', { name: 'Ana' })).toBe('Hi Ana');
		expect(translate(dict, 'en', 'b')).toBe('solo es');
		expect(translate(dict, 'en', 'zzz')).toBe('zzz');
		expect(translate(dict, 'es', 'a')).toBe('Hola {name}');
	});

	it('knows the six domains in both languages', () => {
		expect(tr('es', 'domain.1')).toBe('Derechos de las personas migrantes');
		expect(tr('en', 'domain.6')).toBe('Safe, orderly and regular migration');
	});
});
