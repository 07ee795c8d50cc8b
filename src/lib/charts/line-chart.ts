import { scaleLinear, scalePoint } from 'd3-scale';
import {
	line,
	symbol,
	symbolCircle,
	symbolCross,
	symbolDiamond,
	symbolSquare,
	symbolStar,
	symbolTriangle,
	symbolWye,
	type SymbolType
} from 'd3-shape';
import { CATEGORICAL } from './color';
import { dodge } from './dodge';
import { plotArea, type Margin, type PlotArea } from './plot-area';

export interface SeriesInput {
	key: string;
	label: string;
	/** One value per x; null or a missing x breaks the line there. */
	points: { x: string; value: number | null }[];
}

export interface LineOptions {
	width: number;
	height: number;
	margin: Margin;
	/** The x values in order; default: every x in the data, sorted as text (2023 < 2024-S1 < 2024-S2). */
	xs?: readonly string[];
	/** Default: from 0 to the largest value, rounded up to a nice number. */
	yDomain?: [number, number];
	/** Gap between direct labels at the end of the lines; default 16. */
	labelGap?: number;
}

export interface PlacedPoint {
	x: string;
	value: number;
	cx: number;
	cy: number;
	/** Where this point's value label goes, dodged against the other series' labels at the same x. */
	labelY: number;
}

export interface PlacedSeries {
	key: string;
	label: string;
	color: string;
	/** The marker, a d3 symbol path centred on (0, 0). */
	marker: string;
	path: string;
	points: PlacedPoint[];
	/** The last point and where its direct label goes after dodging against the other lines' ends. */
	end: PlacedPoint | null;
	/** The first point and where its label goes (slope charts label both ends). */
	start: PlacedPoint | null;
}

export interface LineLayout {
	xs: { value: string; x: number; showLabel: boolean }[];
	yTicks: { value: number; y: number }[];
	series: PlacedSeries[];
	plot: PlotArea;
	width: number;
	height: number;
}

/** Marker shapes, in the order series take them, so series differ by shape as well as colour. */
export const MARKERS: readonly SymbolType[] = [
	symbolCircle,
	symbolSquare,
	symbolTriangle,
	symbolDiamond,
	symbolCross,
	symbolStar,
	symbolWye
];

export function markerPath(index: number, area = 64): string {
	return symbol(MARKERS[index % MARKERS.length], area)() ?? '';
}

/**
 * Which x labels to print so that they stay at least `minSpacing` apart:
 * every k-th, always from the first. `step` is the distance between two
 * neighbouring x values.
 */
export function thinLabels(count: number, step: number, minSpacing: number): boolean[] {
	const every = step <= 0 ? 1 : Math.max(1, Math.ceil(minSpacing / step));
	return Array.from({ length: count }, (_, i) => i % every === 0);
}

/**
 * Lines over ordinal x values (periods or rounds, placed evenly with
 * `scalePoint`) and a linear y. Series take colours and marker shapes in
 * order; direct labels at both ends are dodged so they do not overlap.
 */
