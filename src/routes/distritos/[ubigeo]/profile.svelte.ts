import { Query } from '$lib/engine/query.svelte';
import { prefetchedRows, type Prefetched } from '$lib/engine/prefetch';
import type { Row } from '$lib/engine/types';
import { profileQueries, type ProfileQueryName } from '$lib/metrics/profile-queries';
import { districtRoundsSql } from '$lib/metrics/profile';
import type { ProfilePrefetch } from './+page';

export interface DomainScoreRow extends Row {
	ubigeo: string;
	round: string;
	domain: number;
	score: number | null;
	completeness: number | null;
	level: string | null;
	change: number | null;
	answered: number;
	applicable: number;
}

interface Inputs {
	ubigeo: () => string;
	/** the round asked for in the URL, if any */
	requestedRound: () => string | null;
	prefetched: () => ProfilePrefetch | null;
}

/**
 * Every live query of a district profile, built from the same list the build
 * prerendered. The round shown comes from the URL, else the latest one.
 */
export class DistrictProfile {
	#inputs: Inputs;
	readonly queries: Record<ProfileQueryName, Query>;

	/** The round whose indicators and scores are shown. */
	round = $derived.by(
		() =>
			this.#inputs.requestedRound() ??
			(this.queries.rounds.rows?.[0]?.round as string | undefined) ??
			null
	);

	#all = $derived.by(() => profileQueries(this.#inputs.ubigeo(), this.round));

	constructor(inputs: Inputs) {
		this.#inputs = inputs;
		const prefetched = (name: ProfileQueryName) => ({
			prefetched: prefetchedRows(
				() => (this.#inputs.prefetched()?.queries[name] ?? null) as Prefetched | null
			)
		});
		const make = (name: ProfileQueryName) => new Query(() => this.#all[name], prefetched(name));
		this.queries = {
			district: make('district'),
			// not from #all: the default round is read from this query's rows
			rounds: new Query(() => districtRoundsSql(this.#inputs.ubigeo()), prefetched('rounds')),
			domainScores: make('domainScores'),
			overallScores: make('overallScores'),
			activityYears: make('activityYears'),
			byType: make('byType'),
			byAudience: make('byAudience'),
			statistics: make('statistics'),
			actions: make('actions'),
			indicators: make('indicators')
		};
	}

	/** True once DuckDB in this browser has answered every query of the profile. */
	get live(): boolean {
		return Object.entries(this.queries).every(
			([name, q]) => q.live || this.#all[name as ProfileQueryName] === null
		);
	}

	/** The domain rows of the shown round. */
	get domainRows(): DomainScoreRow[] {
		return ((this.queries.domainScores.rows ?? []) as DomainScoreRow[]).filter(
			(r) => r.round === this.round
		);
	}

	/** The round before the shown one that has rows, for "change since". */
	get previousRound(): string | null {
		const rounds = (this.queries.rounds.rows ?? []).map((r) => String(r.round));
		return rounds.find((r) => this.round !== null && r < this.round) ?? null;
	}
}
