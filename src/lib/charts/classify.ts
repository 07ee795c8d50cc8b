import { bisectRight, quantileSorted } from 'd3-array';
import { NO_DATA_FILL, sequential, textOn, type SequentialName } from './color';

export type ClassMethod = 'quantile' | 'equal';

export interface Classification {
	/** Upper-exclusive thresholds between classes: class i holds breaks[i-1] ≤ v < breaks[i]. */
	breaks: number[];
	/** The class of each input value, in input order; `null` for a missing value. */
	classOf: (number | null)[];
	/** How many classes there really are (fewer than asked when values repeat). */
	k: number;
	min: number | null;
	max: number | null;
}

const isValue = (v: number | null | undefined): v is number =>
	v !== null && v !== undefined && Number.isFinite(v);

/**
 * Break a set of values into at most `k` classes.
 *
 * - `quantile`: the thresholds are the (i/k)-quantiles (R-7, as d3 and
 *   spreadsheets compute them), so each class holds about the same number of
 *   districts.
 * - `equal`: the thresholds split [min, max] into k intervals of equal width.
 *
 * A value equal to a threshold goes to the upper class (d3 `scaleThreshold`).
 * Thresholds that repeat, or that fall at or below the minimum, are dropped,
 * because they would make empty classes; a single distinct value gives one
 * class. Missing values get no class: they are the "sin datos" class.
 */
export function classify(
	values: readonly (number | null | undefined)[],
	method: ClassMethod,
	k: number
): Classification {
	const present = values.filter(isValue).sort((a, b) => a - b);
	if (present.length === 0) {
		return { breaks: [], classOf: values.map(() => null), k: 0, min: null, max: null };
	}
	const min = present[0];
	const max = present[present.length - 1];
	const raw: number[] = [];
	for (let i = 1; i < k; i++) {
		raw.push(
			method === 'quantile'
				? (quantileSorted(present, i / k) as number)
				: min + ((max - min) * i) / k
		);
	}
	const breaks = [...new Set(raw)].filter((b) => b > min && b <= max);
	return {
		breaks,
		classOf: values.map((v) => (isValue(v) ? bisectRight(breaks, v) : null)),
		k: breaks.length + 1,
		min,
		max
	};
}

export interface ColorClass {
	index: number;
	/** Lower bound (inclusive). */
	from: number;
	/** Upper bound: exclusive, except for the last class, which includes the maximum. */
	to: number;
	fill: string;
	textFill: string;
	count: number;
}

export interface Choropleth {
	classes: ColorClass[];
	noData: { count: number; fill: string; textFill: string };
	/** Fill and text colour of each input value, in input order. */
	fills: { fill: string; textFill: string; classIndex: number | null }[];
	method: ClassMethod;
}

/** Classify, then colour each class from a sequential, colour-blind-safe scheme. */
export function choropleth(
	values: readonly (number | null | undefined)[],
	method: ClassMethod,
	k: number,
	palette: SequentialName = 'YlGnBu'
): Choropleth {
	const c = classify(values, method, k);
	const colours = sequential(c.k, palette);
	const classes: ColorClass[] = colours.map((fill, i) => ({
		index: i,
		from: i === 0 ? (c.min as number) : c.breaks[i - 1],
		to: i === c.k - 1 ? (c.max as number) : c.breaks[i],
		fill,
		textFill: textOn(fill),
		count: 0
	}));
	let missing = 0;
	const fills = c.classOf.map((ci) => {
		if (ci === null) {
			missing++;
			return { fill: NO_DATA_FILL, textFill: '#000000', classIndex: null };
		}
		classes[ci].count++;
		return { fill: classes[ci].fill, textFill: classes[ci].textFill, classIndex: ci };
	});
	return {
		classes,
		noData: { count: missing, fill: NO_DATA_FILL, textFill: '#000000' },
		fills,
		method
	};
}

/**
 * Decimals for legend bounds: none when every bound is whole or the bounds
 * reach 100 or more (a tenth of a person or of a sol means nothing there),
 * else one.
 */
export function boundDigits(classes: readonly Pick<ColorClass, 'from' | 'to'>[]): number {
	if (classes.every((c) => Number.isInteger(c.from) && Number.isInteger(c.to))) return 0;
	const largest = Math.max(0, ...classes.map((c) => Math.max(Math.abs(c.from), Math.abs(c.to))));
	return largest >= 100 ? 0 : 1;
}
