import { describe, it, expect } from 'vitest';
import {
	decodeBytes,
	decodeBytesAsync,
	encodingLabel,
	plausibleWindows1252,
	utf8Sequences,
	type Encoding
} from './decode';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

/** ASCII text to UTF-16 bytes, written out by hand (no TextEncoder for UTF-16). */
function utf16(text: string, littleEndian: boolean): number[] {
	const out: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (littleEndian) out.push(c & 0xff, c >> 8);
		else out.push(c >> 8, c & 0xff);
	}
	return out;
}

describe('decodeBytes: Windows-1252', () => {
	it('decodes Excel punctuation and Spanish letters with our own table', () => {
		// € sp “ ” sp – sp … sp A ñ ó n
		// prettier-ignore
		const input = bytes(0x80, 0x20, 0x93, 0x94, 0x20, 0x96, 0x20, 0x85, 0x20, 0x41, 0xf1, 0xf3, 0x6e);
		expect(decodeBytes(input)).toEqual({
			text: '\u20ac \u201c\u201d \u2013 \u2026 A\u00f1\u00f3n',
			encoding: 'windows-1252'
		});
		expect(decodeBytes(input).text).toBe('€ “” – … Añón');
	});

	// Every byte of 0x80–0x9F, by hand from the cp1252 table.
	const table: [number, string][] = [
		[0x80, '\u20ac'],
		[0x81, '\u0081'],
		[0x82, '\u201a'],
		[0x83, '\u0192'],
		[0x84, '\u201e'],
		[0x85, '\u2026'],
		[0x86, '\u2020'],
		[0x87, '\u2021'],
		[0x88, '\u02c6'],
		[0x89, '\u2030'],
		[0x8a, '\u0160'],
		[0x8b, '\u2039'],
		[0x8c, '\u0152'],
		[0x8d, '\u008d'],
		[0x8e, '\u017d'],
		[0x8f, '\u008f'],
		[0x90, '\u0090'],
		[0x91, '\u2018'],
		[0x92, '\u2019'],
		[0x93, '\u201c'],
		[0x94, '\u201d'],
		[0x95, '\u2022'],
		[0x96, '\u2013'],
		[0x97, '\u2014'],
		[0x98, '\u02dc'],
		[0x99, '\u2122'],
		[0x9a, '\u0161'],
		[0x9b, '\u203a'],
		[0x9c, '\u0153'],
		[0x9d, '\u009d'],
		[0x9e, '\u017e'],
		[0x9f, '\u0178'],
		// Latin-1 range, same code point.
		[0xa0, '\u00a0'],
		[0xc1, 'Á'],
		[0xd1, 'Ñ'],
		[0xe9, 'é'],
		[0xfc, 'ü'],
		[0xff, 'ÿ']
	];
	const rows = table.map(([b, ch]) => [b.toString(16).toUpperCase(), b, ch] as const);
	it.each(rows)('byte 0x%s decodes to its cp1252 character', (_hex, b, expected) => {
		// 'x' + byte keeps the input invalid UTF-8 for every byte >= 0x80.
		expect(decodeBytes(bytes(0x78, b))).toEqual({ text: 'x' + expected, encoding: 'windows-1252' });
	});

	it('reads mostly-UTF-8 bytes with one bad byte as UTF-8, not as mojibake', () => {
		// "Año;" in UTF-8, then a lone 0xE9: reading it all as cp1252 would give "AÃ±o;é".
		const input = bytes(0x41, 0xc3, 0xb1, 0x6f, 0x3b, 0xe9);
		expect(decodeBytes(input)).toEqual({ text: 'Año;\ufffd', encoding: 'utf-8', replaced: 1 });
	});

	it('keeps Windows-1252 when the non-UTF-8 bytes outnumber the well-formed sequences', () => {
		// "Añón" in cp1252 (F1 F3 are two invalid sequences), plus "€" in UTF-8 (one valid).
		const input = bytes(0x41, 0xf1, 0xf3, 0x6e, 0x3b, 0xe2, 0x82, 0xac);
		expect(decodeBytes(input)).toEqual({ text: 'Añón;â‚¬', encoding: 'windows-1252' });
	});
});

