import { describe, expect, it } from 'vitest';
import { tr, type MessageKey } from '../../i18n';
import { readFailure } from './failure';
import { countLines, leadingBlankLines, mixedLineEndings } from './lines';
import { firstRecordUnclosed, normalizeLineBreaks, readerLineStarts } from './scan';
import { readSource, utf8Mojibake } from './source';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('line breaks', () => {
	it.each<[string, string, boolean]>([
		['LF only', 'a\nb\n', false],
		['CRLF only', 'a\r\nb\r\n', false],
		['CR only (old Mac)', 'a\rb\r', false],
		['LF and CRLF', 'a\nb\r\nc\n', true],
		['CR and LF', 'a\rb\nc', true],
		['CRLF and a lone CR', 'a\r\nb\rc\r\n', true]
	])('%s: mixed = %s (on text and on bytes)', (_name, text, mixed) => {
		expect(mixedLineEndings(text)).toBe(mixed);
		expect(mixedLineEndings(bytes(text))).toBe(mixed);
	});

	it('normalises only the breaks outside quoted values', () => {
		expect(normalizeLineBreaks('a,b\r\n1,"x\r\ny"\n2,3\r', ',')).toBe('a,b\n1,"x\r\ny"\n2,3\n');
		expect(normalizeLineBreaks('a;"q""\r";b\rc', ';')).toBe('a;"q""\r";b\nc');
	});

	it('counts lines and the blank ones at the start', () => {
		expect(countLines('a\nb\n\n')).toBe(2);
		expect(countLines(bytes('a\r\nb'))).toBe(2);
		expect(countLines('a\rb\rc')).toBe(3);
		expect(leadingBlankLines('\n\r\n\ra,b')).toBe(3);
		expect(leadingBlankLines(bytes('a\n\n'))).toBe(0);
	});

	it('maps DuckDB’s line numbers (records and blank lines) to physical lines', () => {
		// header, a record over 3 lines, a blank line, a record.
		expect(readerLineStarts('a,b\n1,"x\ny\nz"\n\n2,3\n', ',')).toEqual([1, 2, 5, 6]);
	});

	it('finds a header whose quote never closes', () => {
		expect(firstRecordUnclosed('"hello\n\n world\n', ',')).toBe(true);
		expect(firstRecordUnclosed('"', ',')).toBe(true);
		expect(firstRecordUnclosed('"a""b",c\n1,2', ',')).toBe(false);
		expect(firstRecordUnclosed('\n"a\nb",c\n', ',')).toBe(false);
	});

	it('spots UTF-8 read as Windows-1252, not Spanish text', () => {
		expect(utf8Mojibake('AÃ±o')).toBe(1);
		expect(utf8Mojibake('precio â‚¬')).toBe(7);
		expect(utf8Mojibake('Añón, «sesión», “comillas” – 12 € … Ñandú ÁÉÍÓÚ')).toBe(-1);
	});
});

describe('readSource', () => {
	const read = (b: Uint8Array, over = {}) =>
		readSource({ fileName: 'f.csv', bytes: b, locale: 'es', ...over });

	it('refuses NUL bytes inside the text, naming the line', async () => {
		const s = await read(bytes('a,b\n1,2\n3,\u00004\n'));
		expect(s.fatal).toBe(true);
		expect(s.issues.map((i) => [i.code, i.line])).toEqual([['file_binary', 3]]);
	});

	it('drops NUL padding at the end, with a warning', async () => {
		const s = await read(Uint8Array.from([...bytes('a,b\n1,2\n'), 0, 0, 0]));
		expect(s.fatal).toBe(false);
		expect(s.text).toBe('a,b\n1,2\n');
		expect(s.issues.map((i) => i.code)).toEqual(['nul_padding']);
	});

	it('refuses bytes that are neither UTF-8 nor Windows-1252, unless the encoding is chosen', async () => {
		const sjis = Uint8Array.from(
			Array.from({ length: 6 }, () => [
				0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x94, 0x4e, 0x97, 0xee, 0x0a
			]).flat()
		);
		expect((await read(sjis)).issues.map((i) => i.code)).toEqual(['encoding_unknown']);
		expect((await read(sjis, { encoding: 'windows-1252' })).fatal).toBe(false);
	});

	it('warns about bad bytes in a UTF-8 file, with the line', async () => {
		const s = await read(Uint8Array.from([...bytes('a,b\nñ,1\n'), 0xff, 0x2c, 0x32, 0x0a]));
		expect(s.encoding).toBe('utf-8');
		expect(s.issues.map((i) => [i.code, i.line])).toEqual([['encoding_replaced', 3]]);
	});

	it('normalises mixed line endings and counts blank lines above the header', async () => {
		const s = await read(bytes('\n\na;b\r\n1;2\n3;4\r\n'));
		expect(s.text).toBe('\n\na;b\n1;2\n3;4\n');
		expect(s.skip).toBe(2);
		expect(s.dialect.delimiter).toBe(';');
	});

	it('honours a chosen delimiter', async () => {
		const s = await read(bytes('a;b,c\n1;2,3\n'), { delimiter: ',' });
		expect(s.dialect.delimiter).toBe(',');
	});
});

describe('readFailure', () => {
	it('reads DuckDB’s CSV errors, and memory errors', () => {
		const f = readFailure(
			new Error('Invalid Input Error: CSV Error on Line: 4\nExpected Number of Columns: 3 Found: 5')
		);
		expect(f).toEqual({
			line: 4,
			memory: false,
			reason: { key: 'import.csv.columns', params: { expected: '3', found: '5' } }
		});
		const reason = f.reason as { key: MessageKey; params: Record<string, string> };
		expect(tr('es', reason.key, reason.params)).toBe(
			'la fila tiene un número de valores distinto del de la primera fila (5 en lugar de 3).'
		);
		expect(readFailure(new Error('Out of Memory Error: could not allocate block')).memory).toBe(
			true
		);
	});
});
