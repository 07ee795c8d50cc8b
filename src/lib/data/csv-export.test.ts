import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { stripFormulaMark, toCsv } from './csv-export';

describe('toCsv', () => {
	it('writes a header, quotes only where needed and leaves empty cells empty', () => {
		const csv = toCsv(['a', 'b', 'c'], [{ a: 'x,y', b: null, c: 'say "hi"' }]);
		expect(csv).toBe('a,b,c\n"x,y",,"say ""hi"""');
	});

	it.each([
		['=SUM(A1)', `"'=SUM(A1)"`],
		['+51 999', `"'+51 999"`],
		['-cmd', `"'-cmd"`],
		['@x', `"'@x"`],
		['\tx', `"'\tx"`],
		['\rx', `"'\rx"`],
		['\nx', `"'\nx"`],
		['\0x', `"'\0x"`]
	])('neutralises the formula start of %j', (value, expected) => {
		expect(toCsv(['v'], [{ v: value }])).toBe(`v\n${expected}`);
	});

	it.each(['-3.5', '+2', '-10', '1e-3', '0.0'])('leaves the number %s alone', (n) => {
		expect(toCsv(['v'], [{ v: n }])).toBe(`v\n${n}`);
	});

	it('round-trips through a parse and stripFormulaMark', () => {
		const values = ['=1+1', 'Añón; “comillas”\nline 2', '-note', 'plain'];
		const csv = toCsv(
			['v'],
			values.map((v) => ({ v }))
		);
		const parsed = Papa.parse<string[]>(csv, { header: false }).data.slice(1);
		expect(parsed.map((row) => stripFormulaMark(row[0]))).toEqual(values);
	});
});