describe('decodeBytes: UTF-8', () => {
	const cases: [string, number[], string, Encoding][] = [
		['plain ASCII', [0x61, 0x2c, 0x62, 0x0a], 'a,b\n', 'utf-8'],
		['UTF-8 without BOM', [0x41, 0xc3, 0xb1, 0x6f, 0x20, 0xe2, 0x82, 0xac], 'Año €', 'utf-8'],
		[
			'UTF-8 with BOM (stripped)',
			[0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xb1, 0x6f, 0x20, 0xe2, 0x82, 0xac],
			'Año €',
			'utf-8-bom'
		],
		['only a BOM', [0xef, 0xbb, 0xbf], '', 'utf-8-bom'],
		['4-byte UTF-8 (emoji)', [0xf0, 0x9f, 0x98, 0x80], '\u{1f600}', 'utf-8'],
		['empty input', [], '', 'utf-8']
	];
	it.each(cases)('%s', (_name, input, text, encoding) => {
		expect(decodeBytes(bytes(...input))).toEqual({ text, encoding });
	});

	it('keeps a second BOM as content', () => {
		const input = bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61);
		expect(decodeBytes(input)).toEqual({ text: '\ufeffa', encoding: 'utf-8-bom' });
	});
});

describe('decodeBytes: UTF-16', () => {
	it('decodes UTF-16 LE with BOM (Excel "Texto Unicode")', () => {
		// FF FE, then "ubigeo\tnombre\r\n150101\tLima\r\n" with Año -> A 00 F1 00 6F 00
		const input = bytes(
			0xff,
			0xfe,
			...utf16('ubigeo\tnombre\r\n150101\tLima A', true),
			0xf1,
			0x00,
			0x6f,
			0x00,
			0xac,
			0x20, // U+20AC €
			0x0d,
			0x00,
			0x0a,
			0x00
		);
		expect(decodeBytes(input)).toEqual({
			text: 'ubigeo\tnombre\r\n150101\tLima Año€\r\n',
			encoding: 'utf-16le'
		});
	});

	it('decodes UTF-16 BE with BOM', () => {
		const input = bytes(0xfe, 0xff, ...utf16('a;b', false), 0x00, 0xf1, 0x20, 0xac);
		expect(decodeBytes(input)).toEqual({ text: 'a;bñ€', encoding: 'utf-16be' });
	});

	it('decodes a surrogate pair', () => {
		// U+1F600 = D83D DE00
		const input = bytes(0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde);
		expect(decodeBytes(input).text).toBe('\u{1f600}');
	});

	it('detects UTF-16 LE and BE without a BOM', () => {
		const text = 'ubigeo,nombre\n150101,Lima\n';
		expect(decodeBytes(bytes(...utf16(text, true)))).toEqual({ text, encoding: 'utf-16le' });
		expect(decodeBytes(bytes(...utf16(text, false)))).toEqual({ text, encoding: 'utf-16be' });
	});

	it('turns a dangling odd byte into U+FFFD', () => {
		expect(decodeBytes(bytes(0xff, 0xfe, 0x61, 0x00, 0x62)).text).toBe('a\ufffd');
	});

	it('does not take a few NULs in UTF-8 for UTF-16', () => {
		expect(decodeBytes(bytes(0x61, 0x00, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67))).toEqual({
			text: 'a\u0000bcdefg',
			encoding: 'utf-8'
		});
	});
});

