import { matchFeatures, type DistrictCollection } from '$lib/geo/match';
import { placeDistricts, projectFeatures, type ProjectedFeature } from './boundary-map';
import { byUbigeo, stackLegend, type MapDistrict, type MapStyle } from './map-common';
import { MapModel, type MapProps } from './map-model.svelte';
import { legendEntries } from './MapLegend.svelte';
import { t } from '$lib/i18n/locale.svelte';

export interface BoundaryMapProps extends MapProps {
	/** The boundaries (required). */
	geojson: DistrictCollection;
	/** The feature property that holds the district code (required). */
	keyProperty: string;
	/** One entry per district with its value (required). */
	districts: MapDistrict[];
	/** Width of the map area, without the legend; default 620. */
	mapWidth?: number;
	/** Height of the map area; default 720. */
	mapHeight?: number;
	/** Print the unmatched districts and features under the map; default true. */
	showUnmatched?: boolean;
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
 * coloured, the legend beside the map or under it on a narrow screen, and
 * what did not pair up.
 */
export class BoundaryMapState extends MapModel<BoundaryMapProps, BoundaryItem> {
	readonly mapWidth = $derived.by(() => this.props().mapWidth ?? 620);
	readonly mapHeight = $derived.by(() => this.props().mapHeight ?? 720);
	readonly features = $derived.by(() => this.props().geojson.features ?? []);
	readonly match = $derived.by(() =>
		matchFeatures(
			this.features,
			this.props().keyProperty,
			this.props().districts.map((d) => d.ubigeo)
		)
	);
	readonly shapes = $derived.by(() =>
		projectFeatures(this.features, this.mapWidth, this.mapHeight)
	);
	readonly legendAt = $derived.by(() =>
		this.below ? { x: 0, y: this.mapHeight + 12 } : { x: this.mapWidth + LEGEND_GAP, y: 4 }
	);
	readonly width = $derived.by(() =>
		this.below ? this.mapWidth : this.mapWidth + LEGEND_GAP + LEGEND_WIDTH
	);
	readonly legend = $derived.by(() =>
		stackLegend(this.props().metricLabel, legendEntries(this.styled.choropleth), 32)
	);
	readonly height = $derived.by(() =>
		this.below
			? this.mapHeight + 12 + this.legend.height
			: Math.max(this.mapHeight, this.legend.height + 4)
	);
	/** Indexes of the features that match no district, drawn dashed. */
	readonly stray: readonly number[] = $derived.by(() =>
		this.match.featuresWithoutDistrict.map((u) => u.index)
	);
	/** Matched districts in reading order (top to bottom, then left to right). */
	readonly items: BoundaryItem[] = $derived.by(() =>
		placeDistricts(this.props().districts, this.match.matched, this.features, this.shapes).map(
			(d) => ({ ...d, style: this.styled.styles.get(d.ubigeo)! })
		)
	);
	/** Names of the districts without a polygon. */
	readonly missingNames = $derived.by(() => {
		const names = byUbigeo(this.props().districts);
		return this.match.districtsWithoutFeature.map((u) => names.get(u)?.name ?? u).join(', ');
	});
	/** Keys of the polygons without a district, and why. */
	readonly strayKeys = $derived.by(() =>
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

	constructor(props: () => BoundaryMapProps) {
		super(
			props,
			(d) => ({ x: d.shape.centroid[0], y: d.shape.centroid[1] }),
			(d) => ({
				x: d.shape.centroid[0],
				y: d.shape.bounds[0][1],
				title: d.name,
				lines: [this.metricLine(d.value)]
			})
		);
	}

	protected districts() {
		return this.props().districts;
	}
}
