/**
 * Steps 1–3 of the import pipeline (DESIGN.md §8), shared by the contract's
 * datasets (pipeline.ts) and by generic tables (generic.ts): bytes → a file
 * DuckDB can read with an explicit dialect, plus the problems found on the way.
 *
 * JS only decodes what it must: the head of a large UTF-8 file (DuckDB reads
 * the bytes), or the whole file for other encodings, in slices with pauses so
 * the page keeps answering while a big file is read.
 */
import type { Engine } from '../engine/types';
import { quoteLiteral } from '../engine/sql';
import { EngineError } from '../engine/types';
import { hasKey, tr, type Locale } from '../i18n';
import { formatNumber } from '../i18n/format';
import { decodeBytes, decodeBytesAsync, plausibleWindows1252, type Encoding } from './decode';
import { checkShape, CONTRACT_MAX_COLUMNS, unitWidthOf, type ShapeProblem } from './shape';
import { sniffDialect, type Delimiter, type Dialect } from './sniff';

export type Severity = 'error' | 'warning';

export interface ImportIssue {
	file: string;
	/** Line in the file (header = 1); null for a problem with the whole file. */
	line: number | null;
	/** The column as named in the file (or the canonical name when it is absent). */
	column: string | null;
	severity: Severity;
	code: string;
	/** Translated: what is wrong and what to do. */
	message: string;
}

export interface ReadOptions {
	fileName: string;
	bytes: Uint8Array;
	locale: Locale;
	/** Skip encoding detection. */
	encoding?: Encoding;
	/** Skip delimiter detection. */
	delimiter?: Delimiter;
	/** Yields to the page between slices of JS work (default: a macrotask). */
	pause?: () => Promise<void>;
	/** Most columns the header may have (default: the data contract's limit). */
	maxColumns?: number;
}

