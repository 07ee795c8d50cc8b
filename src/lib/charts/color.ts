import { interpolateViridis, schemeBlues, schemeTableau10, schemeYlGnBu } from 'd3-scale-chromatic';
import { quantize } from 'd3-interpolate';

/** Outline drawn around light fills so every mark keeps 3:1 against white. */
export const OUTLINE = '#4d4d4d';
/** Text and axis ink. */
export const INK = '#1a1a1a';
/** Fill of a "sin datos" mark, drawn with a hatch on top so it differs from the lightest class. */
export const NO_DATA_FILL = '#f2f2f2';
export const NO_DATA_HATCH = '#8c8c8c';

function channels(hex: string): [number, number, number] {
	const h = hex.replace('#', '');
	const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
	return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex([r, g, b]: [number, number, number]): string {
	return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (WCAG 2.1) of a `#rgb` or `#rrggbb` colour. */
export function luminance(hex: string): number {
	const [r, g, b] = channels(hex).map((v) => {
		const c = v / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `fill`. */
export function textOn(fill: string): '#000000' | '#ffffff' {
	return contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff';
}

/**
 * Darken a colour in small steps until it reaches `ratio` against `background`
 * (used to lift a categorical palette to the 3:1 that WCAG 1.4.11 asks of
 * graphical objects). Colours that already pass come back unchanged.
 */
export function ensureContrast(hex: string, background = '#ffffff', ratio = 3): string {
	let rgb = channels(hex);
	let out = hex.toLowerCase();
	for (let i = 0; i < 40 && contrast(out, background) < ratio; i++) {
		rgb = rgb.map((v) => v * 0.95) as [number, number, number];
		out = toHex(rgb);
	}
	return out;
}

/**
 * Series colours: Tableau 10 (designed to stay apart under the common colour
 * vision deficiencies), each darkened to at least 3:1 against white. Series
 * are also told apart by marker shape or a direct label, never by colour alone.
 */
export const CATEGORICAL: readonly string[] = schemeTableau10.map((c) => ensureContrast(c));

export type SequentialName = 'YlGnBu' | 'Blues' | 'viridis';

function fromScheme(scheme: readonly (readonly string[])[], k: number): string[] {
	if (k <= 0) return [];
	if (k === 1) return [scheme[3][1]];
	if (k === 2) return [scheme[3][0], scheme[3][2]];
	return [...scheme[Math.min(k, 9)]];
}

/**
 * `k` ordered colours, light (low) to dark (high), from a colour-blind-safe
 * sequential scheme: ColorBrewer YlGnBu (default) or Blues, or viridis.
 */
export function sequential(k: number, name: SequentialName = 'YlGnBu'): string[] {
	if (name === 'viridis') {
		if (k <= 0) return [];
		// Reversed so that light means low, as in the ColorBrewer schemes.
		return k === 1 ? [interpolateViridis(0.5)] : quantize(interpolateViridis, k).reverse();
	}
	return fromScheme(name === 'Blues' ? schemeBlues : schemeYlGnBu, k);
}
