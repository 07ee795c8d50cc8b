/**
 * Step 1 of the CSV import pipeline (DESIGN.md §8): bytes → text.
 *
 * Pure and synchronous; runs in the browser and in Node 20. Detection order:
 * BOM → UTF-16 without BOM (alternating NULs) → strict UTF-8 → Windows-1252.
 *
 * Windows-1252 and UTF-16 are decoded with our own code, never with
 * `TextDecoder('windows-1252')`: Node 20 maps 0x80–0x9F of that label to the
 * C1 controls (as Latin-1), which turns Excel's `€ “ ” – …` into garbage.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodeResult {
	text: string;
	encoding: Encoding;
	/**
	 * Set (> 0) when the bytes were mostly UTF-8 but some were not: that many
	 * invalid sequences became U+FFFD. The import reports it as a warning.
	 */
	replaced?: number;
}

const LABELS: Record<Encoding, string> = {
	'utf-8': 'UTF-8',
	'utf-8-bom': 'UTF-8 con BOM',
	'utf-16le': 'UTF-16 LE',
	'utf-16be': 'UTF-16 BE',
	'windows-1252': 'Windows-1252'
};

/** A short, code-like name for the encoding (shown untranslated in the UI). */
export function encodingLabel(e: Encoding): string {
	return LABELS[e];
}

/**
 * Code points of the bytes 0x80–0x9F in Windows-1252 (WHATWG index). The five
 * bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the
 * C1 control with the same number, as the WHATWG Encoding Standard does.
 */
// prettier-ignore
const CP1252_80_9F: readonly number[] = [
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, // 80–87
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, // 88–8F
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, // 90–97
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178 // 98–9F
];

/** Byte → UTF-16 code unit for Windows-1252 (all 256 bytes defined). */
const WINDOWS_1252: Uint16Array = (() => {
	const table = new Uint16Array(256);
	for (let b = 0; b < 256; b++) table[b] = b;
	for (let i = 0; i < 32; i++) table[0x80 + i] = CP1252_80_9F[i];
	return table;
})();

/** Largest argument list handed to `String.fromCharCode` at once. */
const CHUNK = 8192;

function codeUnitsToString(units: Uint16Array, length: number): string {
	// `apply` accepts any array-like; typed arrays avoid an intermediate Array.
	return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
}

/** Decodes Windows-1252 bytes with the table above, in chunks. */
function decodeWindows1252(bytes: Uint8Array): string {
	const parts: string[] = [];
	const buf = new Uint16Array(CHUNK);
	const n = bytes.length;
	for (let start = 0; start < n; start += CHUNK) {
		const len = Math.min(CHUNK, n - start);
		for (let j = 0; j < len; j++) buf[j] = WINDOWS_1252[bytes[start + j]];
		parts.push(codeUnitsToString(buf, len));
	}
	return parts.join('');
}

/**
 * Decodes UTF-16 code units by hand (so UTF-16 BE does not depend on the ICU
 * data of the runtime). A dangling odd byte becomes U+FFFD; unpaired surrogates
 * are kept as they are.
 */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
	const parts: string[] = [];
	const buf = new Uint16Array(CHUNK);
	const units = bytes.length >> 1;
	const lo = littleEndian ? 0 : 1;
	const hi = littleEndian ? 1 : 0;
	for (let start = 0; start < units; start += CHUNK) {
		const len = Math.min(CHUNK, units - start);
		for (let j = 0; j < len; j++) {
			const p = (start + j) * 2;
			buf[j] = bytes[p + lo] | (bytes[p + hi] << 8);
		}
		parts.push(codeUnitsToString(buf, len));
	}
	if (bytes.length & 1) parts.push('\uFFFD');
	return parts.join('');
}

function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
	// ignoreBOM: the caller strips a BOM itself, a second one is content.
	return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
}

