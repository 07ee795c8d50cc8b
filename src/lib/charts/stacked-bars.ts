import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { CATEGORICAL, textOn } from './color';
import { plotArea, type Margin, type PlotArea } from './plot-area';

export interface StackInput {
	category: string;
	series: string;
	value: number;
}

export interface StackOptions {
	width: number;
	height: number;
	margin: Margin;
	/** Category order along x; default: sorted as text (months 2024-01 < 2024-02). */
	categories?: readonly string[];
	/** Stacking order, bottom first; default: the order in which series first appear. */
	series?: readonly string[];
}

export interface StackSegment {
	key: string;
	category: string;
	series: string;
	seriesIndex: number;
	value: number;
	x: number;
	y: number;
	width: number;
	height: number;
	color: string;
	textColor: string;
	/** Whether the value fits inside the segment. */
	showValue: boolean;
}

export interface StackColumn {
	category: string;
	x: number;
	width: number;
	total: number;
	/** Top of the bar, where the total is printed above. */
	top: number;
	/** Non-empty segments, bottom first. */
	segments: StackSegment[];
}

export interface StackLayout {
	columns: StackColumn[];
	series: { key: string; color: string }[];
	yTicks: { value: number; y: number }[];
	plot: PlotArea;
	width: number;
	height: number;
}

/**
 * Vertical stacked bars (categories × series) with d3-shape's `stack`. Empty
 * segments are left out, so every segment drawn has a value to show.
 */
export function layoutStack(data: readonly StackInput[], o: StackOptions): StackLayout {
	const plot = plotArea(o.width, o.height, o.margin);
	const categories = o.categories ?? [...new Set(data.map((d) => d.category))].sort();
	const keys = o.series ?? [...new Set(data.map((d) => d.series))];
	const rows = categories.map((category) => {
		const row: Record<string, number> = {};
		for (const d of data)
			if (d.category === category) row[d.series] = (row[d.series] ?? 0) + d.value;
		return row;
	});
	const stacked = stack<Record<string, number>, string>()
		.keys(keys)
		.value((row, key) => row[key] ?? 0)(rows);
	const totals = rows.map((row) => keys.reduce((sum, k) => sum + (row[k] ?? 0), 0));
	const wholeValues = data.every((d) => Number.isInteger(d.value));
	const x = scaleBand<string>()
		.domain(categories)
		.range([plot.left, plot.right])
		.paddingInner(0.2)
		.paddingOuter(0.1);
	const y = scaleLinear()
		.domain([0, Math.max(1, ...totals)])
		.range([plot.bottom, plot.top])
		.nice();
	const colors = keys.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]);
	const columns = categories.map((category, ci) => ({
		category,
		x: x(category) ?? 0,
		width: x.bandwidth(),
		total: totals[ci],
		top: y(totals[ci]),
		segments: stacked.flatMap((layer, si) => {
			const [y0, y1] = layer[ci];
			if (y1 - y0 <= 0) return [];
			const top = y(y1);
			const height = y(y0) - top;
			return [
				{
					key: `${category}|${layer.key}`,
					category,
					series: layer.key,
					seriesIndex: si,
					value: y1 - y0,
					x: x(category) ?? 0,
					y: top,
					width: x.bandwidth(),
					height,
					color: colors[si],
					textColor: textOn(colors[si]),
					showValue: height >= 16 && x.bandwidth() >= 22
				}
			];
		})
	}));
	return {
		columns,
		series: keys.map((key, i) => ({ key, color: colors[i] })),
		// counts are whole numbers: a tick at 0.2 activities would read "0" once formatted
		yTicks: y
			.ticks(5)
			.filter((value) => !wholeValues || Number.isInteger(value))
			.map((value) => ({ value, y: y(value) })),
		plot,
		width: o.width,
		height: o.height
	};
}

/**
 * Arrow keys over stacked segments: up and down move within a bar (up is
 * higher in the stack), left and right to the neighbouring bar with
 * segments, to the segment of the same series or, failing that, of the
 * nearest series; Home and End to the first and last bar. Positions are
 * [column, segment] indices; null for a key that is not for moving.
 */
export function moveSegment(
	columns: readonly Pick<StackColumn, 'segments'>[],
	at: [number, number],
	key: string
): [number, number] | null {
	const [ci, si] = at;
	const here = columns[ci]?.segments ?? [];
	const seriesIndex = here[si]?.seriesIndex ?? 0;
	const land = (c: number): [number, number] => {
		const segs = columns[c].segments;
		let best = 0;
		segs.forEach((s, i) => {
			if (Math.abs(s.seriesIndex - seriesIndex) < Math.abs(segs[best].seriesIndex - seriesIndex))
				best = i;
		});
		return [c, best];
	};
	const filled = columns.flatMap((c, i) => (c.segments.length > 0 ? [i] : []));
	switch (key) {
		case 'ArrowUp':
			return [ci, Math.min(si + 1, here.length - 1)];
		case 'ArrowDown':
			return [ci, Math.max(si - 1, 0)];
		case 'ArrowRight': {
			const c = filled.find((i) => i > ci);
			return c === undefined ? at : land(c);
		}
		case 'ArrowLeft': {
			const c = filled.filter((i) => i < ci).at(-1);
			return c === undefined ? at : land(c);
		}
		case 'Home':
			return filled.length ? land(filled[0]) : at;
		case 'End':
			return filled.length ? land(filled[filled.length - 1]) : at;
		default:
			return null;
	}
}