/** A decoded, sniffed file, ready to register with DuckDB. */
export interface CsvSource {
	file: string;
	encoding: Encoding;
	dialect: Dialect;
	/** The start of the text (BOM stripped): header, sniffing, preview. */
	headText: string;
	/** The whole text, when it was decoded in JS; null when DuckDB reads `buffer`. */
	text: string | null;
	/** UTF-8 bytes handed to DuckDB as they are (large files), or null. */
	buffer: Uint8Array | null;
	/** The file's bytes (without NUL padding at the end). */
	bytes: Uint8Array;
	/** Invalid UTF-8 sequences replaced by U+FFFD while decoding (0 when none). */
	replaced: number;
	/** Blank lines before the header (DuckDB's `skip`). */
	skip: number;
	/** Problems found while reading: warnings, or one error when `fatal`. */
	issues: ImportIssue[];
	/** The file cannot be read as CSV at all; `issues` says why. */
	fatal: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Bytes decoded in JS to sniff the dialect and read the header of a large file. */
export const HEAD_BYTES = 256 * 1024;

/** The start of the file, cut after a line break so no character is split. */
export function headOf(bytes: Uint8Array): Uint8Array {
	if (bytes.length <= HEAD_BYTES) return bytes;
	const lf = bytes.lastIndexOf(LF, HEAD_BYTES);
	return bytes.subarray(0, lf > 0 ? lf + 1 : HEAD_BYTES);
}

export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Non-UTF-8 bytes that do not read as Windows-1252 either (Shift-JIS, binary…). */
export class UnknownEncodingError extends Error {
	constructor() {
		super('unknown encoding');
		this.name = 'UnknownEncodingError';
	}
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------
// Line breaks, on text or (without decoding) on bytes

type Data = string | Uint8Array;

function accessors(data: Data) {
	if (typeof data === 'string') {
		return {
			at: (i: number) => data.charCodeAt(i),
			find: (c: number, from: number) => data.indexOf(String.fromCharCode(c), from)
		};
	}
	return { at: (i: number) => data[i], find: (c: number, from: number) => data.indexOf(c, from) };
}

/**
 * Number of lines before the trailing line breaks, counting LF (or CR for
 * old Mac files).
 */
export function countLines(data: Data): number {
	const { at, find } = accessors(data);
	let end = data.length;
	while (end > 0 && (at(end - 1) === LF || at(end - 1) === CR)) end--;
	if (end === 0) return 0;
	let breaks = 0;
	for (let i = find(LF, 0); i !== -1 && i < end; i = find(LF, i + 1)) breaks++;
	if (breaks === 0) {
		for (let i = find(CR, 0); i !== -1 && i < end; i = find(CR, i + 1)) breaks++;
	}
	return breaks + 1;
}

/** Empty lines at the very start (Excel sometimes leaves one above the header). */
export function leadingBlankLines(data: Data): number {
	const { at } = accessors(data);
	let lines = 0;
	let i = 0;
	for (;;) {
		const c = at(i);
		if (c === CR && at(i + 1) === LF) i += 2;
		else if (c === LF || c === CR) i++;
		else return lines;
		lines++;
	}
}

/**
 * Whether the file mixes line endings (`\n` and `\r\n`, or `\r` alone):
 * DuckDB's strict reader rejects that, so such text is normalised first.
 * Breaks inside quoted values count too, which can only cause a harmless
 * normalisation of a consistent file.
 */
export function mixedLineEndings(data: Data): boolean {
	const { at, find } = accessors(data);
	if (find(CR, 0) === -1) return false;
	let crlf = 0;
	let lf = 0;
	for (let i = find(LF, 0); i !== -1; i = find(LF, i + 1)) {
		if (i > 0 && at(i - 1) === CR) crlf++;
		else lf++;
	}
	if (crlf > 0 && lf > 0) return true;
	// Only CRs: consistent old-Mac text. CRLF everywhere: consistent.
	if (crlf === 0 && lf === 0) return false;
	let cr = 0;
	for (let i = find(CR, 0); i !== -1; i = find(CR, i + 1)) cr++;
	return cr !== crlf;
}

/**
 * Turns every line break outside quoted values into `\n`; breaks inside
 * quotes are content and stay as they are.
 */
export function normalizeLineBreaks(text: string, delimiter: Delimiter): string {
	const delim = delimiter.charCodeAt(0);
	const out: string[] = [];
	let from = 0;
	let i = 0;
	let fieldStart = true;
	const n = text.length;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (fieldStart && c === QUOTE) {
			// Skip a quoted value (`""` is a quote inside it).
			i++;
			for (;;) {
				const q = text.indexOf('"', i);
				if (q === -1) {
					i = n;
					break;
				}
				if (text.charCodeAt(q + 1) === QUOTE) {
					i = q + 2;
					continue;
				}
				i = q + 1;
				break;
			}
			fieldStart = false;
			continue;
		}
		if (c === CR) {
			out.push(text.slice(from, i), '\n');
			i += text.charCodeAt(i + 1) === LF ? 2 : 1;
			from = i;
			fieldStart = true;
			continue;
		}
		fieldStart = c === delim || c === LF;
		i++;
	}
	out.push(text.slice(from));
	return out.join('');
}

/**
 * Reads the quoted field whose opening quote is at `open`, as DuckDB does
 * (`""` is a quote inside it): `end` is the index just after its closing
 * quote (the text's end when it never closes), `breaks` the line breaks
 * inside it (CRLF counts once).
 */
export function skipQuoted(text: string, open: number): { end: number; breaks: number } {
	const n = text.length;
	let i = open + 1;
	let breaks = 0;
	for (;;) {
		const q = text.indexOf('"', i);
		const stop = q === -1 ? n : q;
		for (let j = i; j < stop; j++) {
			const x = text.charCodeAt(j);
			if (x === LF || (x === CR && text.charCodeAt(j + 1) !== LF)) breaks++;
		}
		if (q === -1) return { end: n, breaks };
		if (text.charCodeAt(q + 1) !== QUOTE) return { end: q + 1, breaks };
		i = q + 2;
	}
}

/**
 * The physical line on which each of DuckDB's "lines" starts: a record
 * (which may span lines inside quotes) or a blank line, header included.
 * DuckDB's "CSV Error on Line: N" counts these, not physical lines.
 */
export function readerLineStarts(text: string, delimiter: Delimiter): number[] {
	const delim = delimiter.charCodeAt(0);
	const starts: number[] = [];
	const n = text.length;
	let i = 0;
	let line = 1;
	const eol = () => {
		if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
		else i++;
		line++;
	};
	while (i < n) {
		starts.push(line);
		let fieldStart = true;
		while (i < n) {
			const ch = text.charCodeAt(i);
			if (fieldStart && ch === QUOTE) {
				const field = skipQuoted(text, i);
				i = field.end;
				line += field.breaks;
				fieldStart = false;
				continue;
			}
			if (ch === LF || ch === CR) break;
			fieldStart = ch === delim;
			i++;
		}
		if (i < n) eol();
	}
	return starts;
}

/**
 * Whether the first record opens a quoted value that never closes. DuckDB
 * does not check the header row, so a file such as `"hello⏎⏎ world` would
 * otherwise become one odd column name and no rows.
 */
export function firstRecordUnclosed(text: string, delimiter: Delimiter): boolean {
	const delim = delimiter.charCodeAt(0);
	let i = 0;
	while (text.charCodeAt(i) === CR || text.charCodeAt(i) === LF) i++;
	let fieldStart = true;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (fieldStart && c === QUOTE) {
			i++;
			for (;;) {
				const q = text.indexOf('"', i);
				if (q === -1) return true;
				if (text.charCodeAt(q + 1) === QUOTE) {
					i = q + 2;
					continue;
				}
				i = q + 1;
				break;
			}
			fieldStart = false;
			continue;
		}
		if (c === CR || c === LF) return false;
		fieldStart = c === delim;
		i++;
	}
	return false;
}