function bomOf(bytes: Uint8Array): 'utf-8-bom' | 'utf-16le' | 'utf-16be' | null {
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return 'utf-8-bom';
	}
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** Bytes to skip for a BOM that matches the (forced) encoding. */
function matchingBomLength(bytes: Uint8Array, encoding: Encoding): number {
	const bom = bomOf(bytes);
	if (bom === null) return 0;
	if (bom === 'utf-8-bom') return encoding === 'utf-8' || encoding === 'utf-8-bom' ? 3 : 0;
	return bom === encoding ? 2 : 0;
}

/** Bytes looked at to guess UTF-16 without a BOM. */
const SNIFF_BYTES = 4096;
/** Share of NULs at even (BE) or odd (LE) positions that means UTF-16. */
const NUL_SHARE = 0.4;

/**
 * UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte —
 * at odd positions for LE (`41 00`), at even ones for BE (`00 41`).
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
	if (n < 4) return null;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenNul++;
		if (bytes[i + 1] === 0) oddNul++;
	}
	const pairs = n / 2;
	const even = evenNul / pairs;
	const odd = oddNul / pairs;
	if (odd > NUL_SHARE && odd > 2 * even) return 'utf-16le';
	if (even > NUL_SHARE && even > 2 * odd) return 'utf-16be';
	return null;
}

function decodeAs(bytes: Uint8Array, encoding: Encoding, fatal: boolean): string {
	switch (encoding) {
		case 'utf-8':
		case 'utf-8-bom':
			return decodeUtf8(bytes, fatal);
		case 'utf-16le':
			return decodeUtf16(bytes, true);
		case 'utf-16be':
			return decodeUtf16(bytes, false);
		case 'windows-1252':
			return decodeWindows1252(bytes);
	}
}

/**
 * Counts, in bytes that are not valid UTF-8, the well-formed multi-byte
 * sequences and the invalid ones. A Windows-1252 file practically never holds
 * a well-formed sequence (it would need `Ã±`-like pairs), so a file with more
 * well-formed sequences than broken ones is UTF-8 with a few bad bytes, and
 * reading it as Windows-1252 would turn every `ñ` into `Ã±`.
 */
export function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
	let valid = 0;
	let invalid = 0;
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		const len =
			b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		let ok = len > 0 && i + len <= n;
		for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
		if (ok) {
			valid++;
			i += len;
		} else {
			invalid++;
			i++;
		}
	}
	return { valid, invalid };
}

/** Bytes 0x80–0x9F that Windows-1252 leaves undefined: no Excel file holds them. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Whether bytes that are not UTF-8 read sensibly as Windows-1252 (or Latin-1).
 * In Spanish or other Western text, non-ASCII bytes are a small share of the
 * letters; in Shift-JIS, GBK or binary data they are most of them, and some
 * fall on the bytes Windows-1252 does not define. Decoding such a file as
 * Windows-1252 would be silent mojibake, so the import asks instead.
 */
export function plausibleWindows1252(bytes: Uint8Array): boolean {
	let high = 0;
	let letters = 0;
	const n = Math.min(bytes.length, 1 << 20);
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b >= 0x80) {
			if (CP1252_UNDEFINED.has(b)) return false;
			high++;
		} else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) {
			letters++;
		}
	}
	return high < 8 || high / (high + letters) <= 0.35;
}

