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
