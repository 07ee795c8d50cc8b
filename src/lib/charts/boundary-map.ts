import { geoIdentity, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { DistrictFeature } from '../geo/match';

/** Twice the signed area of a ring (shoelace), x right and y up: positive when anticlockwise. */
export function ringArea(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0, n = ring.length; i < n; i++) {
		const [x1, y1] = ring[i];
		const [x2, y2] = ring[(i + 1) % n];
		sum += x1 * y2 - x2 * y1;
	}
	return sum;
}

function windRings(rings: Position[][]): Position[][] {
	return rings.map((ring, i) => {
		const anticlockwise = ringArea(ring) > 0;
		// d3-geo wants outer rings clockwise and holes anticlockwise; GeoJSON
		// (RFC 7946) says the opposite, and d3 would then fill the whole globe.
		const wrong = i === 0 ? anticlockwise : !anticlockwise;
		return wrong ? [...ring].reverse() : ring;
	});
}

/** The geometry with the winding order d3-geo expects. */
export function rewind(geometry: Geometry | null): Geometry | null {
	if (!geometry) return geometry;
	switch (geometry.type) {
		case 'Polygon':
			return { ...geometry, coordinates: windRings(geometry.coordinates) };
		case 'MultiPolygon':
			return { ...geometry, coordinates: geometry.coordinates.map(windRings) };
		case 'GeometryCollection':
			return {
				...geometry,
				geometries: geometry.geometries.map((g) => rewind(g) as Geometry)
			};
		default:
			return geometry;
	}
}

function eachPosition(geometry: Geometry | null, visit: (p: Position) => void): void {
	if (!geometry) return;
	if (geometry.type === 'GeometryCollection') {
		geometry.geometries.forEach((g) => eachPosition(g, visit));
		return;
	}
	const walk = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') visit(c as Position);
		else if (Array.isArray(c)) c.forEach(walk);
	};
	walk(geometry.coordinates);
}

/**
 * Whether coordinates are already projected (metres, as in a UTM shapefile
 * export) rather than longitude/latitude: any |x| > 180 or |y| > 90.
 */
export function isProjected(features: readonly DistrictFeature[]): boolean {
	let projected = false;
	for (const f of features) {
		eachPosition(f.geometry, ([x, y]) => {
			if (Math.abs(x) > 180 || Math.abs(y) > 90) projected = true;
		});
		if (projected) return true;
	}
	return false;
}

export interface ProjectedFeature {
	path: string;
	centroid: [number, number];
	bounds: [[number, number], [number, number]];
}

/**
 * Fit the features into a width × height frame (less `padding`) and return
 * an SVG path, centroid and bounds per feature. Longitude/latitude go through
 * Mercator; projected coordinates through an identity transform with y
 * flipped, because their y grows northward while the screen's grows down.
 */
export function projectFeatures(
	features: readonly DistrictFeature[],
	width: number,
	height: number,
	padding = 8
): ProjectedFeature[] {
	const wound = features.map((f) => ({ ...f, geometry: rewind(f.geometry) }));
	const collection = { type: 'FeatureCollection', features: wound } as FeatureCollection;
	const extent: [[number, number], [number, number]] = [
		[padding, padding],
		[width - padding, height - padding]
	];
	const projection = isProjected(features)
		? geoIdentity().reflectY(true).fitExtent(extent, collection)
		: geoMercator().fitExtent(extent, collection);
	const path = geoPath(projection);
	return wound.map((f) => ({
		path: f.geometry ? (path(f as Feature) ?? '') : '',
		centroid: f.geometry ? path.centroid(f as Feature) : [NaN, NaN],
		bounds: f.geometry
			? path.bounds(f as Feature)
			: [
					[NaN, NaN],
					[NaN, NaN]
				]
	}));
}

/**
 * The districts that have a polygon, each with its projected shape and
 * whether a label fits inside it (34 × 30 units), in reading order: top to
 * bottom, then left to right (the keyboard's order).
 */
export function placeDistricts<T extends { ubigeo: string }>(
	districts: readonly T[],
	matched: ReadonlyMap<string, DistrictFeature>,
	features: readonly DistrictFeature[],
	shapes: readonly ProjectedFeature[]
): (T & { shape: ProjectedFeature; fits: boolean })[] {
	const shapeOf = new Map(features.map((f, i) => [f, shapes[i]]));
	return districts
		.filter((d) => matched.has(d.ubigeo))
		.map((d) => {
			const shape = shapeOf.get(matched.get(d.ubigeo)!)!;
			const [[x0, y0], [x1, y1]] = shape.bounds;
			return { ...d, shape, fits: x1 - x0 >= 34 && y1 - y0 >= 30 };
		})
		.sort(
			(a, b) =>
				a.shape.centroid[1] - b.shape.centroid[1] || a.shape.centroid[0] - b.shape.centroid[0]
		);
}