/** Bytes that are not strict UTF-8: mostly-UTF-8 with a few bad bytes, or Windows-1252. */
function decodeNotUtf8(bytes: Uint8Array): DecodeResult {
	const { valid, invalid } = utf8Sequences(bytes);
	if (valid > 0 && valid >= invalid) {
		return { text: decodeUtf8(bytes, false), encoding: 'utf-8', replaced: invalid };
	}
	return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/**
 * Decodes a file's bytes to text and says which encoding was used.
 *
 * - With a BOM (EF BB BF, FF FE, FE FF) the BOM decides and is stripped.
 * - Else, mostly alternating NULs in the first 4 KB → UTF-16 LE/BE.
 * - Else strict UTF-8; if that fails, UTF-8 with U+FFFD for the bad bytes when
 *   most multi-byte sequences are well formed (`replaced` says how many were
 *   not), else Windows-1252 (never fails).
 *
 * `forced` skips detection; a BOM that matches it is still stripped. A forced
 * UTF-8 is decoded leniently (invalid bytes become U+FFFD).
 */
export function decodeBytes(bytes: Uint8Array, forced?: Encoding): DecodeResult {
	if (forced !== undefined) {
		const skip = matchingBomLength(bytes, forced);
		return { text: decodeAs(bytes.subarray(skip), forced, false), encoding: forced };
	}
	const bom = bomOf(bytes);
	if (bom !== null) {
		const skip = bom === 'utf-8-bom' ? 3 : 2;
		return { text: decodeAs(bytes.subarray(skip), bom, false), encoding: bom };
	}
	const utf16 = guessUtf16(bytes);
	if (utf16 !== null) return { text: decodeAs(bytes, utf16, false), encoding: utf16 };
	try {
		return { text: decodeUtf8(bytes, true), encoding: 'utf-8' };
	} catch {
		return decodeNotUtf8(bytes);
	}
}

/** Slice size for `decodeBytesAsync`: a few milliseconds of work each. */
const ASYNC_SLICE = 4 * 1024 * 1024;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * `decodeBytes` for large files, in slices with a pause between them, so the
 * page keeps answering clicks while a 60 MB file is decoded. Same result.
 */
export async function decodeBytesAsync(
	bytes: Uint8Array,
	forced?: Encoding,
	pause: () => Promise<void> = nextTask
): Promise<DecodeResult> {
	if (bytes.length <= ASYNC_SLICE) return decodeBytes(bytes, forced);
	let encoding: Encoding;
	let body: Uint8Array;
	if (forced !== undefined) {
		encoding = forced;
		body = bytes.subarray(matchingBomLength(bytes, forced));
	} else {
		const bom = bomOf(bytes);
		const utf16 = bom === null ? guessUtf16(bytes) : null;
		encoding = bom ?? utf16 ?? 'utf-8';
		body = bom === null ? bytes : bytes.subarray(bom === 'utf-8-bom' ? 3 : 2);
	}
	const parts: string[] = [];
	if (encoding === 'windows-1252') {
		for (let at = 0; at < body.length; at += ASYNC_SLICE) {
			parts.push(decodeWindows1252(body.subarray(at, at + ASYNC_SLICE)));
			await pause();
		}
		return { text: parts.join(''), encoding };
	}
	if (encoding === 'utf-16le' || encoding === 'utf-16be') {
		for (let at = 0; at < body.length; at += ASYNC_SLICE) {
			// ASYNC_SLICE is even, so no code unit is split (a final odd byte is handled inside).
			parts.push(decodeUtf16(body.subarray(at, at + ASYNC_SLICE), encoding === 'utf-16le'));
			await pause();
		}
		return { text: parts.join(''), encoding };
	}
	// UTF-8: strict unless forced (forced UTF-8 is lenient), streamed across slices.
	const strict = forced === undefined;
	const decoder = new TextDecoder('utf-8', { fatal: strict, ignoreBOM: true });
	try {
		for (let at = 0; at < body.length; at += ASYNC_SLICE) {
			parts.push(decoder.decode(body.subarray(at, at + ASYNC_SLICE), { stream: true }));
			await pause();
		}
		parts.push(decoder.decode());
		return { text: parts.join(''), encoding };
	} catch {
		// Not UTF-8: decide as decodeBytes does, then decode in slices.
		const { valid, invalid } = utf8Sequences(body);
		await pause();
		if (valid > 0 && valid >= invalid) {
			const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
			const out: string[] = [];
			for (let at = 0; at < body.length; at += ASYNC_SLICE) {
				out.push(lenient.decode(body.subarray(at, at + ASYNC_SLICE), { stream: true }));
				await pause();
			}
			out.push(lenient.decode());
			return { text: out.join(''), encoding: 'utf-8', replaced: invalid };
		}
		return decodeBytesAsync(body, 'windows-1252', pause);
	}
}