describe('decodeBytes: forced encoding', () => {
	const cases: [string, number[], Encoding, string][] = [
		// Valid UTF-8 "ñ" read as cp1252 is mojibake, as asked.
		['UTF-8 bytes forced to 1252', [0xc3, 0xb1], 'windows-1252', 'Ã±'],
		// A UTF-8 BOM does not match 1252, so it stays (as ï»¿).
		['UTF-8 BOM forced to 1252', [0xef, 0xbb, 0xbf, 0x61], 'windows-1252', 'ï»¿a'],
		['matching BOM stripped (utf-8)', [0xef, 0xbb, 0xbf, 0x61], 'utf-8', 'a'],
		['matching BOM stripped (utf-8-bom)', [0xef, 0xbb, 0xbf, 0x61], 'utf-8-bom', 'a'],
		['utf-8-bom without a BOM', [0x61, 0x62], 'utf-8-bom', 'ab'],
		['forced utf-8 is lenient', [0x61, 0x93, 0x62], 'utf-8', 'a\ufffdb'],
		['matching BOM stripped (utf-16le)', [0xff, 0xfe, 0x61, 0x00], 'utf-16le', 'a'],
		['matching BOM stripped (utf-16be)', [0xfe, 0xff, 0x00, 0x61], 'utf-16be', 'a'],
		['utf-16le without BOM', [0x61, 0x00, 0x62, 0x00], 'utf-16le', 'ab'],
		['utf-16be forced on LE-looking bytes', [0x61, 0x00], 'utf-16be', '\u6100'],
		['cp1252 bytes forced (0x80 -> €)', [0x80], 'windows-1252', '€'],
		['empty input forced', [], 'utf-16le', '']
	];
	it.each(cases)('%s', (_name, input, forced, text) => {
		expect(decodeBytes(bytes(...input), forced)).toEqual({ text, encoding: forced });
	});
});

describe('decodeBytes: large input', () => {
	it('decodes 5 MB of cp1252 in chunks, correctly', () => {
		// Line "Añón;“12,5”;€\n" in cp1252 = 14 bytes; repeat to > 5 MB.
		const line = [
			0x41, 0xf1, 0xf3, 0x6e, 0x3b, 0x93, 0x31, 0x32, 0x2c, 0x35, 0x94, 0x3b, 0x80, 0x0a
		];
		const repeats = Math.ceil((5 * 1024 * 1024) / line.length);
		const input = new Uint8Array(line.length * repeats);
		for (let r = 0; r < repeats; r++) input.set(line, r * line.length);

		const { text, encoding } = decodeBytes(input);
		expect(encoding).toBe('windows-1252');
		expect(text.length).toBe(input.length);
		const expectedLine = 'Añón;“12,5”;€\n';
		expect(text.slice(0, 28)).toBe(expectedLine + expectedLine);
		// Around a chunk boundary (8192) and at the end.
		const at = 8192 - (8192 % line.length);
		expect(text.slice(at, at + line.length)).toBe(expectedLine);
		expect(text.slice(-line.length)).toBe(expectedLine);
		expect(text.split('€').length - 1).toBe(repeats);
	});

	it('decodes 5 MB of UTF-16 LE', () => {
		const unit = utf16('150101\tLima\r\n', true);
		const repeats = Math.ceil((5 * 1024 * 1024) / unit.length);
		const input = new Uint8Array(2 + unit.length * repeats);
		input.set([0xff, 0xfe]);
		for (let r = 0; r < repeats; r++) input.set(unit, 2 + r * unit.length);
		const { text, encoding } = decodeBytes(input);
		expect(encoding).toBe('utf-16le');
		expect(text.length).toBe((input.length - 2) / 2);
		expect(text.slice(-13)).toBe('150101\tLima\r\n');
		expect(text.split('\r\n').length - 1).toBe(repeats);
	});
});

describe('encodingLabel', () => {
	const cases: [Encoding, string][] = [
		['utf-8', 'UTF-8'],
		['utf-8-bom', 'UTF-8 con BOM'],
		['utf-16le', 'UTF-16 LE'],
		['utf-16be', 'UTF-16 BE'],
		['windows-1252', 'Windows-1252']
	];
	it.each(cases)('%s -> %s', (e, label) => {
		expect(encodingLabel(e)).toBe(label);
	});
});

