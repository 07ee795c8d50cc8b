import { ChartInteraction, type Tip } from './interaction.svelte';

/** A mark's place: the i-th group (a line, a bar) and the j-th mark in it (a point, a segment). */
export type Pair = [number, number];

export const pairKey = (i: number, j: number) => `${i}|${j}`;
export const parsePair = (key: string) => key.split('|').map(Number) as Pair;

export interface PairedMarksOptions<M> {
	/** The marks, group by group, in reading order. */
	groups: () => readonly (readonly M[])[];
	/** Where a navigation key goes from a mark, or null when the key is not for moving. */
	move: (from: Pair, key: string) => Pair | null;
	/** The tooltip of the j-th mark of the i-th group. */
	tip: (i: number, j: number, mark: M) => Tip | null;
	/** Called on click, Enter or Space; when absent, marks only show their tooltip. */
	select?: () => ((i: number, j: number) => void) | undefined;
}

/**
 * The keyboard model of the charts whose marks sit in groups (LineChart and
 * SlopeChart: points on lines; StackedBars: segments in bars): each mark is
 * keyed by its pair of indexes, and the chart says how the keys move.
 */
export class PairedMarks<M> {
	#o: PairedMarksOptions<M>;
	readonly keys = $derived.by(() =>
		this.#o.groups().flatMap((g, i) => g.map((_, j) => pairKey(i, j)))
	);
	readonly interaction: ChartInteraction;
	/** The mark with the keyboard focus ring, if any. */
	readonly ring = $derived.by(() => {
		if (!this.interaction.ring) return null;
		const [i, j] = parsePair(this.interaction.ring);
		return this.#o.groups()[i]?.[j] ?? null;
	});

	constructor(options: PairedMarksOptions<M>) {
		this.#o = options;
		this.interaction = new ChartInteraction({
			keys: () => this.keys,
			navigate: (from, event) => {
				const to = options.move(parsePair(from), event.key);
				return to ? pairKey(...to) : null;
			},
			tip: (key) => {
				const [i, j] = parsePair(key);
				const mark = options.groups()[i]?.[j];
				return mark === undefined ? null : options.tip(i, j, mark);
			},
			select: () => {
				const select = options.select?.();
				return select ? (key: string) => select(...parsePair(key)) : undefined;
			}
		});
	}
}
