import { describe, expect, it } from 'vitest';
import { matchFeatures } from './match';
import { square } from '../../../tests/fixtures/squares';

// Two 0.1° squares side by side near Lima (west and east), and strays.
const west = square(-77.1, -12.1, 0.1, { UBIGEO: '150101', NOMBRE: 'Oeste' });
const east = square(-77.0, -12.1, 0.1, { UBIGEO: 150102, NOMBRE: 'Este' });
const callao = square(-77.2, -12.1, 0.1, { UBIGEO: 70101 });
const stranger = square(-77.3, -12.1, 0.1, { UBIGEO: '999999' });
const twin = square(-77.4, -12.1, 0.1, { UBIGEO: '150101' });
const nameless = square(-77.5, -12.1, 0.1, null);

describe('matchFeatures', () => {
	const result = matchFeatures([west, east, callao, stranger, twin, nameless], 'UBIGEO', [
		'150101',
		'150102',
		'070101',
		'150103'
	]);

	it('matches text keys, number keys, and number keys that lost a leading zero', () => {
		expect([...result.matched.keys()]).toEqual(['150101', '150102', '070101']);
		expect(result.matched.get('070101')).toBe(callao);
	});

	it('names the districts that have no feature', () => {
		expect(result.districtsWithoutFeature).toEqual(['150103']);
	});

	it('names the features that have no district, and why', () => {
		expect(result.featuresWithoutDistrict).toEqual([
			{ index: 3, key: '999999', reason: 'unknown' },
			{ index: 4, key: '150101', reason: 'duplicate' },
			{ index: 5, key: null, reason: 'missing' }
		]);
	});

	it('uses the property chosen', () => {
		const byName = matchFeatures([west, east], 'NOMBRE', ['Este']);
		expect([...byName.matched.keys()]).toEqual(['Este']);
		expect(byName.featuresWithoutDistrict).toEqual([{ index: 0, key: 'Oeste', reason: 'unknown' }]);
	});
});
