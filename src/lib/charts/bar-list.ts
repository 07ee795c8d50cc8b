import { scaleLinear } from 'd3-scale';

export interface BarRow {
	key: string;
	label: string;
	/** The value; null prints a dash and draws no bar. */
	value: number | null;
	/** Completeness 0–100 shown beside the bar; null prints a dash; absent hides the column. */
	completeness?: number | null;
}

export interface BarListSize {
	width: number;
	labelWidth: number;
	/** Room after the longest bar for its printed value. */
	valueWidth: number;
	/** Width of the completeness column (mini bar and percentage); 0 to hide it. */
	completenessWidth: number;
	rowHeight: number;
	barHeight: number;
	/** Space above the first row for the column headings. */
	top: number;
}

export interface BarLayout extends BarRow {
	y: number;
	/** Length of the value bar. */
	barWidth: number;
	/** Where the value is printed (x, left-aligned). */
	valueX: number;
	/** Length of the completeness mini bar, or null. */
	completenessBar: number | null;
}

export interface BarListLayout {
	bars: BarLayout[];
	/** Left and right end of the value axis. */
	x0: number;
	x1: number;
	/** Left end of the completeness column and the length of a full (100 %) mini bar. */
	completenessX: number;
	completenessLength: number;
	showCompleteness: boolean;
	max: number;
	width: number;
	height: number;
}

/**
 * Horizontal bars, one row each, in the order given. Bars start at zero and
 * run to `max` (default: the largest value, rounded up to a nice number;
 * pass 100 for scores). Completeness is a percentage, so it gets its own
 * 0–100 mini bar in a separate column instead of sharing the value axis.
 */
export function layoutBarList(
	rows: readonly BarRow[],
	size: BarListSize,
	max?: number
): BarListLayout {
	const showCompleteness =
		size.completenessWidth > 0 && rows.some((r) => r.completeness !== undefined);
	const completenessWidth = showCompleteness ? size.completenessWidth : 0;
	const x0 = size.labelWidth;
	const x1 = size.width - size.valueWidth - completenessWidth;
	const top = Math.max(0, ...rows.map((r) => r.value ?? 0));
	const domainMax =
		max ??
		(scaleLinear()
			.domain([0, top || 1])
			.nice()
			.domain()[1] as number);
	const x = scaleLinear()
		.domain([0, domainMax])
		.range([0, x1 - x0])
		.clamp(true);
	const completenessX = x1 + size.valueWidth;
	const completenessLength = Math.max(0, Math.round(completenessWidth * 0.45));
	const bars = rows.map((r, i) => {
		const barWidth = r.value === null ? 0 : x(Math.max(0, r.value));
		return {
			...r,
			y: size.top + i * size.rowHeight + (size.rowHeight - size.barHeight) / 2,
			barWidth,
			valueX: x0 + barWidth + 6,
			completenessBar:
				r.completeness === null || r.completeness === undefined
					? null
					: (completenessLength * Math.max(0, Math.min(100, r.completeness))) / 100
		};
	});
	return {
		bars,
		x0,
		x1,
		completenessX,
		completenessLength,
		showCompleteness,
		max: domainMax,
		width: size.width,
		height: size.top + rows.length * size.rowHeight
	};
}
