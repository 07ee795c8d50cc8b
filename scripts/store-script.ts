/**
 * What the store's command-line scripts (db.ts, user.ts) share: opening the
 * server's store around their work, and turning their answer into an exit code.
 */
import { openStore, type StoreConfig } from '../src/lib/server/db/context';
import type { Store } from '../src/lib/server/db/store';

/**
 * Opens the store (applying the migrations, seeding a new embedded one),
 * runs `work` and closes the store whatever happens. The store's log goes
 * to stderr: stdout is the script's answer.
 */
export async function withStore<T>(
	config: StoreConfig,
	work: (store: Store) => Promise<T>
): Promise<T> {
	const store = await openStore(config, (line) => console.error(line));
	try {
		return await work(store);
	} finally {
		await store.close();
	}
}

/** Runs a script's `main` and exits with its code; an error prints its message and exits 1. */
export function runScript(main: () => Promise<number>): void {
	main().then(
		(code) => process.exit(code),
		(error) => {
			console.error(error instanceof Error ? error.message : error);
			process.exit(1);
		}
	);
}
