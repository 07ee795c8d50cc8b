import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type DistrictFeature = Feature<Geometry | null, Record<string, unknown> | null>;
export type DistrictCollection = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

export interface UnmatchedFeature {
	/** Position of the feature in the collection. */
	index: number;
	/** Its key, as read, or null when the property is missing. */
	key: string | null;
	reason: 'unknown' | 'duplicate' | 'missing';
}

export interface FeatureMatch {
	/** District code → its feature. */
	matched: Map<string, DistrictFeature>;
	/** Districts with no feature, in the order given. */
	districtsWithoutFeature: string[];
	/** Features with no district (an unknown key, a second feature for one district, or no key). */
	featuresWithoutDistrict: UnmatchedFeature[];
}

/**
 * Read a feature's key. Codes are text, but GeoJSON files often store them as
 * numbers and so lose a leading zero (070101 → 70101): an all-digit key that
 * matches no district is padded with zeros to the length of the codes.
 */
function readKey(value: unknown, codes: Set<string>, lengths: number[]): string | null {
	if (value === null || value === undefined || value === '') return null;
	const raw = String(value).trim();
	if (codes.has(raw) || !/^\d+$/.test(raw)) return raw;
	for (const n of lengths) {
		const padded = raw.padStart(n, '0');
		if (codes.has(padded)) return padded;
	}
	return raw;
}

/** Pair features with districts through the property `key`. */
export function matchFeatures(
	features: readonly DistrictFeature[],
	key: string,
	ubigeos: readonly string[]
): FeatureMatch {
	const codes = new Set(ubigeos);
	const lengths = [...new Set(ubigeos.map((u) => u.length))].sort((a, b) => a - b);
	const matched = new Map<string, DistrictFeature>();
	const featuresWithoutDistrict: UnmatchedFeature[] = [];
	features.forEach((f, index) => {
		const k = readKey(f.properties?.[key], codes, lengths);
		if (k === null) featuresWithoutDistrict.push({ index, key: null, reason: 'missing' });
		else if (!codes.has(k)) featuresWithoutDistrict.push({ index, key: k, reason: 'unknown' });
		else if (matched.has(k)) featuresWithoutDistrict.push({ index, key: k, reason: 'duplicate' });
		else matched.set(k, f);
	});
	return {
		matched,
		districtsWithoutFeature: ubigeos.filter((u) => !matched.has(u)),
		featuresWithoutDistrict
	};
}
