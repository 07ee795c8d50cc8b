import { describe, expect, it } from 'vitest';
import {
	checkShape,
	CONTRACT_MAX_COLUMNS,
	firstLongLine,
	headerFieldCount,
	MAX_LINE_BYTES,
	TABLE_MAX_COLUMNS
} from './shape';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** UTF-16 bytes of `s`, little or big endian, with a BOM when asked. */
function utf16(s: string, le: boolean, bom = false): Uint8Array {
	const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
	const out = new Uint8Array(units.length * 2);
	units.forEach((u, i) => {
		out[2 * i + (le ? 0 : 1)] = u & 0xff;
		out[2 * i + (le ? 1 : 0)] = u >> 8;
	});
	return out;
}

/** A header of `n` one-letter columns joined by `d`. */
const wide = (n: number, d = ',') => Array.from({ length: n }, () => 'c').join(d);

describe('headerFieldCount', () => {
	it('counts the fields of the first record, quotes respected', () => {
		const count = (s: string, d: ',' | ';' | '\t' | '|' = ',') =>
			headerFieldCount(utf8(s), 'byte', d, 1e6);
		expect(count('a,b,c\n1,2,3,4,5\n')).toEqual({ count: 3, complete: true });
		// a delimiter, a doubled quote and a line break inside quotes are content
		expect(count('"a,b","say ""x,y""","line\nbreak",d\r\n1\n')).toEqual({
			count: 4,
			complete: true
		});
		// a BOM and blank lines above the header are skipped; the empty file has one empty field
		expect(count('\uFEFF\r\n\na;b;c\n', ';')).toEqual({ count: 3, complete: true });
		expect(count('a;b;c\n')).toEqual({ count: 1, complete: true });
		expect(count('')).toEqual({ count: 1, complete: true });
		// a file that is one line without a break: the whole of it
		expect(count('a,b')).toEqual({ count: 2, complete: true });
	});

	it('stops after maxUnits and says the record went on', () => {
		expect(headerFieldCount(utf8('a,b,c,d,e\n'), 'byte', ',', 4)).toEqual({
			count: 3,
			complete: false
		});
		// an unclosed quote runs to the bound
		expect(headerFieldCount(utf8(`"a,${'x'.repeat(100)}`), 'byte', ',', 50).complete).toBe(false);
	});

	it('reads UTF-16 code units in both byte orders', () => {
		for (const le of [true, false]) {
			const bytes = utf16('\uFEFFid\tnombre\t"a\tb"\n1\t2\t3\n', le);
			expect(headerFieldCount(bytes, le ? 'utf-16le' : 'utf-16be', '\t', 1e6)).toEqual({
				count: 3,
				complete: true
			});
		}
	});
});

describe('firstLongLine', () => {
	it('names the first line longer than the limit, with its length in bytes', () => {
		const text = `ab\r\n${'x'.repeat(10)}\r\nabc\n${'y'.repeat(20)}`;
		expect(firstLongLine(utf8(text), 9)).toEqual({ line: 2, bytes: 10 });
		expect(firstLongLine(utf8(text), 10)).toEqual({ line: 4, bytes: 20 });
		expect(firstLongLine(utf8(text), 20)).toBeNull();
	});

	it('finds a long line among many short ones, and lets a line of exactly the limit through', () => {
		const short = Array.from({ length: 1000 }, (_, i) => `${i},ab`).join('\r\n');
		expect(firstLongLine(utf8(`${short}\r\n${'x'.repeat(11)}\r\nend\r\n`), 10)).toEqual({
			line: 1001,
			bytes: 11
		});
		// 10 bytes and its CRLF: not too long; nor the last line without a break
		expect(
			firstLongLine(utf8(`${short}\r\n${'x'.repeat(10)}\r\n${'y'.repeat(10)}`), 10)
		).toBeNull();
		expect(firstLongLine(utf8(`${short}\n${'y'.repeat(11)}`), 10)).toEqual({
			line: 1001,
			bytes: 11
		});
	});

	it('splits at CR in a file without LF (old Mac)', () => {
		expect(firstLongLine(utf8('a\rbbbbbb\rc'), 5)).toEqual({ line: 2, bytes: 6 });
	});
});

describe('checkShape', () => {
	it('refuses a header wider than the limit, with whichever delimiter splits it', () => {
		expect(checkShape(utf8(`${wide(301)}\n`), 'byte', { maxColumns: 300 })).toEqual({
			kind: 'columns',
			count: 301,
			limit: 300
		});
		expect(checkShape(utf8(`${wide(301, ';')}\n`), 'byte', { maxColumns: 300 })).toMatchObject({
			kind: 'columns',
			count: 301
		});
		expect(checkShape(utf8(`${wide(300)}\n`), 'byte', { maxColumns: 300 })).toBeNull();
		// a delimiter chosen by hand: only that one counts
		expect(
			checkShape(utf8(`${wide(400, ';')}\n`), 'byte', { maxColumns: 300, delimiter: ',' })
		).toBeNull();
	});

	it('refuses the files of the issue at once: 51,200 and 512,000 columns, 2,000 for a table', () => {
		const started = performance.now();
		expect(checkShape(utf8(`${wide(51_200)}\n`), 'byte', { maxColumns: 300 })).toEqual({
			kind: 'columns',
			count: 51_200,
			limit: 300
		});
		expect(checkShape(utf8(wide(512_000)), 'byte', { maxColumns: 300 })).toMatchObject({
			kind: 'columns',
			count: 512_000
		});
		const table = `${wide(2000)}\n${wide(2000).replaceAll('c', '1')}\n`;
		expect(checkShape(utf8(table), 'byte', { maxColumns: TABLE_MAX_COLUMNS })).toMatchObject({
			kind: 'columns',
			count: 2000,
			limit: 1000
		});
		// a bound that catches a hang, not a timing
		expect(performance.now() - started).toBeLessThan(15_000);
	});

	it('refuses a line longer than the limit, header or not', () => {
		const long = 'x'.repeat(MAX_LINE_BYTES + 1);
		expect(checkShape(utf8(`a,b\n1,2\n3,${long}\n`), 'byte', { maxColumns: 300 })).toEqual({
			kind: 'line',
			line: 3,
			bytes: MAX_LINE_BYTES + 3,
			limit: MAX_LINE_BYTES
		});
		// a header too long to count is reported as a long line 1
		const header = `${wide(600_000)}\n`;
		expect(checkShape(utf8(header), 'byte', { maxColumns: 1e7 })).toMatchObject({
			kind: 'line',
			line: 1,
			bytes: 1_199_999
		});
	});

	it('lets ordinary files through, whatever their length', () => {
		const rows = Array.from({ length: 20_000 }, (_, i) => `${i},Lima,"a, b",12.5`).join('\n');
		expect(
			checkShape(utf8(`id,name,note,value\n${rows}\n`), 'byte', {
				maxColumns: CONTRACT_MAX_COLUMNS
			})
		).toBeNull();
	});
});
