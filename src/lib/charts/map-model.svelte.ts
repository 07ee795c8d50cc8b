import { ChartInteraction, type Tip } from './interaction.svelte';
import { byUbigeo, styleDistricts, type MapDistrict, type StackedLegend } from './map-common';
import type { ClassMethod } from './classify';
import type { SequentialName } from './color';
import { ARROWS, spatialMove } from './nav';
import { formatNumber } from '$lib/i18n';
import { i18n, t } from '$lib/i18n/locale.svelte';

/** The props both maps take. */
export interface MapProps {
	/** The metric's name: legend heading and tooltip line (required). */
	metricLabel: string;
	/** Classification: `quantile` or `equal` intervals; default `quantile`. */
	method?: ClassMethod;
	/** Number of classes (fewer when values repeat); default 5. */
	classes?: number;
	/** Sequential palette; default `YlGnBu`. */
	palette?: SequentialName;
	/** Formats a value on the map and in the tooltip; default: 0 decimals in the current locale. */
	format?: (value: number) => string;
	/** Short label on a district; default: a unique 3–4 letter abbreviation of the name. */
	label?: (d: MapDistrict) => string;
	/** The selected district, outlined; default none. */
	selected?: string | null;
	/** Called with the ubigeo when a district is activated; default none (districts only show tooltips). */
	onselect?: (ubigeo: string) => void;
}

/**
 * What TileMap's and BoundaryMap's states share: the props' defaults, the
 * districts classified and coloured, the measured width that moves the
 * legend under a narrow map, and the keyboard model (`marks`).
 */
export abstract class MapModel<P extends MapProps, T extends MapDistrict> {
	protected readonly props: () => P;
	/** Width available to the chart, measured; below 560 the legend moves under the map. */
	available = $state(0);
	readonly below = $derived(this.available > 0 && this.available < 560);
	readonly method: ClassMethod = $derived.by(() => this.props().method ?? 'quantile');
	readonly format = $derived.by(
		() => this.props().format ?? ((v: number) => formatNumber(v, i18n.locale))
	);
	readonly styled = $derived.by(() => {
		const p = this.props();
		return styleDistricts(
			this.districts(),
			this.method,
			p.classes ?? 5,
			p.palette ?? 'YlGnBu',
			p.label
		);
	});
	readonly metricLabel = $derived.by(() => this.props().metricLabel);
	readonly selected = $derived.by(() => this.props().selected ?? null);
	readonly marks: MapMarks<T>;
	/** The districts drawn, in reading order. */
	abstract readonly items: T[];
	/** The size of the viewBox, legend included. */
	abstract readonly width: number;
	abstract readonly height: number;
	/** The legend, and its top-left corner (beside the map, or under it when `below`). */
	abstract readonly legend: StackedLegend;
	abstract readonly legendAt: { x: number; y: number };

	constructor(props: () => P, centre: (d: T) => { x: number; y: number }, tip: (d: T) => Tip) {
		this.props = props;
		this.marks = new MapMarks({
			items: () => this.items,
			centre,
			tip,
			select: () => this.props().onselect
		});
	}

	/** Every district given, drawn or not. */
	protected abstract districts(): readonly MapDistrict[];

	/** A district's accessible name: its name and the value printed on it. */
	describe(d: T): string {
		return d.value === null
			? t('charts.map.tileNoData', { name: d.name })
			: t('charts.map.tile', { name: d.name, value: this.format(d.value) });
	}

	/** The value as printed: a dash for "sin datos". */
	valueText(v: number | null): string {
		return v === null ? '–' : this.format(v);
	}

	/** The tooltip line with the metric: "Puntaje: 72" or "Puntaje: sin datos". */
	metricLine(value: number | null): string {
		return `${this.props().metricLabel}: ${value === null ? t('charts.noData') : this.format(value)}`;
	}
}

/** What the two maps tell the shared model about their districts. */
export interface MapMarksOptions<T extends MapDistrict> {
	/** The districts drawn, in reading order (top to bottom, then left to right). */
	items: () => readonly T[];
	/** Where a district's centre is, for the arrow keys. */
	centre: (d: T) => { x: number; y: number };
	/** Its tooltip. */
	tip: (d: T) => Tip;
	/** Called on click, Enter or Space; when absent, districts only show their tooltip. */
	select: () => ((ubigeo: string) => void) | undefined;
}

/**
 * The keyboard and tooltip model TileMap and BoundaryMap share: one tab stop
 * on the first district, the arrow keys to the nearest district in that
 * direction, Home/End to the first and last.
 */
export class MapMarks<T extends MapDistrict> {
	#o: MapMarksOptions<T>;
	readonly keys = $derived.by(() => this.#o.items().map((d) => d.ubigeo));
	readonly byKey = $derived.by(() => byUbigeo(this.#o.items()));
	readonly centres = $derived.by(() =>
		this.#o.items().map((d) => ({ key: d.ubigeo, ...this.#o.centre(d) }))
	);
	readonly interaction: ChartInteraction;
	/** The district with the keyboard focus ring, if any. */
	readonly ring = $derived.by(() =>
		this.interaction.ring ? this.byKey.get(this.interaction.ring) : undefined
	);

	constructor(options: MapMarksOptions<T>) {
		this.#o = options;
		this.interaction = new ChartInteraction({
			keys: () => this.keys,
			navigate: (from, event) => {
				if (event.key === 'Home') return this.keys[0] ?? null;
				if (event.key === 'End') return this.keys.at(-1) ?? null;
				const dir = ARROWS[event.key];
				return dir ? spatialMove(this.centres, from, dir) : null;
			},
			tip: (key) => {
				const d = this.byKey.get(key);
				return d ? this.#o.tip(d) : null;
			},
			select: options.select
		});
	}
}
