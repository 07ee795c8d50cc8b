/**
 * What an engine error means for an import: a file DuckDB could not read
 * (with the line it names), memory that ran out, or an engine that stopped.
 * Each becomes one file-level issue; nothing here translates.
 */
import { EngineError } from '../../engine/types';
import type { Locale } from '../../i18n';
import { makeIssue, type ImportIssue, type IssueParam } from './issues';

/** Non-UTF-8 bytes that do not read as Windows-1252 either (Shift-JIS, binary…). */
export class UnknownEncodingError extends Error {
	constructor() {
		super('unknown encoding');
		this.name = 'UnknownEncodingError';
	}
}

export function errorText(error: unknown): string {
	if (error instanceof EngineError) return error.message;
	return error instanceof Error ? error.message : String(error);
}

export function isOutOfMemory(error: unknown): boolean {
	return /out of memory|could not allocate|failed to allocate|memory access out of bounds|Aborted\(OOM\)|Array buffer allocation failed/i.test(
		errorText(error)
	);
}

/** An engine that stopped (crash, timeout) is a file-level error: the import loads nothing. */
export function engineStopped(error: unknown): boolean {
	return error instanceof EngineError && (error.kind === 'crashed' || error.kind === 'timeout');
}

/**
 * The engine ran out of memory on this file. In the browser the message
 * speaks of the memory the browser gives the engine; the command-line tools
 * (`cli`) run the same pipeline in Node, where there is no browser to blame.
 */
export function memoryIssue(locale: Locale, file: string, cli = false): ImportIssue {
	return makeIssue(
		locale,
		file,
		'error',
		'file_memory',
		cli ? 'import.file.memory_cli' : 'import.file.memory'
	);
}

/** DuckDB error text → a reason (a message key, or DuckDB's own words) and the line it names. */
export interface ReadFailure {
	line: number | null;
	reason: IssueParam;
	/** The engine ran out of memory: the file is too big for this browser. */
	memory: boolean;
}

/** "CSV Error on Line: 3 … Expected Number of Columns: 2 Found: 3" → line and reason. */
export function readFailure(error: unknown): ReadFailure {
	const message = errorText(error);
	if (isOutOfMemory(error)) return { line: null, reason: '', memory: true };
	const lineMatch = /CSV Error on Line:\s*(\d+)/i.exec(message);
	const line = lineMatch ? Number(lineMatch[1]) : null;
	const cols = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(message);
	const reason = (key: string, params?: Record<string, string>): ReadFailure => ({
		line,
		memory: false,
		reason: params ? { key, params } : { key }
	});
	if (cols) return reason('import.csv.columns', { expected: cols[1], found: cols[2] });
	if (/unterminated quote/i.test(message)) return reason('import.csv.quote');
	if (/maximum line size/i.test(message)) return reason('import.csv.line_size');
	if (/state machine|not RFC 4180|unescaped quote|quote/i.test(message)) {
		return reason('import.csv.invalid');
	}
	const first = message.split('\n').find((l) => l.trim() !== '') ?? message;
	return { line, memory: false, reason: first.replace(/^[A-Za-z ]+Error:\s*/, '') };
}

/**
 * The file-level issue of a failed engine call while reading or converting a
 * file, or null when the error is not about the file (then it is thrown on).
 * `readError` turns a CSV read failure into its issue (it knows the file's lines).
 */
export async function failureIssue(
	locale: Locale,
	file: string,
	error: unknown,
	cli: boolean | undefined,
	readError: ((error: unknown) => Promise<ImportIssue>) | null
): Promise<ImportIssue | null> {
	if (error instanceof UnknownEncodingError) {
		return makeIssue(locale, file, 'error', 'encoding_unknown', 'import.file.encoding_unknown');
	}
	if (engineStopped(error)) {
		return makeIssue(locale, file, 'error', 'engine_stopped', 'import.file.engine_stopped');
	}
	if (isOutOfMemory(error)) return memoryIssue(locale, file, cli);
	return readError ? readError(error) : null;
}
