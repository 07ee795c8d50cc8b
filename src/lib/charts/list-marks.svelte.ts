import { ChartInteraction, type Tip } from './interaction.svelte';
import { listNavigate } from './nav';

export interface ListMarksOptions<M> {
	/** The marks, in reading order. */
	items: () => readonly M[];
	/** A mark's key, unique in the list. */
	key: (mark: M) => string;
	/** Its tooltip. */
	tip: (mark: M) => Tip | null;
	/** Called on click, Enter or Space; when absent, marks only show their tooltip. */
	select?: () => ((key: string) => void) | undefined;
	/** Go round from the last mark to the first (the wheel); default false. */
	wrap?: boolean;
}

/**
 * The keyboard model of the charts whose marks form one list (BarList's
 * rows, DomainWheel's segments): either arrow of each axis moves to the
 * next or previous mark, Home/End to the ends.
 */
export class ListMarks<M> {
	#o: ListMarksOptions<M>;
	readonly keys = $derived.by(() => this.#o.items().map(this.#o.key));
	readonly interaction: ChartInteraction;
	/** The mark with the keyboard focus ring, if any. */
	readonly ring = $derived.by(() =>
		this.interaction.ring ? this.get(this.interaction.ring) : undefined
	);

	constructor(options: ListMarksOptions<M>) {
		this.#o = options;
		this.interaction = new ChartInteraction({
			keys: () => this.keys,
			navigate: (from, event) => listNavigate(this.keys, from, event.key, options.wrap),
			tip: (key) => {
				const mark = this.get(key);
				return mark === undefined ? null : options.tip(mark);
			},
			select: options.select
		});
	}

	/** The mark with a key. */
	get(key: string): M | undefined {
		const i = this.keys.indexOf(key);
		return i === -1 ? undefined : this.#o.items()[i];
	}
}
