import { describe, it, expect } from 'vitest';
import {
	detectHeader,
	parseLocaleDate,
	parseLocaleNumber,
	readRecords,
	sniffDialect,
	type Dialect
} from './sniff';

describe('sniffDialect', () => {
	const cases: [string, string, Dialect][] = [
		[
			'`;` file with decimal comma and d/m/yyyy dates (Excel es)',
			'ubigeo;nombre;valor;fecha\r\n' +
				'150101;Lima;12,5;03/04/2024\r\n' +
				'070101;Callao;-3,75;15/04/2024\r\n' +
				'150102;Ancón;1.234,56;01/05/2024\r\n',
			{ delimiter: ';', decimalComma: true, dateOrder: 'dmy', lineEnding: '\r\n' }
		],
		[
			'`,` file with decimal point and ISO dates',
			'ubigeo,name,value,date\n' +
				'150101,Lima,12.5,2024-04-03\n' +
				'070101,Callao,1234,2024-04-15\n',
			{ delimiter: ',', decimalComma: false, dateOrder: 'ymd', lineEnding: '\n' }
		],
		[
			'tab file (Excel "Texto Unicode")',
			'ubigeo\tnombre\tvalor\r\n150101\tLima\t12,5\r\n070101\tCallao, Perú\t3\r\n',
			{ delimiter: '\t', decimalComma: true, dateOrder: null, lineEnding: '\r\n' }
		],
		[
			'quoted fields with embedded `;`, `""` and newlines',
			'id;descripcion;monto\n' +
				'1;"Taller; salud\nmigrante";10,5\n' +
				'2;"Dijo ""hola""; bien";7\n' +
				'3;"a;b;c;d";8,25\n',
			{ delimiter: ';', decimalComma: true, dateOrder: null, lineEnding: '\n' }
		],
		[
			'line ending comes from the first unquoted break',
			'"nota\nlarga";b\r\n1;2\r\n',
			{ delimiter: ';', decimalComma: false, dateOrder: null, lineEnding: '\r\n' }
		],
		[
			'trailing `;;;` (empty columns Excel keeps)',
			'ubigeo;nombre;poblacion;;;\r\n' +
				'150101;Lima;12,5;;;\r\n' +
				'070101;Callao;7,25;;;\r\n' +
				';;;;;\r\n',
			{ delimiter: ';', decimalComma: true, dateOrder: null, lineEnding: '\r\n' }
		],
		[
			'single column gets `,`',
			'ubigeo\n150101\n070101\n',
			{ delimiter: ',', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		],
		[
			'single column without a line break',
			'ubigeo',
			{ delimiter: ',', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		],
		['empty text', '', { delimiter: ',', decimalComma: false, dateOrder: null, lineEnding: '\n' }],
		[
			'CR line endings (old Mac Excel)',
			'a;b\r1;2\r3;4\r',
			{ delimiter: ';', decimalComma: false, dateOrder: null, lineEnding: '\r' }
		],
		[
			'CRLF line endings, no trailing break',
			'a,b\r\n1,2',
			{ delimiter: ',', decimalComma: false, dateOrder: null, lineEnding: '\r\n' }
		],
		[
			'ambiguous 03/04/2024 reads day first',
			'fecha;n\n03/04/2024;1\n05/06/2024;2\n',
			{ delimiter: ';', decimalComma: false, dateOrder: 'dmy', lineEnding: '\n' }
		],
		[
			'13/04/2024 → dmy',
			'fecha;n\n03/04/2024;1\n13/04/2024;2\n',
			{ delimiter: ';', decimalComma: false, dateOrder: 'dmy', lineEnding: '\n' }
		],
		[
			'04/13/2024 → mdy',
			'date,n\n04/03/2024,1\n04/13/2024,2\n',
			{ delimiter: ',', decimalComma: false, dateOrder: 'mdy', lineEnding: '\n' }
		],
		[
			'dd-mm-yyyy with a time → dmy',
			'fecha;n\n25-12-2023 10:30;1\n',
			{ delimiter: ';', decimalComma: false, dateOrder: 'dmy', lineEnding: '\n' }
		],
		[
			'slashed dates win over ISO ones',
			'a;b\n2024-04-03;04/13/2024\n',
			{ delimiter: ';', decimalComma: false, dateOrder: 'mdy', lineEnding: '\n' }
		],
		[
			'`;` file with a `.` decimal is not decimal comma',
			'a;b\n12,5;3.75\n',
			{ delimiter: ';', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		],
		[
			'`;` file with `1.234` (thousands dot) and `12,5` is decimal comma',
			'a;b\n1.234;12,5\n',
			{ delimiter: ';', decimalComma: true, dateOrder: null, lineEnding: '\n' }
		],
		[
			'`;` file with comma-grouped `1,234,567` is not decimal comma',
			'a;b\n1,234,567;8\n',
			{ delimiter: ';', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		],
		[
			'`,` file with quoted "12,5" is decimal comma',
			'a,b\n"12,5",x\n"-0,75",y\n',
			{ delimiter: ',', decimalComma: true, dateOrder: null, lineEnding: '\n' }
		],
		[
			'`,` file with quoted "1,234" (thousands) is not decimal comma',
			'a,b\n"1,234",x\n',
			{ delimiter: ',', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		],
		[
			'tie between `,` and `;` prefers `,`',
			'a,b;c\n1,2;3\n',
			{ delimiter: ',', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		],
		[
			'tie between `;` and tab prefers `;`',
			'a;b\tc\n1;2\t3\n',
			{ delimiter: ';', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		],
		[
			'the most consistent count wins over more fields',
			// `;` gives 3,3,3 fields; `,` gives 1,2,3 (decimal commas).
			'a;b;c\n1;2,5;3\n4;5,5;6,5\n',
			{ delimiter: ';', decimalComma: true, dateOrder: null, lineEnding: '\n' }
		],
		[
			'equally consistent: more fields win (headerless `;` with one decimal comma a row)',
			'150101;Lima;12,5;03/04/2024\n070101;Callao;7,25;13/04/2024\n',
			{ delimiter: ';', decimalComma: true, dateOrder: 'dmy', lineEnding: '\n' }
		],
		[
			'blank lines are ignored',
			'a;b\n\n1;2\n\n\n3;4\n',
			{ delimiter: ';', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		],
		[
			'a leading BOM character is ignored',
			'\ufeffa;b\n1;2\n',
			{ delimiter: ';', decimalComma: false, dateOrder: null, lineEnding: '\n' }
		]
	];
	it.each(cases)('%s', (_name, text, expected) => {
		expect(sniffDialect(text)).toEqual(expected);
	});

	it('looks only at the first ~50 records', () => {
		// 60 `;` records, then 1000 `,` records: the start decides.
		const text = 'a;b\n' + '1;2\n'.repeat(59) + '1,2,3\n'.repeat(1000);
		expect(sniffDialect(text).delimiter).toBe(';');
	});

	it('survives an unclosed quote in a large text', () => {
		const text = 'a;"b\n' + '1;2\n'.repeat(200_000);
		const d = sniffDialect(text);
		expect(d.lineEnding).toBe('\n');
		expect(DELIMS).toContain(d.delimiter);
	});
});

const DELIMS = [',', ';', '\t'];

describe('parseLocaleNumber', () => {
	const cases: [string, boolean, number | null][] = [
		['1.234,56', true, 1234.56],
		['1234.56', false, 1234.56],
		['1234.56', true, 1234.56], // only the dot reading fits
		['1,234.56', false, 1234.56],
		['1,234.56', true, 1234.56],
		['2,01235E+10', true, 20123500000],
		['12,5', true, 12.5],
		['12,5', false, 12.5], // only the comma reading fits
		['-3,75', true, -3.75],
		['+3,75', true, 3.75],
		['0,125', true, 0.125],
		[',5', true, 0.5],
		['1.234', true, 1234], // ambiguous: the mode decides
		['1.234', false, 1.234],
		['1,234', true, 1.234],
		['1,234', false, 1234],
		['1.234.567', true, 1234567],
		['1.234.567', false, 1234567],
		['1.234.567,8', true, 1234567.8],
		['1 234,5', true, 1234.5],
		['1\u00a0234\u00a0567', true, 1234567],
		['1.5e3', false, 1500],
		['007', true, 7],
		[' 7 ', true, 7],
		[' 7 ', false, 7],
		['-0', false, -0],
		['', true, null],
		['   ', false, null],
		['abc', true, null],
		['12abc', true, null],
		['1,2,3', true, null],
		['1.2.3', false, null],
		['1,2.3,4', false, null],
		['-', true, null],
		[',', true, null],
		['e5', false, null],
		['1e', false, null],
		['Infinity', false, null],
		['NaN', false, null],
		['0x10', false, null],
		['12,5%', true, null]
	];
	it.each(cases)('%j (decimalComma=%s) → %s', (s, decimalComma, expected) => {
		expect(parseLocaleNumber(s, decimalComma)).toBe(expected);
	});
});

describe('parseLocaleDate', () => {
	const cases: [string, 'dmy' | 'mdy' | 'ymd' | null, string | null][] = [
		['3/4/2024', 'dmy', '2024-04-03'],
		['3/4/2024', null, '2024-04-03'],
		['3/4/2024', 'ymd', '2024-04-03'],
		['3/4/2024', 'mdy', '2024-03-04'],
		['03/04/2024', 'dmy', '2024-04-03'],
		['03-04-2024', 'dmy', '2024-04-03'],
		['13/04/2024', null, '2024-04-13'],
		['04/13/2024', 'mdy', '2024-04-13'],
		['04/13/2024', 'dmy', null],
		['2024-04-03', 'dmy', '2024-04-03'],
		['2024-04-03', 'mdy', '2024-04-03'],
		['2024-4-3', null, '2024-04-03'],
		['2024/04/03', null, '2024-04-03'],
		[' 2024-04-03 ', null, '2024-04-03'],
		['29/02/2024', 'dmy', '2024-02-29'], // leap year
		['29/02/2023', 'dmy', null],
		['29/02/1900', 'dmy', null], // divisible by 100, not by 400
		['29/02/2000', 'dmy', '2000-02-29'], // divisible by 400
		['31/02/2024', 'dmy', null],
		['31/04/2024', 'dmy', null],
		['31/12/2024', 'dmy', '2024-12-31'],
		['2024-13-01', null, null],
		['2024-00-10', null, null],
		['00/01/2024', null, null],
		['0000-01-01', null, null],
		['03/04-2024', null, null], // mixed separators
		['03.04.2024', null, null],
		['3/4/24', null, null], // two-digit year
		['2024-04-03T10:00', null, null],
		['', null, null],
		['hoy', null, null],
		['20240403', null, null]
	];
	it.each(cases)('%j (%s) → %s', (s, order, expected) => {
		expect(parseLocaleDate(s, order)).toBe(expected);
	});
});

describe('sniffDialect: more', () => {
	it('recognises `|` as a delimiter', () => {
		expect(sniffDialect('a|b|c\n1|2|3\n').delimiter).toBe('|');
	});

	it('takes `451.260` in a `;` file as a thousands dot (Excel in Spanish), unless a decimal point shows', () => {
		expect(sniffDialect('ubigeo;población\n150101;278.804\n150102;69.530\n').decimalComma).toBe(
			true
		);
		expect(sniffDialect('a;b\n1.234;3.75\n').decimalComma).toBe(false);
	});

	it('looks past the first 50 records for numbers and dates', () => {
		const text = 'a;b\n' + '1;2\n'.repeat(80) + '3;12,5\n' + '4;15/04/2024\n';
		expect(sniffDialect(text)).toMatchObject({ decimalComma: true, dateOrder: 'dmy' });
	});
});

describe('readRecords', () => {
	it('gives the first records as text, quotes resolved and blank lines left out', () => {
		expect(readRecords('a,"b,c"\n\n1,"x\ny"\n2,3\n', ',', 2)).toEqual([
			['a', 'b,c'],
			['1', 'x\ny']
		]);
		expect(readRecords('\ufeffa;b\n', ';', 5)).toEqual([['a', 'b']]);
	});
});

describe('detectHeader', () => {
	const cases: [string, string[][], boolean][] = [
		[
			'names over numbers',
			[
				['a', 'b'],
				['1', '2'],
				['3', '4']
			],
			true
		],
		[
			'numbers over numbers',
			[
				['1', '2'],
				['3', '4']
			],
			false
		],
		['a single row of names', [['A', 'B', 'C']], true],
		['a single row of data', [['123', 'TEST']], false],
		[
			'one data row of text',
			[
				['A', 'B'],
				['X', 'Y']
			],
			true
		],
		['same-length codes under a longer name', [['code'], ['AB1'], ['CD2']], true],
		['same-length values all through', [['a 1'], ['b 2'], ['c 3']], false],
		[
			'timestamps in both',
			[
				['Grant', '2013-11-23T02:30:31-08:00'],
				['Ann', '2014-01-02T10:00:00-05:00']
			],
			false
		],
		[
			'empty header cells',
			[
				['', '', ''],
				['123', 'x', 'y']
			],
			true
		],
		['a very long first cell', [['x'.repeat(200)]], false]
	];
	it.each(cases)('%s', (_name, records, expected) => {
		expect(detectHeader(records)).toBe(expected);
	});
});
