/**
 * A draft's life with the page: saved when the page goes away or the tab is
 * hidden, caught up when the tab is shown again, and the browser's "leave
 * this page?" question only when leaving would lose changes.
 */
export interface PageLifecycle {
	/** Save now (the page is going away or hidden). */
	save: () => void;
	/** The tab is visible again: catch up with what other tabs stored. */
	shown: () => void;
	/** Whether leaving now would lose changes. */
	wouldLoseChanges: () => boolean;
}

/** Listens to the page; returns the teardown (which does not save: the caller does). */
export function watchPage(lifecycle: PageLifecycle): () => void {
	const onVisibility = () => {
		if (document.visibilityState === 'hidden') lifecycle.save();
		else lifecycle.shown();
	};
	const onBeforeUnload = (event: BeforeUnloadEvent) => {
		if (!lifecycle.wouldLoseChanges()) return;
		event.preventDefault();
		event.returnValue = ''; // older browsers ask only with a return value set
	};
	window.addEventListener('pagehide', lifecycle.save);
	window.addEventListener('beforeunload', onBeforeUnload);
	document.addEventListener('visibilitychange', onVisibility);
	return () => {
		window.removeEventListener('pagehide', lifecycle.save);
		window.removeEventListener('beforeunload', onBeforeUnload);
		document.removeEventListener('visibilitychange', onVisibility);
	};
}