/** 1-based line of the character (or byte) at `index`. */
function lineAt(data: Data, index: number): number {
	const { find } = accessors(data);
	let line = 1;
	for (let i = find(LF, 0); i !== -1 && i < index; i = find(LF, i + 1)) line++;
	return line;
}

/**
 * Index of the first pair like `Ã±` or `â‚` in text read as Windows-1252: the
 * UTF-8 lead byte of a Latin letter or of punctuation followed by a
 * continuation byte, the mark of broken UTF-8 read as Windows-1252
 * (mojibake). Real Spanish text does not hold these pairs. -1 when none.
 */
export function utf8Mojibake(text: string): number {
	const m = MOJIBAKE.exec(text);
	return m ? m.index : -1;
}

/** What 0x80–0xBF (UTF-8 continuation bytes) become when read as Windows-1252. */
const CONTINUATION =
	'[\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178]';
/** `Ã±` (ñ), `Â°` (°), `â€œ` (“): the lead bytes of Latin letters and punctuation. */
const MOJIBAKE = new RegExp(`[\\u00c2\\u00c3\\u00e2]${CONTINUATION}`);

// ---------------------------------------------------------------------------
// Reading a file

export function makeIssue(
	locale: Locale,
	file: string,
	severity: Severity,
	code: string,
	key: string,
	params: Record<string, string | number> = {},
	line: number | null = null,
	column: string | null = null
): ImportIssue {
	return {
		file,
		line,
		column,
		severity,
		code,
		message: hasKey(key) ? tr(locale, key, { file, ...params }) : key
	};
}

const kilobytes = (bytes: number, locale: Locale) => formatNumber(Math.ceil(bytes / 1024), locale);

