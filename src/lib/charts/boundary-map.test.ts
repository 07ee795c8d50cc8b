import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { square } from '../../../tests/fixtures/squares';
import { isProjected, projectFeatures, ringArea, rewind } from './boundary-map';

// Two 0.1° squares side by side near Lima (west and east).
const west = square(-77.1, -12.1, 0.1, { UBIGEO: '150101', NOMBRE: 'Oeste' });
const east = square(-77.0, -12.1, 0.1, { UBIGEO: 150102, NOMBRE: 'Este' });

describe('ringArea and rewind', () => {
	it.each([
		// unit square anticlockwise: 2 × area = 2
		[
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 1],
				[0, 0]
			],
			2
		],
		[
			[
				[0, 0],
				[0, 1],
				[1, 1],
				[1, 0],
				[0, 0]
			],
			-2
		]
	] as [Position[], number][])('ringArea(%j) = %d', (ring, expected) => {
		expect(ringArea(ring)).toBeCloseTo(expected, 12);
	});

	it('turns an anticlockwise outer ring clockwise and a hole anticlockwise', () => {
		const outer: Position[] = [
			[0, 0],
			[4, 0],
			[4, 4],
			[0, 4],
			[0, 0]
		];
		const hole: Position[] = [
			[1, 1],
			[1, 2],
			[2, 2],
			[2, 1],
			[1, 1]
		];
		const g = rewind({ type: 'Polygon', coordinates: [outer, hole] });
		if (g?.type !== 'Polygon') throw new Error('expected a polygon');
		expect(ringArea(g.coordinates[0])).toBeLessThan(0);
		expect(ringArea(g.coordinates[1])).toBeGreaterThan(0);
	});
});

describe('projectFeatures', () => {
	it('detects projected coordinates', () => {
		expect(isProjected([west, east])).toBe(false);
		expect(isProjected([square(280000, 8660000, 1000, null)])).toBe(true);
	});

	it('fits longitude/latitude into the frame with Mercator (after rewinding)', () => {
		const [a, b] = projectFeatures([west, east], 200, 100, 0);
		// 0.2° wide by 0.1° tall; Mercator stretches y by 1 / cos(12.05°) = 1.0225, so the
		// pair is 1.956 times wider than tall: it fills the 100 of height and
		// 195.6 of width, centred (x from 2.2 to 197.8).
		expect(a.bounds[0][0]).toBeCloseTo(2.2, 0);
		expect(b.bounds[1][0]).toBeCloseTo(197.8, 0);
		expect(a.bounds[0][1]).toBeCloseTo(0, 5);
		expect(a.bounds[1][1]).toBeCloseTo(100, 5);
		// west stays west, and the shared edge is at the centre
		expect(a.bounds[1][0]).toBeCloseTo(100, 0);
		expect(a.centroid[0]).toBeLessThan(b.centroid[0]);
		expect(a.path.startsWith('M')).toBe(true);
	});

	it('fits projected metres with y flipped, so north is up', () => {
		const south = square(280000, 8660000, 1000, null);
		const north = square(280000, 8661000, 1000, null);
		const [s, n] = projectFeatures([south, north], 100, 200, 0);
		expect(n.bounds[0][1]).toBeCloseTo(0, 6);
		expect(n.bounds[1][1]).toBeCloseTo(100, 6);
		expect(s.bounds[1][1]).toBeCloseTo(200, 6);
		expect(s.centroid[0]).toBeCloseTo(50, 6);
		expect(s.centroid[1]).toBeCloseTo(150, 6);
	});
});
