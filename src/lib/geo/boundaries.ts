import { matchFeatures, type DistrictCollection } from './match';

/** District boundaries loaded by the user, with the property that holds the ubigeo. */
export interface Boundaries {
	fileName: string;
	geojson: DistrictCollection;
	keyProperty: string;
}

export type ParseResult =
	| { ok: true; geojson: DistrictCollection; properties: string[] }
	| { ok: false; error: 'json' | 'not_collection' | 'no_features' | 'no_properties' };

/**
 * Read a GeoJSON FeatureCollection and list the property names its features
 * carry (the candidates for the district code). Nothing else is trusted.
 */
export function parseBoundaries(text: string): ParseResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, error: 'json' };
	}
	const fc = data as { type?: unknown; features?: unknown };
	if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		return { ok: false, error: 'not_collection' };
	}
	const features = (fc.features as unknown[]).filter(
		(f): f is DistrictCollection['features'][number] =>
			!!f && typeof f === 'object' && (f as { type?: unknown }).type === 'Feature'
	);
	if (features.length === 0) return { ok: false, error: 'no_features' };
	const properties = [
		...new Set(
			features.flatMap((f) =>
				f.properties && typeof f.properties === 'object' ? Object.keys(f.properties) : []
			)
		)
	];
	if (properties.length === 0) return { ok: false, error: 'no_properties' };
	return { ok: true, geojson: { type: 'FeatureCollection', features }, properties };
}

/** How many districts each property would match. */
export function matchCounts(
	geojson: DistrictCollection,
	properties: readonly string[],
	ubigeos: readonly string[]
): Record<string, number> {
	return Object.fromEntries(
		properties.map((p) => [p, matchFeatures(geojson.features, p, ubigeos).matched.size])
	);
}

/**
 * The property to propose: the one remembered from the last file if it is
 * there, else the one that matches the most districts (ties: first listed).
 */
export function proposeKey(
	properties: readonly string[],
	counts: Record<string, number>,
	remembered: string | null
): string {
	if (remembered && properties.includes(remembered)) return remembered;
	return [...properties].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))[0];
}