/** The file-level error for a file of the wrong shape (nothing of it was parsed). */
export function shapeIssue(locale: Locale, file: string, problem: ShapeProblem): ImportIssue {
	if (problem.kind === 'columns') {
		return makeIssue(
			locale,
			file,
			'error',
			'file_too_many_columns',
			'import.file.too_many_columns',
			{
				count: formatNumber(problem.count, locale),
				limit: formatNumber(problem.limit, locale)
			}
		);
	}
	return makeIssue(
		locale,
		file,
		'error',
		'file_line_too_long',
		'import.file.line_too_long',
		{
			line: problem.line,
			size: kilobytes(problem.bytes, locale),
			limit: kilobytes(problem.limit, locale)
		},
		problem.line
	);
}

/**
 * The file-level error for a file whose header is wider than
 * `opts.maxColumns` (default: the contract's limit) or that has a line
 * longer than `MAX_LINE_BYTES`, or null. Works on the bytes; `encoding` is the
 * one the head of the file decodes as (default: detected from it).
 */
export function shapeRefusal(
	opts: Pick<
		ReadOptions,
		'fileName' | 'bytes' | 'locale' | 'encoding' | 'delimiter' | 'maxColumns'
	>,
	encoding: Encoding = decodeBytes(headOf(opts.bytes), opts.encoding).encoding
): ImportIssue | null {
	const problem = checkShape(opts.bytes, unitWidthOf(encoding), {
		maxColumns: opts.maxColumns ?? CONTRACT_MAX_COLUMNS,
		delimiter: opts.delimiter
	});
	return problem && shapeIssue(opts.locale, opts.fileName, problem);
}

/**
 * Decodes and sniffs a file. Never throws for bad content: a file that is not
 * text (NUL bytes), not in an encoding we can tell, or of the wrong shape
 * (too many columns, too long a line: checked on the bytes, before anything
 * else reads them) comes back `fatal` with one clear error.
 */
