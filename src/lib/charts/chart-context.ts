import { createContext } from 'svelte';
import type { ChartInteraction } from './interaction.svelte';

/**
 * What `ChartSvg` hands to the marks and chrome drawn inside it (the
 * tooltip, `Mark`): the chart's keyboard and pointer state and the size of
 * its viewBox. Getters, so a reader always sees the current values.
 */
export interface ChartContext {
	readonly interaction: ChartInteraction;
	readonly width: number;
	readonly height: number;
}

export const [chartContext, setChartContext] = createContext<ChartContext>();
