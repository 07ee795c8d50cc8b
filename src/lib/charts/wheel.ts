import { arc } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { INK, NO_DATA_FILL, textOn } from './color';
import { scoreFill } from './level-colors';
import type { Level } from '../metrics/levels';

export interface WheelInput {
	domain: number;
	/** Score 0–100 of the current round; null when nothing was answered. */
	score: number | null;
	/** Score of the previous round, drawn as an outline behind; null or absent for none. */
	previous?: number | null;
}

/** What the wheel component takes per domain: the layout input plus what its tooltip prints. */
export interface WheelDatum extends WheelInput {
	/** Score minus the previous round's, from the metrics (not recomputed here). */
	change?: number | null;
	level?: Level | null;
	completeness?: number | null;
}

export interface WheelSize {
	/** Radius of the empty centre. */
	inner: number;
	/** Radius of a score of 100. */
	outer: number;
	/** Gap between segments, in radians; default 0.03. */
	padAngle?: number;
}

export interface WheelSegment extends WheelInput {
	previous: number | null;
	startAngle: number;
	endAngle: number;
	midAngle: number;
	/** Outer radius of the bar (of the whole track when the score is empty). */
	radius: number;
	/** The bar: filled when there is a score, an outline of the whole track when empty. */
	path: string;
	empty: boolean;
	/** The track from the centre to 100, drawn faintly behind. */
	trackPath: string;
	/** Outline of the previous round's bar, or null. */
	previousPath: string | null;
	fill: string;
	/** Where the score is printed, and in which colour. */
	value: { x: number; y: number; fill: string };
	/** Where the domain's label goes, outside the wheel. */
	label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

export const DOMAINS = [1, 2, 3, 4, 5, 6] as const;

/** A point at `radius` and `angle` (0 at twelve o'clock, clockwise), as d3-shape's arc measures. */
export function polar(radius: number, angle: number): [number, number] {
	return [radius * Math.sin(angle), -radius * Math.cos(angle)];
}

/**
 * Where a segment prints its score, as a radius: just inside the end of a
 * long bar, just outside a short one, in the middle of an empty track. The
 * previous round's outline must not run through the number, so a spot
 * closer than 11 units to it gives way to the next candidate.
 */
export function valuePlace(
	empty: boolean,
	radius: number,
	size: WheelSize,
	previousR: number | null
): { r: number; inside: boolean } {
	const middle = (size.inner + radius) / 2;
	const candidates: { r: number; inside: boolean }[] = empty
		? [
				{ r: middle, inside: false },
				{ r: middle + 22, inside: false },
				{ r: middle - 22, inside: false }
			]
		: radius - size.inner >= 40
			? [
					{ r: radius - 16, inside: true },
					{ r: middle, inside: true },
					{ r: radius + 14, inside: false }
				]
			: [
					{ r: radius + 14, inside: false },
					{ r: radius + 30, inside: false }
				];
	const clear = candidates.find((c) => previousR === null || Math.abs(c.r - previousR) >= 11);
	return clear ?? candidates[0];
}

/**
 * Six radial bars, one per domain, clockwise from twelve o'clock. The bar's
 * outer radius grows linearly with the score from `inner` (0) to `outer`
 * (100). Domains missing from the input still get their segment, empty, so
 * the wheel always has one segment per domain.
 */
export function layoutWheel(
	input: readonly WheelInput[],
	size: WheelSize,
	domains: readonly number[] = DOMAINS
): { segments: WheelSegment[]; rings: { value: number; r: number }[] } {
	const r = scaleLinear().domain([0, 100]).range([size.inner, size.outer]).clamp(true);
	const step = (2 * Math.PI) / domains.length;
	const pad = size.padAngle ?? 0.03;
	const shape = arc<{ inner: number; outer: number; start: number; end: number }>()
		.innerRadius((d) => d.inner)
		.outerRadius((d) => d.outer)
		.startAngle((d) => d.start)
		.endAngle((d) => d.end)
		.padAngle(pad)
		.padRadius(size.outer);
	const byDomain = new Map(input.map((d) => [d.domain, d]));
	const segments = domains.map((domain, i) => {
		const d = byDomain.get(domain);
		const score = d?.score ?? null;
		const previous = d?.previous ?? null;
		const start = i * step;
		const end = start + step;
		const mid = start + step / 2;
		const empty = score === null;
		const radius = empty ? size.outer : r(score);
		const fill = empty ? NO_DATA_FILL : scoreFill(score);
		const previousR = previous === null ? null : r(previous);
		const value = valuePlace(empty, radius, size, previousR);
		const [vx, vy] = polar(value.r, mid);
		const [lx, ly] = polar(size.outer + 20, mid);
		const sin = Math.sin(mid);
		return {
			domain,
			score,
			previous,
			startAngle: start,
			endAngle: end,
			midAngle: mid,
			radius,
			empty,
			path: shape({ inner: size.inner, outer: radius, start, end }) ?? '',
			trackPath: shape({ inner: size.inner, outer: size.outer, start, end }) ?? '',
			previousPath:
				previous === null
					? null
					: (shape({ inner: size.inner, outer: r(previous), start, end }) ?? null),
			fill,
			value: { x: vx, y: vy, fill: value.inside ? textOn(fill) : INK },
			label: {
				x: lx,
				y: ly,
				anchor: sin > 0.3 ? ('start' as const) : sin < -0.3 ? ('end' as const) : ('middle' as const)
			}
		};
	});
	return { segments, rings: [25, 50, 75, 100].map((value) => ({ value, r: r(value) })) };
}
