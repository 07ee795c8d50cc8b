import {
	CATEGORY_DIMS,
	crossIndexSql,
	recreateCrossIndexesSql,
	type ActivityFilters,
	type CategoryDim
} from '$lib/metrics/activity-cube';
import { inlineParams } from '$lib/engine/sql';
import type { Engine } from '$lib/engine/types';

/** What an index was built on besides the selection: the data and how districts are counted. */
export interface IndexBasis {
	version: number;
	districtBits: boolean;
}

/** Categories refilled between two recreations of the tables (`recreateCrossIndexesSql`): about 16 clicks. */
const REFILLS_PER_RECREATION = 64;

function restKey(f: ActivityFilters, dim: CategoryDim, basis: IndexBasis): string {
	return JSON.stringify([{ ...f, [dim]: null }, basis.version, basis.districtBits]);
}

/**
 * Keeps track of the cross-filter indexes (metrics/activity-cube/cross-index.ts,
 * `crossIndexSql`): for each category, the selection (that category aside)
 * its tables were filled for. A selection that differs from it in that
 * category alone, as after a click in it, reads them.
 */
class CrossIndexes {
	/** By category: the selection but that category, with the basis (`restKey`). */
	#built: Partial<Record<CategoryDim, string>> = {};

	/** A category whose indexes answer `f`, or undefined. */
	usable(f: ActivityFilters, basis: IndexBasis): CategoryDim | undefined {
		return CATEGORY_DIMS.find((dim) => this.#built[dim] === restKey(f, dim, basis));
	}

	#running: Promise<void> = Promise.resolve();
	#refills = 0;

	/**
	 * Refills, one category after another, the indexes whose selection (their
	 * own category aside) is not `f`'s. An index is not read while it is
	 * refilled; `cancelled` stops before the next category (a click came).
	 * One refresh at a time: two refilling a table at once would sum it twice.
	 */
	refresh(
		engine: Engine,
		f: ActivityFilters,
		basis: IndexBasis,
		cancelled: () => boolean
	): Promise<void> {
		const run = this.#running.then(() => this.#refresh(engine, f, basis, cancelled));
		this.#running = run.catch(() => {});
		return run;
	}

	async #refresh(
		engine: Engine,
		f: ActivityFilters,
		basis: IndexBasis,
		cancelled: () => boolean
	): Promise<void> {
		if (this.#refills >= REFILLS_PER_RECREATION) {
			// forgotten before the tables go: no click reads them empty
			this.#built = {};
			this.#refills = 0;
			try {
				await engine.exec(recreateCrossIndexesSql());
			} catch {
				return;
			}
		}
		for (const dim of CATEGORY_DIMS) {
			if (cancelled()) return;
			const rest = restKey(f, dim, basis);
			if (this.#built[dim] === rest) continue;
			delete this.#built[dim];
			this.#refills++;
			try {
				// run once per click and category: not kept as prepared statements (`exec`)
				for (const q of crossIndexSql(f, dim, { districtBits: basis.districtBits })) {
					await engine.exec(inlineParams(q.sql, q.params));
				}
			} catch {
				// the cube was rebuilt meanwhile, or the engine restarted: the next refresh tries again
				return;
			}
			this.#built[dim] = rest;
		}
	}
}

export const crossIndexes = new CrossIndexes();
