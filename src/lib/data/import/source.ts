/**
 * Steps 1–2 of the import pipeline (DESIGN.md §8), shared by the contract's
 * datasets and by generic tables: bytes → a file DuckDB can read with an
 * explicit dialect, plus the problems found on the way.
 *
 * JS only decodes what it must: the head of a large UTF-8 file (DuckDB reads
 * the bytes), or the whole file for other encodings, in slices with pauses so
 * the page keeps answering while a big file is read.
 */
import type { Locale } from '../../i18n';
import { decodeBytes, decodeBytesAsync, plausibleWindows1252, type Encoding } from '../decode';
import { checkShape, CONTRACT_MAX_COLUMNS, unitWidthOf, type ShapeProblem } from '../shape';
import { sniffDialect, type Delimiter, type Dialect } from '../sniff';
import { makeIssue, type ImportIssue, type IssueParams, type Severity } from './issues';
import {
	accessors,
	headOf,
	leadingBlankLines,
	lineAt,
	mixedLineEndings,
	stripBom,
	type Data
} from './lines';
import { normalizeLineBreaks } from './scan';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

/** A size in kilobytes, formatted where the message is shown. */
const kilobytes = (bytes: number) => ({ number: Math.ceil(bytes / 1024) });

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
				count: { number: problem.count },
				limit: { number: problem.limit }
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
			size: kilobytes(problem.bytes),
			limit: kilobytes(problem.limit)
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
		params: IssueParams = {},
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
