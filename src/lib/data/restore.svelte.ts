/**
 * What the last replay of the user's imports did (replay.ts), for the data
 * page: which files could not be restored and why. Reactive, so the page
 * shows it even when a restart happens while it is open.
 */
export interface RestoreProblem {
	fileName: string;
	/** What it was loaded as: a dataset name or `table:<name>`. */
	target: string;
	/** Translated message (import report or engine error). */
	message: string;
	/** Skipped because it stopped the engine before; it is kept, and can be tried again. */
	stopped?: boolean;
}

export const restoreState = $state<{
	/** Entries replayed on the current engine. */
	restored: number;
	problems: RestoreProblem[];
	/** Bumped when the log changes (an import, a removal): lists re-read it. */
	logVersion: number;
}>({ restored: 0, problems: [], logVersion: 0 });
