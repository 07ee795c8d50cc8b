import { getContext, setContext } from 'svelte';

/**
 * A chart laid out for the width it gets. ChartFrame measures its picture on a
 * phone and hands the width down; a chart that can re-flow (bars, lines, stacks)
 * then lays itself out at that width, so its text keeps its size in CSS pixels and
 * it thins its month ticks and wraps its legend, instead of a 960-unit picture
 * shrunk to a third (5 px labels). On wider screens nothing is handed down and
 * every chart keeps its natural width, as before.
 */
const KEY = Symbol('chart-fit-width');

/** The width to lay out at: `natural`, or the `available` width when narrower (not under `min`). */
export function fittedWidth(natural: number, available: number, min = 280): number {
	if (!(available > 0) || available >= natural) return natural;
	return Math.max(min, Math.floor(available));
}

/** ChartFrame: the picture's width in CSS px (0 when charts keep their natural width). */
export function provideFitWidth(available: () => number): void {
	setContext(KEY, available);
}

/**
 * For a chart's script (it reads the context, so call it during the component's
 * set-up): a function of the chart's natural width giving the width to lay out at.
 */
export function useFitWidth(): (natural: number) => number {
	const available = getContext<(() => number) | undefined>(KEY);
	return (natural) => fittedWidth(natural, available?.() ?? 0);
}