export function layoutLines(input: readonly SeriesInput[], o: LineOptions): LineLayout {
	const plot = plotArea(o.width, o.height, o.margin);
	const xs = o.xs ?? [...new Set(input.flatMap((s) => s.points.map((p) => p.x)))].sort();
	const x = scalePoint<string>().domain(xs).range([plot.left, plot.right]).padding(0.25);
	const maxValue = Math.max(0, ...input.flatMap((s) => s.points.map((p) => p.value ?? 0)));
	const y = scaleLinear()
		.domain(o.yDomain ?? [0, maxValue || 1])
		.range([plot.bottom, plot.top]);
	if (!o.yDomain) y.nice();
	const path = line<PlacedPoint | null>()
		.defined((p) => p !== null)
		.x((p) => p!.cx)
		.y((p) => p!.cy);
	const series = input.map((s, i) => {
		const byX = new Map(s.points.map((p) => [p.x, p.value]));
		const sequence = xs.map((xv) => {
			const value = byX.get(xv);
			return value === null || value === undefined
				? null
				: { x: xv, value, cx: x(xv) ?? 0, cy: y(value), labelY: y(value) };
		});
		const points = sequence.filter((p): p is PlacedPoint => p !== null);
		return {
			key: s.key,
			label: s.label,
			color: CATEGORICAL[i % CATEGORICAL.length],
			marker: markerPath(i),
			path: path(sequence) ?? '',
			points,
			end: null as PlacedSeries['end'],
			start: null as PlacedSeries['start']
		};
	});
	const gap = o.labelGap ?? 16;
	for (const xv of xs) {
		const here = series.flatMap((s) => s.points.filter((p) => p.x === xv));
		const placed = dodge(
			here.map((p) => p.cy),
			gap,
			plot.top,
			plot.bottom
		);
		here.forEach((p, i) => (p.labelY = placed[i]));
	}
	const withEnds = series.filter((s) => s.points.length > 0);
	const endY = dodge(
		withEnds.map((s) => s.points[s.points.length - 1].cy),
		gap,
		plot.top,
		plot.bottom
	);
	const startY = dodge(
		withEnds.map((s) => s.points[0].cy),
		gap,
		plot.top,
		plot.bottom
	);
	withEnds.forEach((s, i) => {
		s.end = { ...s.points[s.points.length - 1], labelY: endY[i] };
		s.start = { ...s.points[0], labelY: startY[i] };
	});
	const step = xs.length > 1 ? (x(xs[1]) ?? 0) - (x(xs[0]) ?? 0) : Infinity;
	const show = thinLabels(xs.length, step, 56);
	return {
		xs: xs.map((value, i) => ({ value, x: x(value) ?? 0, showLabel: show[i] })),
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
		series,
		plot,
		width: o.width,
		height: o.height
	};
}

/**
 * Arrow keys over the points of several series: left and right walk along a
 * line, up and down jump to the previous or next series that has points, to
 * its point nearest in x; Home and End go to the ends of the line. Returns
 * [series, point] indices, or null for a key that is not for moving.
 */
export function movePoint(
	series: readonly { points: readonly Pick<PlacedPoint, 'cx'>[] }[],
	at: [number, number],
	key: string
): [number, number] | null {
	const [si, pi] = at;
	const points = series[si]?.points ?? [];
	switch (key) {
		case 'ArrowRight':
			return [si, Math.min(pi + 1, points.length - 1)];
		case 'ArrowLeft':
			return [si, Math.max(pi - 1, 0)];
		case 'Home':
			return [si, 0];
		case 'End':
			return [si, points.length - 1];
		case 'ArrowDown':
		case 'ArrowUp': {
			const dir = key === 'ArrowDown' ? 1 : -1;
			const cx = points[pi]?.cx ?? 0;
			for (let s = si + dir; s >= 0 && s < series.length; s += dir) {
				const other = series[s].points;
				if (other.length === 0) continue;
				let best = 0;
				other.forEach((p, i) => {
					if (Math.abs(p.cx - cx) < Math.abs(other[best].cx - cx)) best = i;
				});
				return [s, best];
			}
			return [si, pi];
		}
		default:
			return null;
	}
}

/**
 * Lay legend items left to right, wrapping to a new row when the next one
 * would pass `maxWidth`. Text width is estimated at `charWidth` per
 * character, plus `pad` for the swatch and spacing.
 */
export function flowLegend(
	labels: readonly string[],
	maxWidth: number,
	charWidth = 7,
	pad = 44,
	rowHeight = 20
): { x: number; y: number }[] {
	let x = 0;
	let y = 0;
	return labels.map((label) => {
		const w = pad + label.length * charWidth;
		if (x > 0 && x + w > maxWidth) {
			x = 0;
			y += rowHeight;
		}
		const at = { x, y };
		x += w;
		return at;
	});
}