describe('utf8Sequences', () => {
	const cases: [string, number[], { valid: number; invalid: number }][] = [
		['ASCII only', [0x61, 0x62], { valid: 0, invalid: 0 }],
		['ñ and € in UTF-8', [0xc3, 0xb1, 0xe2, 0x82, 0xac], { valid: 2, invalid: 0 }],
		['cp1252 Añón', [0x41, 0xf1, 0xf3, 0x6e], { valid: 0, invalid: 2 }],
		['truncated 3-byte sequence', [0xe2, 0x82, 0x28], { valid: 0, invalid: 2 }],
		['overlong lead byte C0', [0xc0, 0x80], { valid: 0, invalid: 2 }],
		['4-byte emoji', [0xf0, 0x9f, 0x98, 0x80], { valid: 1, invalid: 0 }]
	];
	it.each(cases)('%s', (_name, input, expected) => {
		expect(utf8Sequences(bytes(...input))).toEqual(expected);
	});
});

describe('plausibleWindows1252', () => {
	const latin = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
	it('accepts Spanish text with accents and Excel punctuation', () => {
		const text = 'nombre;nota\r\nAñón;“comillas” – 12 € …\r\nÑandú;Müller\r\n'.repeat(20);
		const input = Uint8Array.from(
			[...text].map(
				(c) => ({ '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80, '…': 0x85 })[c] ?? c.charCodeAt(0)
			)
		);
		expect(plausibleWindows1252(input)).toBe(true);
	});
	it('accepts a few high bytes whatever they are', () => {
		expect(plausibleWindows1252(latin('042|42|\u00e2\u0082('))).toBe(true);
	});
	it('rejects bytes Windows-1252 does not define', () => {
		expect(plausibleWindows1252(bytes(0x61, 0x81, 0x62))).toBe(false);
	});
	it('rejects Shift-JIS (most letters are double-byte)', () => {
		// 名前,年齢 / 山田,25 in Shift-JIS, repeated.
		const row = [0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x94, 0x4e, 0x97, 0xee, 0x0d, 0x0a];
		const row2 = [0x8e, 0x52, 0x93, 0x63, 0x2c, 0x32, 0x35, 0x0d, 0x0a];
		const input = Uint8Array.from(Array.from({ length: 5 }, () => [...row, ...row2]).flat());
		expect(plausibleWindows1252(input)).toBe(false);
	});
});

describe('decodeBytesAsync', () => {
	const big = (line: number[], size: number) => {
		const repeats = Math.ceil(size / line.length);
		const out = new Uint8Array(line.length * repeats);
		for (let r = 0; r < repeats; r++) out.set(line, r * line.length);
		return out;
	};
	const pauses = () => {
		let n = 0;
		return { pause: async () => void n++, count: () => n };
	};

	it.each([
		['cp1252', [0x41, 0xf1, 0xf3, 0x6e, 0x3b, 0x93, 0x31, 0x94, 0x3b, 0x80, 0x0a]],
		['UTF-8', [0x41, 0xc3, 0xb1, 0x6f, 0x3b, 0xe2, 0x82, 0xac, 0x0a]],
		['UTF-16 LE with BOM', [0x61, 0x00, 0xf1, 0x00, 0x0a, 0x00]]
	])('gives the same result as decodeBytes for 9 MB of %s, in slices', async (name, line) => {
		let input = big(line, 9 * 1024 * 1024);
		if (name.startsWith('UTF-16')) input = Uint8Array.from([0xff, 0xfe, ...input]);
		const p = pauses();
		const result = await decodeBytesAsync(input, undefined, p.pause);
		expect(result).toEqual(decodeBytes(input));
		expect(p.count()).toBeGreaterThan(1);
	});

	it('falls back from UTF-8 to Windows-1252 on a late invalid byte', async () => {
		const input = big([0x61, 0x2c, 0x62, 0x0a], 9 * 1024 * 1024);
		input[input.length - 2] = 0xf1;
		const result = await decodeBytesAsync(input, undefined, async () => {});
		expect(result.encoding).toBe('windows-1252');
		expect(result.text.slice(-3)).toBe(',ñ\n');
	});

	it('honours a forced encoding', async () => {
		const input = big([0xc3, 0xb1, 0x0a], 5 * 1024 * 1024);
		const result = await decodeBytesAsync(input, 'windows-1252', async () => {});
		expect(result.encoding).toBe('windows-1252');
		expect(result.text.slice(0, 3)).toBe('Ã±\n');
	});
});
