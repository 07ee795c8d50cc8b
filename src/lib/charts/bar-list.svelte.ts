import { layoutBarList, type BarLayout, type BarRow } from './bar-list';
import { localeNumber, type ChartProps, type FrameIds } from './frame';
import { ListMarks } from './list-marks.svelte';
import { t } from '$lib/i18n/locale.svelte';
import { useFitWidth } from './fit-width';

/** BarList's props; `onselect` gets the row's key. */
export interface BarListProps extends ChartProps {
	/** The rows, in display order (required). */
	rows: BarRow[];
	/** Heading of the value column, also used in tooltips (required). */
	valueLabel: string;
	/** End of the value axis; default: the largest value rounded up (pass 100 for scores). */
	max?: number;
	/** Bar colour per row; default a dark blue (#225ea8, 7:1 on white). */
	fill?: (row: BarRow) => string;
	/** Heading of the completeness column; default "Completitud". */
	completenessLabel?: string;
	/** Width of the viewBox; default 960 (on a phone, the frame's when narrower). */
	width?: number;
	/** Room for the row labels (longer ones are cut with "…"); default 280. */
	labelWidth?: number;
}

/** What the state reads: the props but the frame's ids. */
type Options = Omit<BarListProps, keyof FrameIds>;

/** Height of a row, and of the bar in it. */
export const ROW = 30;
export const BAR = 16;

/**
 * BarList's state: the props' defaults, the rows laid out by
 * `layoutBarList`, what a row says (tooltip and accessible name), and the
 * rows as one list of marks.
 */
export class BarListModel {
	#p: () => Options;
	#fit = useFitWidth();
	/** The width asked for (or 960), or on a phone the frame's when narrower (fit-width.ts). */
	readonly width = $derived.by(() => this.#fit(this.#p().width ?? 960));
	/** Narrowed to a phone's frame: the labels, value and completeness then share less room. */
	readonly narrow = $derived.by(() => this.width < (this.#p().width ?? 960));
	readonly labelWidth = $derived.by(() => {
		const asked = this.#p().labelWidth ?? 280;
		return this.narrow ? Math.min(asked, Math.round(this.width * 0.36)) : asked;
	});
	readonly format = $derived.by(() => this.#p().format ?? localeNumber);
	readonly fill = $derived.by(() => this.#p().fill ?? (() => '#225ea8'));
	readonly completenessTitle = $derived.by(
		() => this.#p().completenessLabel ?? t('charts.bar.completenessTitle')
	);
	readonly layout = $derived.by(() =>
		layoutBarList(
			this.#p().rows,
			{
				width: this.width,
				labelWidth: this.labelWidth,
				valueWidth: this.narrow ? 44 : 64,
				completenessWidth: this.narrow ? 100 : 190,
				rowHeight: ROW,
				barHeight: BAR,
				top: 26
			},
			this.#p().max
		)
	);
	readonly marks: ListMarks<BarLayout>;

	constructor(props: () => Options) {
		this.#p = props;
		this.marks = new ListMarks({
			items: () => this.layout.bars,
			key: (b) => b.key,
			tip: (b) => ({
				x: Math.min(b.valueX, this.layout.x1),
				y: b.y,
				title: b.label,
				lines: this.lines(b)
			}),
			select: () => this.#p().onselect
		});
	}

	/** The value and, when the rows have one, the completeness, as sentences. */
	lines(b: BarRow): string[] {
		const { valueLabel } = this.#p();
		const out = [`${valueLabel}: ${b.value === null ? t('charts.noData') : this.format(b.value)}`];
		if (b.completeness !== undefined)
			out.push(
				b.completeness === null
					? `${this.completenessTitle}: ${t('charts.noData')}`
					: t('charts.bar.completeness', { value: localeNumber(b.completeness) })
			);
		return out;
	}
}
