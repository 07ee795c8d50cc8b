import { scaleThreshold } from 'd3-scale';
import type { Level } from '../metrics/levels';

/**
 * Four ordered classes from ColorBrewer YlGnBu (colour-blind safe, and
 * readable in greyscale print). Text on each cell picks black or white for
 * at least 4.5:1 contrast; the level is also named in the legend and table,
 * so colour never carries the meaning alone.
 */
export const LEVEL_FILL: Record<Level, string> = {
	inicial: '#c7e9b4',
	en_desarrollo: '#7fcdbb',
	avanzado: '#1d91c0',
	consolidado: '#0c2c84'
};
export const LEVEL_TEXT: Record<Level, string> = {
	inicial: '#000000',
	en_desarrollo: '#000000',
	avanzado: '#000000',
	consolidado: '#ffffff'
};
export const EMPTY_FILL = '#f2f2f2';
export const EMPTY_TEXT = '#595959';

/** Score → fill, with the level thresholds of DESIGN.md §5. */
export const scoreFill = scaleThreshold<number, string>()
	.domain([40, 70, 90])
	.range([
		LEVEL_FILL.inicial,
		LEVEL_FILL.en_desarrollo,
		LEVEL_FILL.avanzado,
		LEVEL_FILL.consolidado
	]);
