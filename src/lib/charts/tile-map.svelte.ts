import { layoutTiles, placeTiles, type TileInput, type TileLayout } from './tile-map';
import { stackLegend, styleDistricts, type MapDistrict, type MapStyle } from './map-common';
import type { ClassMethod } from './classify';
import type { SequentialName } from './color';
import { MapMarks, metricLine } from './map-marks.svelte';
import { legendEntries } from './MapLegend.svelte';
import { t } from '$lib/i18n/locale.svelte';

/** The props of TileMap that its geometry and keyboard depend on. */
export interface TileMapOptions {
	tiles: TileInput[];
	metricLabel: string;
	method: ClassMethod;
	classes: number;
	palette: SequentialName;
	format: (value: number) => string;
	label?: (d: MapDistrict) => string;
	onselect?: (ubigeo: string) => void;
}

/** A tile as drawn: the district, its place on the grid and its style. */
export type TileItem = TileInput & TileLayout['tiles'][number] & { style: MapStyle };

/** Side of a tile and the gap between tiles, in viewBox units. */
export const TILE = 62;
const GAP = 4;
const LEGEND_GAP = 32;
const LEGEND_WIDTH = 250;

/**
 * TileMap's state: tiles placed on the grid (missing cells after it),
 * classified and coloured, the legend beside the grid or, on a narrow
 * screen, under it, and the keyboard model.
 */
export class TileMapState {
	#o: () => TileMapOptions;
	/** Width available to the chart, measured; below 560 the legend moves under the map. */
	available = $state(0);

	readonly placed = $derived.by(() => placeTiles(this.#o().tiles));
	readonly grid = $derived.by(() => layoutTiles(this.placed, TILE, GAP));
	readonly styled = $derived.by(() => {
		const o = this.#o();
		return styleDistricts(o.tiles, o.method, o.classes, o.palette, o.label);
	});
	readonly legend = $derived.by(() =>
		stackLegend(
			this.#o().metricLabel,
			legendEntries(
				this.styled.choropleth,
				this.placed.some((p) => p.auto)
			),
			32
		)
	);
	readonly below = $derived(this.available > 0 && this.available < 560);
	readonly legendAt = $derived(
		this.below ? { x: 0, y: this.grid.height + 20 } : { x: this.grid.width + LEGEND_GAP, y: 4 }
	);
	readonly width = $derived(
		this.below
			? Math.max(this.grid.width, LEGEND_WIDTH)
			: this.grid.width + LEGEND_GAP + LEGEND_WIDTH
	);
	readonly height = $derived(
		(this.below
			? this.grid.height + 20 + this.legend.height
			: Math.max(this.grid.height, this.legend.height)) + 2
	);
	/** Tiles in reading order, with their place and style. */
	readonly items: TileItem[] = $derived.by(() =>
		this.#o()
			.tiles.map((d, i) => ({
				...d,
				...this.grid.tiles[i],
				style: this.styled.styles.get(d.ubigeo)!
			}))
			.sort((a, b) => a.row - b.row || a.col - b.col)
	);
	readonly marks: MapMarks<TileItem>;

	constructor(options: () => TileMapOptions) {
		this.#o = options;
		this.marks = new MapMarks({
			items: () => this.items,
			centre: (d) => ({ x: d.x + TILE / 2, y: d.y + TILE / 2 }),
			tip: (d) => ({
				x: d.x + TILE / 2,
				y: d.y,
				bottom: d.y + TILE,
				title: d.name,
				lines: [
					metricLine(this.#o().metricLabel, d.value, this.#o().format),
					...(d.auto ? [t('charts.map.auto')] : [])
				]
			}),
			select: () => this.#o().onselect
		});
	}
}
