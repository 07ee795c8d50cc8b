import { getContext, setContext } from 'svelte';
import type { RoundSubmission } from '$lib/forms/round-submission.svelte';

/**
 * What the round page knows of the Integra server, for the panels deep in
 * the form (finish panel, each question), without threading it through the
 * form, the summary and the workshop.
 */
export interface RoundServer {
	/** false on the static site and in browser-only use: no sending at all */
	serverMode: boolean;
	/** somebody is signed in */
	signedIn: boolean;
	/** the round's state on the server and the send (null when nobody is signed in) */
	submission: RoundSubmission | null;
}

const KEY = Symbol('round-server');

export function setRoundServer(value: RoundServer): void {
	setContext(KEY, value);
}

/** Browser-only mode when the page set nothing (the static site, unit tests). */
export function getRoundServer(): RoundServer {
	return (
		getContext<RoundServer | undefined>(KEY) ?? {
			serverMode: false,
			signedIn: false,
			submission: null
		}
	);
}
