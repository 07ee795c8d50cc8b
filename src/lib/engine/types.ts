/** A plain result row: numbers (never BigInt), strings, booleans, null. Dates are ISO strings. */
export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/** A parameterised statement. SQL builders return this; user text only ever travels in `params`. */
export interface SqlQuery {
	sql: string;
	params: Value[];
}

/** A result read column-wise, for callers that want to avoid building row objects. */
export interface Columns {
	names: string[];
	columns: Value[][];
	length: number;
}

/**
 * The one interface every part of Integra uses to talk to DuckDB. The browser
 * adapter runs a worker; the Node adapter runs the blocking build of the same
 * package, so the same SQL gives the same numbers in both.
 */
export interface Engine {
	/** Run one statement with bound parameters and return plain rows. */
	query(sql: string, params?: Value[]): Promise<Row[]>;
	/** Same as `query`, but column-wise (cheaper for large results). */
	queryColumns(sql: string, params?: Value[]): Promise<Columns>;
	/** Run statements that return nothing of interest (DDL, SET, several `;`-separated). */
	exec(sql: string): Promise<void>;
	/** Make text visible to `read_csv('name')`. */
	registerText(name: string, text: string): Promise<void>;
	/** Make bytes visible to `read_csv('name')`. */
	registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
	/** Forget a registered file. */
	dropFile(name: string): Promise<void>;
	/** A query's result as an Arrow IPC stream, types kept (e.g. to snapshot a table). */
	exportArrow(sql: string): Promise<Uint8Array>;
	/** Append an Arrow IPC stream to an existing table, whose columns it must match. */
	importArrow(table: string, ipc: Uint8Array): Promise<void>;
	/** Release the database (and terminate the worker, in the browser). */
	close(): Promise<void>;
	/**
	 * Plan a statement ahead of its first run and keep it, as a statement run
	 * twice is kept, so that run is not planned on the path of a click. Only
	 * where planning costs (the browser); resolves once kept, and never
	 * rejects: a statement that cannot be planned fails when it is run.
	 */
	plan?(sql: string): Promise<void>;
}

/** Options of `queryReadOnly`. */
export interface ReadOnlyOptions {
	/** Aborting it stops the query (where the adapter can interrupt one: the browser). */
	signal?: AbortSignal;
	/** Read at most this many rows (more are not fetched); `truncated` then says so. */
	maxRows?: number;
}

export type ReadOnlyResult = Columns & { truncated: boolean };

/** What runs someone else's SQL (the console) needs beyond `Engine`. */
export interface ReadOnlyEngine {
	/**
	 * Runs one statement on a connection of its own, in a read-only
	 * transaction: no statement, however wrapped, changes a loaded table.
	 * Two statements at once are refused. Rejects with `QueryStopped` when
	 * stopped through `signal`.
	 */
	queryReadOnly(sql: string, opts?: ReadOnlyOptions): Promise<ReadOnlyResult>;
}

/** A query that was stopped on purpose (its signal was aborted). */
export class QueryStopped extends Error {
	constructor() {
		super('The query was stopped.');
		this.name = 'QueryStopped';
	}
}

/**
 * timeout and crashed restart the engine; start: the wasm did not start;
 * load: the datasets did not load; read-only: a statement tried to write
 * where only reading is allowed; refused: a file, URL, extension or setting
 * that the locked engine does not allow.
 */
export type EngineErrorKind =
	'timeout' | 'crashed' | 'start' | 'load' | 'sql' | 'extension' | 'read-only' | 'refused';

/** An error the UI can show as it is: `message` is already readable, `kind` says what happened. */
export class EngineError extends Error {
	readonly kind: EngineErrorKind;
	constructor(kind: EngineErrorKind, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'EngineError';
		this.kind = kind;
	}
}
