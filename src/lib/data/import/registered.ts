/**
 * A decoded file registered with DuckDB. Reads go through `read`, which
 * recovers when DuckDB finds invalid UTF-8 late in a large file (only its
 * head was checked in JS): the file is then decoded in JS and registered again.
 */
import { quoteLiteral } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import type { Locale } from '../../i18n';
import { decodeBytesAsync, plausibleWindows1252, type Encoding } from '../decode';
import { errorText, memoryIssue, readFailure, UnknownEncodingError } from './failure';
import { makeIssue, type ImportIssue } from './issues';
import { mixedLineEndings, stripBom } from './lines';
import { normalizeLineBreaks, readerLineStarts } from './scan';
import type { CsvSource } from './source';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A source registered with DuckDB under `ref`. `read` runs statements that
 * read the file; if DuckDB finds invalid UTF-8 late in a large file (only
 * the head was checked), the file is decoded in JS and registered again.
 */
export class RegisteredSource {
	constructor(
		readonly engine: Engine,
		readonly source: CsvSource,
		readonly ref: string,
		private readonly forced: Encoding | undefined,
		private readonly pause: () => Promise<void> = nextTask
	) {}

	async register(): Promise<void> {
		const { buffer, text } = this.source;
		// The browser adapter transfers the buffer to the worker (it is detached
		// here afterwards), and the caller keeps the bytes: hand over a copy.
		if (buffer) await this.engine.registerBuffer(this.ref, buffer.slice());
		else await this.engine.registerText(this.ref, text ?? '');
	}

	/** The whole text (decoding a large UTF-8 file on first use). */
	async fullText(): Promise<string> {
		if (this.source.text === null) {
			this.source.text = stripBom(
				(await decodeBytesAsync(this.source.buffer ?? this.source.bytes, 'utf-8', this.pause)).text
			);
		}
		return this.source.text;
	}

	/** `read_csv(…)` of this source: every column as text (unless `types` says otherwise), in file order. */
	readCsv(
		columns: readonly string[],
		header: boolean,
		keepEmptyQuoted = false,
		types: Readonly<Record<string, 'DATE' | 'DOUBLE'>> = {}
	): string {
		const { dialect, skip } = this.source;
		const list = columns.map((c) => `${quoteLiteral(c)}: '${types[c] ?? 'VARCHAR'}'`).join(', ');
		return `read_csv(${quoteLiteral(this.ref)}, header = ${header}, skip = ${skip}, auto_detect = false,
	delim = ${quoteLiteral(dialect.delimiter)}, quote = '"', escape = '"', strict_mode = true,
	${keepEmptyQuoted ? 'allow_quoted_nulls = false, ' : ''}columns = {${list}})`;
	}

	async read<T>(fn: () => Promise<T>): Promise<T> {
		try {
			return await fn();
		} catch (error) {
			if (this.source.buffer === null || !/invalid unicode/i.test(errorText(error))) throw error;
			const full = await decodeBytesAsync(this.source.bytes, this.forced, this.pause);
			if (
				full.encoding === 'windows-1252' &&
				this.forced === undefined &&
				!plausibleWindows1252(this.source.bytes)
			) {
				throw new UnknownEncodingError();
			}
			this.source.text = stripBom(full.text);
			this.source.encoding = full.encoding;
			this.source.replaced = full.replaced ?? 0;
			this.source.buffer = null;
			if (mixedLineEndings(this.source.text)) {
				this.source.text = normalizeLineBreaks(this.source.text, this.source.dialect.delimiter);
			}
			await this.engine.dropFile(this.ref);
			await this.register();
			return await fn();
		}
	}

	/** DuckDB's line number (records, not physical lines) → the line in the file. */
	async physicalLine(readerLine: number): Promise<number> {
		const text = await this.fullText();
		const starts = readerLineStarts(text, this.source.dialect.delimiter);
		return starts[readerLine - 1] ?? readerLine;
	}

	/**
	 * One file-level error for a failed read: memory, or a CSV problem with its
	 * line. `cli`: the message is for the command line (see `memoryIssue`).
	 */
	async failure(locale: Locale, error: unknown, cli = false): Promise<ImportIssue> {
		const f = readFailure(error);
		const file = this.source.file;
		if (f.memory) return memoryIssue(locale, file, cli);
		if (f.line === null) {
			return makeIssue(locale, file, 'error', 'file_unreadable', 'import.file.unreadable_noline', {
				reason: f.reason
			});
		}
		const line = await this.physicalLine(f.line).catch(() => f.line as number);
		return makeIssue(
			locale,
			file,
			'error',
			'file_unreadable',
			'import.file.unreadable',
			{ reason: f.reason, line },
			line
		);
	}

	async drop(): Promise<void> {
		await this.engine.dropFile(this.ref).catch(() => {});
	}
}
