import { goto } from '$app/navigation';
import type { MessageKey } from '$lib/i18n';
import { resolve } from '$app/paths';
import { engineState } from '$lib/engine/state.svelte';
import {
	EngineError,
	type Columns,
	type Engine,
	type ReadOnlyEngine,
	type ReadOnlyResult
} from '$lib/engine/types';
import { RecentQueries, splitStatements } from './console';

/** Most rows a console result keeps (the rest is not fetched; the CSV says so too). */
export const MAX_ROWS = 100_000;
/** Rows per page of the result table. */
export const RESULT_PAGE = 100;
/**
 * A console query is stopped after this long: before the engine's own
 * 30-second guard, which would restart the worker and reload every dataset.
 */
export const CONSOLE_TIMEOUT_MS = 20_000;

/** localStorage, or null where the browser refuses it (some private modes). */
function localStore(): Storage | null {
	try {
		return localStorage;
	} catch {
		return null;
	}
}

export interface ConsoleResult {
	data: Columns;
	truncated: boolean;
	ms: number;
	statements: number;
}

/** What a refusal of the engine means, in the user's words (DuckDB's own message stays below it). */
function hintFor(error: unknown): MessageKey | null {
	if (!(error instanceof EngineError)) return null;
	if (error.kind === 'read-only') return 'exp.console.readOnly';
	if (error.kind === 'refused') return 'exp.console.refused';
	if (/multiple statements/i.test(error.message)) return 'exp.console.oneAtATime';
	return null;
}

/**
 * The SQL console's state: the text, the run (stoppable, with a time
 * limit), the last result or DuckDB's error, and the recent queries kept in
 * this browser. A run writes the query into the URL (`?consulta=`), so the
 * address can be shared.
 */
export class SqlConsole {
	sql = $state('');
	running = $state(false);
	/** Raw: up to 100,000 rows that are replaced, never edited (no deep proxy). */
	result = $state.raw<ConsoleResult | null>(null);
	/** DuckDB's message, and what it means for the console when it refused the query. */
	error = $state<string | null>(null);
	errorHint = $state<MessageKey | null>(null);
	stopped = $state<'user' | 'timeout' | null>(null);
	page = $state(1);
	/** Runs started: none yet means the text is still the one the page opened with. */
	runs = $state(0);
	recent = $state.raw<readonly string[]>([]);
	#recentStore: RecentQueries | null = null;
	#controller: AbortController | null = null;

	constructor(initial: string) {
		this.sql = initial;
	}

	/** Reads the recent queries (browser only). */
	mount(): void {
		this.#recentStore = new RecentQueries(localStore());
		this.recent = this.#recentStore.items;
	}

	get pages(): number {
		return Math.max(1, Math.ceil((this.result?.data.length ?? 0) / RESULT_PAGE));
	}

	/** Runs every statement of the text in order; the last one's result is shown. */
	async run(): Promise<void> {
		const engine = engineState.engine as
			(Engine & ReadOnlyEngine & { warmUp?: () => Promise<void> }) | null;
		if (!engine || this.running) return;
		const statements = splitStatements(this.sql);
		this.error = null;
		this.errorHint = null;
		this.stopped = null;
		if (statements.length === 0) {
			this.result = null;
			return;
		}
		this.runs += 1;
		this.recent = this.#recentStore?.add(this.sql) ?? this.recent;
		void this.#share();
		this.running = true;
		// The time shown and the time limit are the query's, not the engine's start-up.
		await engine.warmUp?.().catch(() => {
			// a failed start fails the query below with its message
		});
		const controller = new AbortController();
		this.#controller = controller;
		const timer = setTimeout(() => controller.abort('timeout'), CONSOLE_TIMEOUT_MS);
		const started = performance.now();
		try {
			let last: ReadOnlyResult = { names: [], columns: [], length: 0, truncated: false };
			// One at a time, each in a read-only transaction of the engine's (queryReadOnly):
			// whatever the text holds, the loaded tables stay as they are.
			for (const statement of statements) {
				last = await engine.queryReadOnly(statement, {
					signal: controller.signal,
					maxRows: MAX_ROWS
				});
			}
			this.result = {
				data: last,
				truncated: last.truncated,
				ms: performance.now() - started,
				statements: statements.length
			};
			this.page = 1;
		} catch (error) {
			if (controller.signal.aborted) {
				this.stopped = controller.signal.reason === 'timeout' ? 'timeout' : 'user';
			} else {
				this.error = error instanceof Error ? error.message : String(error);
				this.errorHint = hintFor(error);
				// an older result under a failed query would read as its answer
				this.result = null;
			}
		} finally {
			clearTimeout(timer);
			this.running = false;
			this.#controller = null;
		}
	}

	stop(): void {
		this.#controller?.abort('user');
	}

	clearRecent(): void {
		this.recent = this.#recentStore?.clear() ?? [];
	}

	/** The console's query in the address bar (replacing the entry: running is not navigating). */
	#share(): Promise<void> {
		// a one-off copy to build the next address, not reactive state
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const p = new URLSearchParams(location.search);
		p.set('consulta', this.sql);
		// the same page with another query string: its path is resolved
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		return goto(`${resolve('/explorar')}?${p.toString()}`, {
			replaceState: true,
			keepFocus: true,
			noScroll: true
		});
	}
}
