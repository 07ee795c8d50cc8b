/** The figures this run has measured so far, and the details kept next to them in results.json. */
import { round } from '../lib/stats';

export interface Figure {
	id: string;
	label: string;
	unit: string;
	value: number | null;
	runs?: number[];
	baseline?: { label: string; value: number | null; runs?: number[] };
	/** baseline / value for times (how many times faster), value / baseline for "≤ k× baseline" targets. */
	ratio?: number | null;
	ratioKind?: 'faster' | 'of-baseline';
	target?: string;
	met?: boolean | null;
	note?: string;
}

export const results: Figure[] = [];
export const extra: Record<string, unknown> = {};

export function add(f: Figure) {
	results.push(f);
}

export function ratioFaster(value: number | null, base: number | null) {
	return value && base ? round(base / value, 1) : null;
}
