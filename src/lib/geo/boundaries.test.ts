import { describe, expect, it } from 'vitest';
import { matchCounts, parseBoundaries, proposeKey } from './boundaries';

const square = (x: number, props: Record<string, unknown>) => ({
	type: 'Feature',
	properties: props,
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x, 0],
				[x + 1, 0],
				[x + 1, 1],
				[x, 1],
				[x, 0]
			]
		]
	}
});

const fc = {
	type: 'FeatureCollection',
	features: [
		square(0, { IDDIST: '150101', NOMBDIST: 'LIMA' }),
		square(1, { IDDIST: 70101, NOMBDIST: 'CALLAO' }), // a number that lost its zero
		square(2, { IDDIST: '999999', NOMBDIST: 'OTRO' })
	]
};

describe('parseBoundaries', () => {
	it('reads a FeatureCollection and lists the properties', () => {
		const r = parseBoundaries(JSON.stringify(fc));
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.geojson.features).toHaveLength(3);
			expect(r.properties).toEqual(['IDDIST', 'NOMBDIST']);
		}
	});

	it.each([
		['not json', 'json'],
		['{"type":"Feature"}', 'not_collection'],
		['{"type":"FeatureCollection","features":[]}', 'no_features'],
		[
			'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}',
			'no_properties'
		]
	])('rejects %s with %s', (text, error) => {
		expect(parseBoundaries(text)).toEqual({ ok: false, error });
	});
});

describe('matchCounts and proposeKey', () => {
	const ubigeos = ['150101', '070101', '150132'];
	const parsed = parseBoundaries(JSON.stringify(fc));
	if (!parsed.ok) throw new Error('fixture');

	it('counts the districts each property matches (leading zero restored)', () => {
		// IDDIST matches Lima and Callao (70101 → 070101); the names match none
		expect(matchCounts(parsed.geojson, parsed.properties, ubigeos)).toEqual({
			IDDIST: 2,
			NOMBDIST: 0
		});
	});

	it('proposes the remembered property when present, else the best match', () => {
		const counts = { IDDIST: 2, NOMBDIST: 0 };
		expect(proposeKey(parsed.properties, counts, null)).toBe('IDDIST');
		expect(proposeKey(parsed.properties, counts, 'NOMBDIST')).toBe('NOMBDIST');
		expect(proposeKey(parsed.properties, counts, 'UBIGEO')).toBe('IDDIST');
	});
});
