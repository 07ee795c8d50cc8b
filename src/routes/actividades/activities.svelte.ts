import { pushState } from '$app/navigation';
import { resolve } from '$app/paths';
import { activityCube } from '$lib/activities/cube.svelte';
import { LiveColumns, column, type PrefetchedColumns } from '$lib/activities/live-columns.svelte';
import { engineState } from '$lib/engine/state.svelte';
import {
	activityRowsSql,
	activityYearsSql,
	breakdownsSql,
	districtChoicesSql,
	districtsSql,
	keyFiguresSql,
	partnerChoicesSql,
	trendSql,
	type ActivityFilters
} from '$lib/metrics/activity-cube';
import { ALLOWED, PAGE_SIZE, parseUrl, toFilters, type UrlState } from './url-state';

/** A row of `districtsSql`. */
export type DistrictRow = {
	ubigeo: string;
	name: string;
	province: string;
	grid_row: number | null;
	grid_col: number | null;
	migrant_population: number | null;
	activities: number;
	participants: number;
	migrants: number;
	reach_per_1000_migrants: number | null;
};

/** What the build computed for the default view (no query string). */
export interface ActivitiesPrefetch {
	queries: PrefetchedColumns;
}

/** The current calendar year (only used when no activity is loaded at all). */
function thisYear(): number {
	return Number(new Intl.DateTimeFormat('en', { year: 'numeric' }).format(Date.now()));
}

interface Inputs {
	/** The page's query string (empty while prerendering). */
	search: () => URLSearchParams;
	prefetched: () => ActivitiesPrefetch | null;
}

/**
 * Every query of /actividades, built from the URL. The views read the
 * activities cube (built here when the data change); the choices of the
 * filters and the activity table read the tables directly.
 */
export class ActivitiesModel {
	#inputs: Inputs;
	readonly years: LiveColumns;
	readonly districtChoices: LiveColumns;
	readonly partnerChoices: LiveColumns;
	readonly keyFigures: LiveColumns;
	readonly trend: LiveColumns;
	/** The five breakdowns in one query (`dim, key, activities, participants`). */
	readonly breakdowns: LiveColumns;
	readonly districts: LiveColumns;
	readonly table: LiveColumns;

	state: UrlState = $derived.by(() => parseUrl(this.#inputs.search(), ALLOWED));

	/** The latest year with activities (the default period), or null when there is none. */
	latestYear = $derived.by(() => {
		const years = column<number>(this.years.data, 'year');
		return years.length ? years[0] : null;
	});

	filters: ActivityFilters | null = $derived.by(() => {
		if (this.latestYear !== null) return toFilters(this.state, this.latestYear);
		// no activity at all: the views show their empty states for this year
		if (this.years.live) return toFilters(this.state, thisYear());
		return null;
	});

	/** The cube matches the loaded data. */
	cubeReady = $derived(activityCube.readyFor(engineState.dataVersion));

	constructor(inputs: Inputs) {
		this.#inputs = inputs;
		const prefetched = () => inputs.prefetched()?.queries ?? null;
		const cube = { prefetched, enabled: () => this.cubeReady };
		const withFilters =
			<T>(build: (f: ActivityFilters) => T) =>
			() =>
				this.filters ? build(this.filters) : null;

		this.years = new LiveColumns(() => activityYearsSql(), { prefetched });
		this.districtChoices = new LiveColumns(() => districtChoicesSql(), { prefetched });
		this.partnerChoices = new LiveColumns(() => partnerChoicesSql(), { prefetched });
		// Created in this order, so the worker answers the charts before the table.
		this.keyFigures = new LiveColumns(
			withFilters((f) => keyFiguresSql(f, { districtBits: activityCube.districtBits })),
			cube
		);
		this.trend = new LiveColumns(
			withFilters((f) => trendSql(f, this.state.stacked)),
			cube
		);
		this.breakdowns = new LiveColumns(
			withFilters((f) => breakdownsSql(f)),
			cube
		);
		this.districts = new LiveColumns(
			withFilters((f) => districtsSql(f)),
			cube
		);
		this.table = new LiveColumns(
			withFilters((f) =>
				activityRowsSql(f, this.state.sort, {
					limit: PAGE_SIZE,
					offset: (this.state.page - 1) * PAGE_SIZE
				})
			),
			// after the charts: on a million rows the table's scan would hold them up
			{ prefetched, enabled: () => this.settled }
		);

		// The cube follows the data: built once the engine has loaded them, rebuilt after a change.
		$effect(() => {
			const engine = engineState.engine;
			const version = engineState.dataVersion;
			if (engine && engineState.phase === 'ready') void activityCube.ensure(engine, version);
		});
	}

	/** The views a filter click updates (not the table, which follows them). */
	get charts(): LiveColumns[] {
		return [this.keyFigures, this.trend, this.breakdowns, this.districts];
	}

	/** Every chart shows the answer to the current selection. */
	get settled(): boolean {
		return this.charts.every((q) => q.current && !q.loading);
	}

	/** Every chart shows what DuckDB in this browser computed (not the prerendered figures). */
	get live(): boolean {
		return this.charts.every((q) => q.live);
	}

	/**
	 * Go to another state: a new history entry, so the back button undoes a
	 * selection. A shallow entry (the query string lives in `page.state` as
	 * well as in the address bar): a full navigation would cost tens of
	 * milliseconds of every filter click for nothing, since no load re-runs.
	 */
	navigate(next: string): Promise<void> {
		// the same page with another query string: its path is resolved
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		pushState(`${resolve('/actividades')}${next}`, { actividades: next });
		return Promise.resolve();
	}
}
