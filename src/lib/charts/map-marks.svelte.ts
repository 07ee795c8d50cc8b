import { ChartInteraction, type Tip } from './interaction.svelte';
import { byUbigeo, type MapDistrict } from './map-common';
import { ARROWS, spatialMove } from './nav';
import { t } from '$lib/i18n/locale.svelte';

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

/** A district's accessible name: its name and the value printed on it. */
export function describeDistrict(d: MapDistrict, format: (value: number) => string): string {
	return d.value === null
		? t('charts.map.tileNoData', { name: d.name })
		: t('charts.map.tile', { name: d.name, value: format(d.value) });
}

/** The tooltip line with the metric: "Puntaje: 72" or "Puntaje: sin datos". */
export function metricLine(
	metricLabel: string,
	value: number | null,
	format: (value: number) => string
): string {
	return `${metricLabel}: ${value === null ? t('charts.noData') : format(value)}`;
}
