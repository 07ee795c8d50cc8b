import {
	addActivityToCubeSql,
	buildCubeSql,
	cubeDistrictCountSql,
	DISTRICT_BITS
} from '$lib/metrics/activity-cube';
import { EngineError, type Engine } from '$lib/engine/types';

/**
 * Keeps the activities cube (metrics/activity-cube/) in step with the
 * loaded data. The cube is derived from `activities` and `districts`, so it
 * is rebuilt whenever `engineState.dataVersion` changes (an import, a
 * restart of the engine); a logged activity is added to it in place
 * instead (`addActivity`), since a rebuild at a million rows takes seconds.
 * Only the screens that read it build it, when they first need it.
 */
class ActivityCube {
	/** The data version the cube was built for; -1 before the first build. */
	version = $state(-1);
	/**
	 * The cube knows few enough district codes for the category table's bit set
	 * of the districts reached (`ViewOptions.districtBits`).
	 */
	districtBits = $state(false);
	/** True while a build runs. */
	building = $state(false);
	error = $state<EngineError | null>(null);
	#running: Promise<void> | null = null;
	#wanted = -1;

	/** True when the cube matches data version `version`. */
	readyFor(version: number): boolean {
		return this.version === version;
	}

	/**
	 * Builds the cube for data version `version` unless it is built (or being
	 * built) for it already. A newer version asked for during a build is built
	 * right after it.
	 */
	ensure(engine: Engine, version: number): Promise<void> {
		this.#wanted = Math.max(this.#wanted, version);
		if (this.version === this.#wanted) return Promise.resolve();
		this.#running ??= this.#loop(engine).finally(() => (this.#running = null));
		return this.#running;
	}

	async #loop(engine: Engine): Promise<void> {
		while (this.version !== this.#wanted) {
			const target = this.#wanted;
			this.building = true;
			try {
				await engine.exec(buildCubeSql());
				const count = cubeDistrictCountSql();
				const [row] = await engine.query(count.sql, count.params);
				this.districtBits = Number(row?.n) <= DISTRICT_BITS;
				this.version = target;
				this.error = null;
			} catch (error) {
				this.error = error instanceof EngineError ? error : new EngineError('sql', String(error));
				break;
			} finally {
				this.building = false;
			}
		}
	}

	/**
	 * Adds one activity, already inserted into `activities`, to the cube built
	 * for data version `from`, and marks the cube as matching `to`. When the
	 * cube was not current, or the activity brings a value it does not know,
	 * nothing is marked: the next `ensure` rebuilds.
	 */
	async addActivity(engine: Engine, activityId: string, from: number, to: number): Promise<void> {
		if (this.version !== from || this.#running) return;
		try {
			for (const q of addActivityToCubeSql(activityId)) await engine.query(q.sql, q.params);
			this.version = to;
		} catch {
			// a new district, type or partner: the ENUMs lack it, so rebuild on next use
		}
	}

	/** Forget the cube (e.g. the engine was replaced). */
	reset(): void {
		this.version = -1;
		this.#wanted = -1;
	}
}

export const activityCube = new ActivityCube();
