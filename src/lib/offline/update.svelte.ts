/**
 * A new version of Integra waiting in the service worker (src/service-worker.ts).
 * The new worker installs and waits instead of taking over the open tabs; the
 * page shows a notice, and on the user's click asks the waiting worker to take
 * over and reloads once it controls the page. Until then the page keeps the
 * files of the version it was loaded with.
 */
export class WaitingVersion {
	/** A new version is installed and waits for this page to let it in. */
	available = $state(false);
	/** The user asked for it: waiting for the new worker to take control. */
	applying = $state(false);
	#registration: ServiceWorkerRegistration | undefined;

	/** Watches the registration (now, or once the layout registers it); returns a stop. */
	watch(): () => void {
		const container = navigator.serviceWorker;
		let stopped = false;
		const track = (registration: ServiceWorkerRegistration | undefined) => {
			if (stopped || !registration || this.#registration) return;
			this.#registration = registration;
			this.#check();
			this.#onUpdateFound(); // one may be installing already
			registration.addEventListener('updatefound', this.#onUpdateFound);
		};
		container.getRegistration().then((r) => (r ? track(r) : container.ready.then(track)));
		return () => {
			stopped = true;
			this.#registration?.removeEventListener('updatefound', this.#onUpdateFound);
		};
	}

	/** Lets the waiting version in, then reloads (at once if another tab already let it in). */
	apply(): void {
		const waiting = this.#registration?.waiting;
		this.applying = true;
		if (!waiting) {
			location.reload();
			return;
		}
		// Reload once the new version has taken over: the page's controller changes, or,
		// should that event not reach this page, the new worker reports itself activated.
		let reloaded = false;
		const reload = () => {
			if (reloaded) return;
			reloaded = true;
			location.reload();
		};
		navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
		waiting.addEventListener('statechange', () => {
			if (waiting.state === 'activated' || waiting.state === 'redundant') reload();
		});
		waiting.postMessage({ type: 'integra:activate' });
	}

	#onUpdateFound = () => {
		const installing = this.#registration?.installing;
		installing?.addEventListener('statechange', () => {
			if (installing.state === 'installed') this.#check();
		});
	};

	#check() {
		// With no controller this is the first install, not an update.
		if (this.#registration?.waiting && navigator.serviceWorker.controller) this.available = true;
	}
}
