/**
 * Line-level facts about a file, on its text or (without decoding) on its
 * bytes: where its head ends, how many lines it has, blank lines above the
 * header, mixed line endings, and the line of a character.
 */
const LF = 0x0a;
const CR = 0x0d;

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

export type Data = string | Uint8Array;

export function accessors(data: Data) {
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
/** 1-based line of the character (or byte) at `index`. */
export function lineAt(data: Data, index: number): number {
	const { find } = accessors(data);
	let line = 1;
	for (let i = find(LF, 0); i !== -1 && i < index; i = find(LF, i + 1)) line++;
	return line;
}
