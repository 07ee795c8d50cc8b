import { matchFeatures, type DistrictCollection } from '$lib/geo/match';
import { placeDistricts, projectFeatures, type ProjectedFeature } from './boundary-map';
import {
	byUbigeo,
	stackLegend,
	styleDistricts,
	type MapDistrict,
	type MapStyle
} from './map-common';
import type { ClassMethod } from './classify';
import type { SequentialName } from './color';
import { MapMarks, metricLine } from './map-marks.svelte';
import { legendEntries } from './MapLegend.svelte';
import { t } from '$lib/i18n/locale.svelte';

/** The props of BoundaryMap that its geometry and keyboard depend on. */
export interface BoundaryMapOptions {
	geojson: DistrictCollection;
	keyProperty: string;
	districts: MapDistrict[];
	metricLabel: string;
	method: ClassMethod;
	classes: number;
	palette: SequentialName;
	format: (value: number) => string;
	label?: (d: MapDistrict) => string;
	mapWidth: number;
	mapHeight: number;
	onselect?: (ubigeo: string) => void;
}

/** A district as drawn: its polygon, its style, and whether its label fits inside. */
export type BoundaryItem = MapDistrict & {
	shape: ProjectedFeature;
	style: MapStyle;
	fits: boolean;
};

const LEGEND_GAP = 24;
const LEGEND_WIDTH = 250;

/**
 * BoundaryMap's state: features paired with districts, projected and
 * coloured, the legend beside the map or under it on a narrow screen, the
 * keyboard model, and what did not pair up.
 */
export class BoundaryMapState {
	#o: () => BoundaryMapOptions;
	/** Width available to the chart, measured; below 560 the legend moves under the map. */
	available = $state(0);

	readonly features = $derived.by(() => this.#o().geojson.features ?? []);
	readonly match = $derived.by(() => {
		const o = this.#o();
		return matchFeatures(
			this.features,
			o.keyProperty,
			o.districts.map((d) => d.ubigeo)
		);
	});
	readonly shapes = $derived.by(() =>
		projectFeatures(this.features, this.#o().mapWidth, this.#o().mapHeight)
	);
	readonly styled = $derived.by(() => {
		const o = this.#o();
		return styleDistricts(o.districts, o.method, o.classes, o.palette, o.label);
	});
	readonly below = $derived(this.available > 0 && this.available < 560);
	readonly legendAt = $derived.by(() =>
		this.below
			? { x: 0, y: this.#o().mapHeight + 12 }
			: { x: this.#o().mapWidth + LEGEND_GAP, y: 4 }
	);
	readonly width = $derived.by(() =>
		this.below ? this.#o().mapWidth : this.#o().mapWidth + LEGEND_GAP + LEGEND_WIDTH
	);
	readonly legend = $derived.by(() =>
		stackLegend(this.#o().metricLabel, legendEntries(this.styled.choropleth), 32)
	);
	readonly height = $derived.by(() =>
		this.below
			? this.#o().mapHeight + 12 + this.legend.height
			: Math.max(this.#o().mapHeight, this.legend.height + 4)
	);
	/** Indexes of the features that match no district, drawn dashed. */
	readonly stray: readonly number[] = $derived(
		this.match.featuresWithoutDistrict.map((u) => u.index)
	);
	/** Matched districts in reading order (top to bottom, then left to right). */
	readonly items: BoundaryItem[] = $derived.by(() =>
		placeDistricts(this.#o().districts, this.match.matched, this.features, this.shapes).map(
			(d) => ({ ...d, style: this.styled.styles.get(d.ubigeo)! })
		)
	);
	/** Names of the districts without a polygon. */
	readonly missingNames = $derived.by(() => {
		const names = byUbigeo(this.#o().districts);
		return this.match.districtsWithoutFeature.map((u) => names.get(u)?.name ?? u).join(', ');
	});
	/** Keys of the polygons without a district, and why. */
	readonly strayKeys = $derived(
		this.match.featuresWithoutDistrict
			.map((u) =>
				u.key === null
					? `#${u.index + 1} ${t('charts.map.noKey')}`
					: u.reason === 'duplicate'
						? t('charts.map.duplicate', { key: u.key })
						: u.key
			)
			.join(', ')
	);
	readonly marks: MapMarks<BoundaryItem>;

	constructor(options: () => BoundaryMapOptions) {
		this.#o = options;
		this.marks = new MapMarks({
			items: () => this.items,
			centre: (d) => ({ x: d.shape.centroid[0], y: d.shape.centroid[1] }),
			tip: (d) => ({
				x: d.shape.centroid[0],
				y: d.shape.bounds[0][1],
				title: d.name,
				lines: [metricLine(this.#o().metricLabel, d.value, this.#o().format)]
			}),
			select: () => this.#o().onselect
		});
	}
}