export async function readSource(opts: ReadOptions): Promise<CsvSource> {
	const file = opts.fileName;
	const locale = opts.locale;
	const pause = opts.pause ?? nextTask;
	const issues: ImportIssue[] = [];
	const issue = (
		severity: Severity,
		code: string,
		key: string,
		params: Record<string, string | number> = {},
		line: number | null = null
	) => issues.push(makeIssue(locale, file, severity, code, key, params, line));

	let bytes = opts.bytes;
	const headBytes = headOf(bytes);
	const head = decodeBytes(headBytes, opts.encoding);
	let encoding = head.encoding;

	// Before anything reads the whole file: too many columns or too long a line.
	const shape = shapeRefusal(opts, encoding);
	if (shape) {
		issues.push(shape);
		return {
			file,
			encoding,
			dialect: sniffDialect(''),
			headText: '',
			text: null,
			buffer: null,
			bytes,
			replaced: 0,
			skip: 0,
			issues,
			fatal: true
		};
	}
	let buffer: Uint8Array | null = null;
	let text: string | null = null;
	let replaced = head.replaced ?? 0;
	if (headBytes.length < bytes.length && encoding === 'utf-8' && replaced === 0) {
		buffer = bytes;
	} else if (headBytes.length < bytes.length && encoding === 'utf-8-bom') {
		buffer = bytes.subarray(3);
	} else {
		const full =
			headBytes.length < bytes.length ? await decodeBytesAsync(bytes, opts.encoding, pause) : head;
		text = stripBom(full.text);
		encoding = full.encoding;
		replaced = full.replaced ?? 0;
	}

	const result = (fatal: boolean, headText = '', dialect = sniffDialect('')): CsvSource => ({
		file,
		encoding,
		dialect: opts.delimiter ? { ...dialect, delimiter: opts.delimiter } : dialect,
		headText,
		text,
		buffer,
		bytes,
		replaced,
		skip: 0,
		issues,
		fatal
	});

	if (encoding === 'windows-1252' && opts.encoding === undefined && !plausibleWindows1252(bytes)) {
		issue('error', 'encoding_unknown', 'import.file.encoding_unknown');
		return result(true);
	}

	// NUL bytes: padding at the end is dropped; anywhere else the file is not text.
	const data: Data = text ?? buffer ?? bytes;
	const nul = typeof data === 'string' ? data.indexOf('\0') : data.indexOf(0);
	if (nul !== -1) {
		let end = data.length;
		const { at } = accessors(data);
		while (end > nul && at(end - 1) === 0) end--;
		if (end === nul) {
			if (text !== null) text = text.slice(0, nul);
			if (buffer !== null) {
				bytes = bytes.subarray(0, bytes.length - (buffer.length - nul));
				buffer = buffer.subarray(0, nul);
			}
			issue('warning', 'nul_padding', 'import.file.nul_padding');
		} else {
			const line = lineAt(data, nul);
			issue('error', 'file_binary', 'import.file.binary', { line }, line);
			return result(true);
		}
	}

	if (encoding === 'windows-1252' && opts.encoding === undefined && text !== null) {
		const at = utf8Mojibake(text);
		if (at !== -1) {
			const line = lineAt(text, at);
			issue(
				'warning',
				'encoding_suspect',
				'import.file.encoding_suspect',
				{ line, sample: text.slice(at, at + 2) },
				line
			);
		}
	}

	if (replaced > 0) {
		const where = text ?? '';
		const at = where.indexOf('\uFFFD');
		const line = at === -1 ? null : lineAt(where, at);
		issue(
			'warning',
			'encoding_replaced',
			'import.file.encoding_replaced',
			{ count: replaced, line: line ?? 1 },
			line
		);
	}

	const headText = text ?? stripBom(head.text);
	let dialect = sniffDialect(headText);
	if (opts.delimiter) dialect = { ...dialect, delimiter: opts.delimiter };

	// DuckDB's strict reader refuses mixed line endings: normalise them in JS.
	if (mixedLineEndings(text ?? buffer ?? '')) {
		if (text === null) {
			text = (await decodeBytesAsync(buffer ?? bytes, 'utf-8', pause)).text;
			buffer = null;
		}
		text = normalizeLineBreaks(text, dialect.delimiter);
		dialect = { ...dialect, lineEnding: '\n' };
	}

	const source = result(false, headText, dialect);
	source.text = text;
	source.buffer = buffer;
	source.bytes = bytes;
	source.skip = leadingBlankLines(text ?? buffer ?? '');
	return source;
}

// ---------------------------------------------------------------------------
// DuckDB side

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

/** DuckDB error text → a readable reason and the line it names (if any). */
export interface ReadFailure {
	line: number | null;
	reason: string;
	/** The engine ran out of memory: the file is too big for this browser. */
	memory: boolean;
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

/** "CSV Error on Line: 3 … Expected Number of Columns: 2 Found: 3" → line and a translated reason. */
export function readFailure(locale: Locale, error: unknown): ReadFailure {
	const message = errorText(error);
	if (isOutOfMemory(error)) return { line: null, reason: '', memory: true };
	const lineMatch = /CSV Error on Line:\s*(\d+)/i.exec(message);
	const line = lineMatch ? Number(lineMatch[1]) : null;
	const cols = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(message);
	if (cols) {
		return {
			line,
			memory: false,
			reason: tr(locale, 'import.csv.columns', { expected: cols[1], found: cols[2] })
		};
	}
	if (/unterminated quote/i.test(message)) {
		return { line, memory: false, reason: tr(locale, 'import.csv.quote') };
	}
	if (/maximum line size/i.test(message)) {
		return { line, memory: false, reason: tr(locale, 'import.csv.line_size') };
	}
	if (/state machine|not RFC 4180|unescaped quote|quote/i.test(message)) {
		return { line, memory: false, reason: tr(locale, 'import.csv.invalid') };
	}
	const first = message.split('\n').find((l) => l.trim() !== '') ?? message;
	return { line, memory: false, reason: first.replace(/^[A-Za-z ]+Error:\s*/, '') };
}

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
		const f = readFailure(locale, error);
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
