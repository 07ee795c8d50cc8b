/** What a round is, as the API and the pages speak of it. */

export type RoundState = 'submitted' | 'returned' | 'validated' | 'published';
export const ROUND_STATES: readonly RoundState[] = [
	'submitted',
	'returned',
	'validated',
	'published'
];

export interface Answer {
	indicator_id: string;
	answer: string;
	evidence: string | null;
	source_url: string | null;
}

export interface RoundSummary {
	ubigeo: string;
	round: string;
	state: RoundState;
	latest_version: number;
	published_version: number | null;
	updated_at: string;
}

export interface RoundEvent {
	version: number;
	action: RoundState;
	at: string;
	by: string | null;
}

export interface RoundComment {
	version: number;
	indicator_id: string;
	text: string;
	at: string;
	by: string | null;
}

export interface RoundDetail extends RoundSummary {
	/** the version shown: the latest, or the published one for those who may not see work in progress */
	version: number;
	submitted_at: string;
	submitted_by: string | null;
	answers: Answer[];
	comments: RoundComment[];
	history: RoundEvent[];
}

/** Checks a submission's answers with the import pipeline; throws a 400 ApiError naming the problem. */
export type SubmissionCheck = (ubigeo: string, round: string, answers: Answer[]) => Promise<void>;

export interface ReviewComment {
	indicator_id: string;
	text: string;
}
