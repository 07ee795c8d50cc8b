import { layoutTiles, placeTiles, type TileInput, type TileLayout } from './tile-map';
import { stackLegend, type MapStyle } from './map-common';
import { MapModel, type MapProps } from './map-model.svelte';
import { legendEntries } from './MapLegend.svelte';
import { t } from '$lib/i18n/locale.svelte';

export interface TileMapProps extends MapProps {
	/** One entry per district with its cell and value (required). */
	tiles: TileInput[];
}

/** A tile as drawn: the district, its place on the grid and its style. */
export type TileItem = TileInput & TileLayout['tiles'][number] & { style: MapStyle };

/** Side of a tile, in viewBox units. */
export const TILE = 62;
const GAP = 4;
const LEGEND_GAP = 32;
const LEGEND_WIDTH = 250;

/**
 * TileMap's state: tiles placed on the grid (missing cells after it),
 * classified and coloured, and the legend beside the grid or, on a narrow
 * screen, under it.
 */
export class TileMapState extends MapModel<TileMapProps, TileItem> {
	readonly placed = $derived.by(() => placeTiles(this.props().tiles));
	readonly grid = $derived.by(() => layoutTiles(this.placed, TILE, GAP));
	readonly legend = $derived.by(() =>
		stackLegend(
			this.props().metricLabel,
			legendEntries(
				this.styled.choropleth,
				this.placed.some((p) => p.auto)
			),
			32
		)
	);
	readonly legendAt = $derived.by(() =>
		this.below ? { x: 0, y: this.grid.height + 20 } : { x: this.grid.width + LEGEND_GAP, y: 4 }
	);
	readonly width = $derived.by(() =>
		this.below
			? Math.max(this.grid.width, LEGEND_WIDTH)
			: this.grid.width + LEGEND_GAP + LEGEND_WIDTH
	);
	readonly height = $derived.by(
		() =>
			(this.below
				? this.grid.height + 20 + this.legend.height
				: Math.max(this.grid.height, this.legend.height)) + 2
	);
	/** Tiles in reading order, with their place and style. */
	readonly items: TileItem[] = $derived.by(() =>
		this.props()
			.tiles.map((d, i) => ({
				...d,
				...this.grid.tiles[i],
				style: this.styled.styles.get(d.ubigeo)!
			}))
			.sort((a, b) => a.row - b.row || a.col - b.col)
	);

	constructor(props: () => TileMapProps) {
		super(
			props,
			(d) => ({ x: d.x + TILE / 2, y: d.y + TILE / 2 }),
			(d) => ({
				x: d.x + TILE / 2,
				y: d.y,
				bottom: d.y + TILE,
				title: d.name,
				lines: [this.metricLine(d.value), ...(d.auto ? [t('charts.map.auto')] : [])]
			})
		);
	}

	/** A tile placed after the grid says so after its name and value. */
	describe(d: TileItem): string {
		return super.describe(d) + (d.auto ? ` (${t('charts.map.auto')})` : '');
	}

	protected districts() {
		return this.props().tiles;
	}
}
