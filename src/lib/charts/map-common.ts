import { choropleth, type Choropleth, type ClassMethod } from './classify';
import type { SequentialName } from './color';
import { abbreviateAll } from './tile-map';
import { wrapWords } from './text';

export interface MapDistrict {
	ubigeo: string;
	name: string;
	/** The metric; null is "sin datos". */
	value: number | null;
}

export interface MapStyle {
	fill: string;
	textFill: string;
	classIndex: number | null;
	/** The short label printed on the map. */
	short: string;
}

/**
 * What both maps share: classify the districts' values, colour each class,
 * and give each district a short label (unique across the set).
 */
export function styleDistricts(
	districts: readonly MapDistrict[],
	method: ClassMethod,
	k: number,
	palette: SequentialName = 'YlGnBu',
	label?: (d: MapDistrict) => string
): { choropleth: Choropleth; styles: Map<string, MapStyle> } {
	const c = choropleth(
		districts.map((d) => d.value),
		method,
		k,
		palette
	);
	const shorts = label ? districts.map(label) : abbreviateAll(districts.map((d) => d.name));
	return {
		choropleth: c,
		styles: new Map(districts.map((d, i) => [d.ubigeo, { ...c.fills[i], short: shorts[i] }]))
	};
}

export interface LegendEntry {
	kind: 'class' | 'noData' | 'auto';
	fill: string;
	text: string;
}

export interface StackedLegend {
	/** The heading, wrapped, and the baseline of each line. */
	heading: { text: string; y: number }[];
	/** Baseline of the classification line under the heading. */
	methodY: number;
	/** Entries with the top of their swatch and their wrapped text. */
	entries: (LegendEntry & { y: number; lines: string[] })[];
	height: number;
}

/**
 * Stack a map legend: the heading (wrapped at `wrap` characters, 18 apart),
 * the classification line, then one 18-unit swatch per entry, 24 apart, plus
 * 16 for each extra line of a wrapped entry.
 */
export function stackLegend(
	title: string,
	entries: readonly LegendEntry[],
	wrap: number
): StackedLegend {
	const heading = wrapWords(title, wrap).map((text, i) => ({ text, y: 14 + i * 18 }));
	const methodY = heading.length * 18 + 16;
	let y = methodY + 12;
	const placed = entries.map((e) => {
		const lines = wrapWords(e.text, wrap - 4);
		const at = { ...e, y, lines };
		y += 24 + (lines.length - 1) * 16;
		return at;
	});
	return { heading, methodY, entries: placed, height: y };
}

/** Districts (or anything with a ubigeo) by their code. */
export function byUbigeo<T extends { ubigeo: string }>(
	items: readonly T[]
): ReadonlyMap<string, T> {
	return new Map(items.map((d) => [d.ubigeo, d]));
}
