/**
 * A small seeded PRNG so that the demo data is byte-identical on every run.
 * mulberry32: 32-bit state, good enough for synthetic data, and tiny.
 */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** true with probability p. */
	chance(p: number): boolean;
	/** One element, uniformly. */
	pick<T>(items: readonly T[]): T;
	/** One key of a weight table, proportionally to its weight. */
	weighted<T extends string>(weights: Readonly<Record<T, number>>): T;
	/** A roughly normal value (sum of uniforms), mean 0 and standard deviation 1. */
	normal(): number;
	/** A shuffled copy. */
	shuffle<T>(items: readonly T[]): T[];
}

/** FNV-1a: turns a label into a 32-bit seed, so each dataset has its own stream. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A generator for one purpose. Separate streams (seed + label) keep the datasets
 * independent: adding an activity does not change the assessments.
 */
export function createRng(seed: number, label = ''): Rng {
	const next = mulberry32((seed ^ hashString(label)) >>> 0);
	const rng: Rng = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)],
		weighted: (weights) => {
			const keys = Object.keys(weights) as (keyof typeof weights)[];
			let total = 0;
			for (const k of keys) total += weights[k];
			let r = next() * total;
			for (const k of keys) {
				r -= weights[k];
				if (r < 0) return k;
			}
			return keys[keys.length - 1];
		},
		normal: () => {
			let s = 0;
			for (let i = 0; i < 6; i++) s += next();
			return (s - 3) * Math.SQRT2;
		},
		shuffle: (items) => {
			const out = items.slice();
			for (let i = out.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		}
	};
	return rng;
}
