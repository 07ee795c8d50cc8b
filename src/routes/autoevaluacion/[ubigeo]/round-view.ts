import type { DomainScore } from '$lib/forms/draft-scores';
import type { Query } from '$lib/engine/query.svelte';
import type { Indicator } from '$lib/forms/model';
import type { DraftSession } from '$lib/forms/session.svelte';

/** What every view of an open round gets: the form, the workshop, the summary. */
export interface RoundViewProps {
	/** The open round. */
	session: DraftSession;
	/** The framework's policy indicators, in form order. */
	indicators: Indicator[];
	/** The live scores of the round. */
	scores: Query<DomainScore[]>;
}
