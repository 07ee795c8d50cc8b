import {
	layoutLines,
	movePoint,
	type LineOptions,
	type PlacedPoint,
	type PlacedSeries,
	type SeriesInput
} from './line-chart';
import type { Tip } from './interaction.svelte';
import { PairedMarks } from './paired-marks.svelte';
import type { ChartProps } from './frame';

/** The props LineChart and SlopeChart share. */
export interface LinesProps extends Omit<ChartProps, 'onselect'> {
	/** The series, one per line, in legend order; `points[].x` is a period or a round (required). */
	series: SeriesInput[];
	/** The x values in order; default: every x in the data, sorted as text. */
	xs?: string[];
	/** Formats an x value for the axis and tooltips; default: as is. */
	formatX?: (x: string) => string;
	/** The y domain; default from 0 to the largest value rounded up (LineChart), [0, 100] (SlopeChart). */
	yDomain?: [number, number];
	/** Width of the viewBox; default 960 (LineChart), 760 (SlopeChart). */
	width?: number;
	/** Height of the viewBox; default 380 (LineChart), 420 (SlopeChart). */
	height?: number;
	/** Room for the labels at the ends of the lines (longer names are cut with "…"); default 200. */
	labelWidth?: number;
}

/**
 * The state LineChart and SlopeChart share: the lines placed by
 * `layoutLines`, and their points as marks (Left/Right along a line,
 * Up/Down to the next line). Each chart says what its tooltip shows and what
 * selecting a point does.
 */
export class LinesModel {
	#o: () => { series: readonly SeriesInput[]; options: LineOptions };
	readonly layout = $derived.by(() => layoutLines(this.#o().series, this.#o().options));
	readonly marks: PairedMarks<PlacedPoint>;

	constructor(
		options: () => { series: readonly SeriesInput[]; options: LineOptions },
		tip: (series: PlacedSeries, pi: number, point: PlacedPoint) => Tip | null,
		select?: () => ((series: PlacedSeries) => void) | undefined
	) {
		this.#o = options;
		this.marks = new PairedMarks({
			groups: () => this.layout.series.map((s) => s.points),
			move: (from, key) => movePoint(this.layout.series, from, key),
			tip: (si, pi, p) => tip(this.layout.series[si], pi, p),
			select: () => {
				const chosen = select?.();
				return chosen ? (si) => chosen(this.layout.series[si]) : undefined;
			}
		});
	}
}
