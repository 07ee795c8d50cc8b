/**
 * The shared CSV corpus (../shared/csv-corpus) for the corpus tests
 * (corpus.test.ts, corpus-cli.test.ts): where it is, its files, and what a
 * person opening a file would expect of it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Row } from '../../src/lib/engine/types';

export const CORPUS = resolve('../shared/csv-corpus');
export const present = existsSync(CORPUS);
if (!present) {
	console.warn(
		`\n⚠ ${CORPUS} is absent: the CSV corpus tests are SKIPPED. Put the corpus there to run them.\n`
	);
}

/** Every corpus file (the JSON answers of csv-spectrum and the READMEs aside). */
export function corpusFiles(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (name !== 'json') walk(path);
			} else if (!/^README|\.json$/i.test(name)) out.push(path);
		}
	};
	walk(CORPUS);
	return out;
}

/**
 * What a person opening the file would expect, for the files where it is
 * clear: the rows (and some values), or the reason and line of a refusal.
 */
export const EXPECTED: Record<
	string,
	{ rows: number; check?: (rows: Row[]) => void } | { code: string; line?: number }
> = {
	'duckdb/auto_duplicate_header_columns.csv': { rows: 2 },
	'duckdb/auto_empty_header.csv': {
		rows: 2,
		check: (r) => expect(r[1]).toEqual({ column1: 345, column2: 'TEST3', column3: 'text2' })
	},
	'duckdb/auto_semicolon_delim.csv': { rows: 3 },
	'duckdb/auto_semicolon_escape.csv': {
		rows: 3,
		check: (r) => expect(r[2].column3).toBe('te"xt3')
	},
	'duckdb/auto_semicolon_quote.csv': { rows: 3, check: (r) => expect(r[2].column3).toBe('te;xt3') },
	'duckdb/auto_time_date_timestamp_dd-mm-yyyy.csv': {
		rows: 3,
		check: (r) =>
			expect(r.map((x) => [x.d, x.ts])).toEqual([
				['2000-01-01', '2000-01-01T12:12:00.000Z'],
				['2002-02-02', '2002-02-02T14:15:00.000Z'],
				['2004-12-13', '2004-12-13T15:16:00.000Z']
			])
	},
	'duckdb/auto_time_date_timestamp_mm-dd-yyyy.csv': {
		rows: 3,
		check: (r) =>
			expect(r.map((x) => [x.d, x.ts])).toEqual([
				['2000-01-01', '2000-01-01T00:12:00.000Z'],
				['2002-02-02', '2002-02-02T14:15:00.000Z'],
				['2004-12-13', '2004-12-13T15:16:00.000Z']
			])
	},
	'duckdb/auto_utf8bom.csv': {
		rows: 2,
		check: (r) =>
			expect(r).toEqual([
				{ id: 1, name: 'Mark' },
				{ id: 2, name: 'Hannes' }
			])
	},
	'duckdb/comma_decimal_null.csv': {
		rows: 8,
		check: (r) => {
			expect(r[0].FINANZ_STATO_FSC).toBe(80000000);
			expect(r[0].TOT_PAGAMENTI).toBe(71000170.9);
			expect(r[0].PROGRAMMATO_INDICATORE_1).toBe(1.5);
		}
	},
	'duckdb/decimal_separators_decimal_separators.csv': {
		rows: 5,
		check: (r) => {
			expect(r.map((x) => x.commas)).toEqual([1.1, 0.25, 15300, 15300, -15300]);
			expect(r.map((x) => x.periods)).toEqual([1.1, 0.25, 15300, 15300, -15300]);
		}
	},
	'duckdb/decimal_separators_decimal_separators_csv.csv': {
		rows: 1,
		check: (r) => expect(r).toEqual([{ commas: 1.2345, periods: 1.2345 }])
	},
	'duckdb/decimal_separators_mixed_format_fail.csv': { code: 'file_unreadable', line: 2 },
	'duckdb/empty.csv': { code: 'file_no_header' },
	'duckdb/empty_first_line.csv': {
		rows: 3,
		check: (r) => expect(r.map((x) => x.column1)).toEqual(['a 1', 'b 2', 'c 3'])
	},
	'duckdb/encodings_latin1.csv': {
		rows: 12,
		check: (r) =>
			expect(r.slice(0, 3)).toEqual([
				{ name: 'José Álvarez', age: 30 },
				{ name: 'Müller', age: 25 },
				{ name: 'François Dupont', age: 45 }
			])
	},
	'duckdb/encodings_shift_jis.csv': { code: 'encoding_unknown' },
	'duckdb/encodings_utf16.csv': {
		rows: 20,
		check: (r) => expect(r.map((x) => x.name)).toContain('Dvořák Novak')
	},
	'duckdb/evil_nullpadding.csv': { code: 'file_unreadable', line: 2 },
	'duckdb/extra_delimiters.csv': { code: 'file_unreadable', line: 4 },
	'duckdb/header_only.csv': { rows: 0 },
	'duckdb/inconsistent_cells.csv': { code: 'file_unreadable', line: 3 },
	'duckdb/invalid_utf8.csv': {
		rows: 2,
		check: (r) => expect(r).toEqual([{ bla: 'bla' }, { bla: '\ufffd' }])
	},
	'duckdb/leading_zeros.csv': {
		rows: 6,
		check: (r) =>
			expect(r.map((x) => x.CODGEO)).toEqual(['09001', '09002', '09003', '09004', '09005', '09006'])
	},
	'duckdb/leading_zeros2.csv': {
		rows: 5,
		check: (r) =>
			expect(r[0]).toEqual({
				comune: '030151360',
				codice_regione: '03',
				codice_provincia: '015',
				codice_comune: '1360',
				denominazione_comune: 'POLPENAZZE DEL GARDA',
				sigla_provincia: 'BS',
				data_entrata_in_carica: '2021-10-13'
			})
	},
	'duckdb/locations_row_trailing_comma.csv': { code: 'file_unreadable', line: 2 },
	'duckdb/missing_column.csv': { code: 'file_unreadable', line: 7 },
	'duckdb/mixed_decimal.csv': {
		rows: 5,
		check: (r) => expect(r.map((x) => x.B)).toEqual([5.5, 5.5, 5, 5555, 5.5])
	},
	'duckdb/mixed_new_line.csv': { rows: 3 },
	'duckdb/multidelimiter_simple_unterminated_quote.csv': { code: 'file_unreadable', line: 1 },
	'duckdb/nullbyte.csv': { code: 'file_binary', line: 2 },
	'duckdb/nullbyte_header.csv': { code: 'file_binary', line: 1 },
	'duckdb/nullpadding.csv': { code: 'file_unreadable', line: 2 },
	'duckdb/one_r_two.csv': { rows: 1, check: (r) => expect(r).toEqual([{ one: 'two' }]) },
	'duckdb/test_invalid_utf.csv': { rows: 1 },
	'duckdb/test_invalid_utf_header.csv': { rows: 11 },
	'duckdb/test_invalid_utf_quoted.csv': { rows: 21 },
	'duckdb/test_long_escaped_value.csv': { rows: 1 },
	'duckdb/test_many_empty_lines.csv': {
		rows: 1,
		check: (r) => expect(r).toEqual([{ column1: 1 }])
	},
	'duckdb/test_mixed_line_endings.csv': {
		rows: 3,
		check: (r) => expect(r.map((x) => x.column2)).toEqual(['hello', 'world', 'test'])
	},
	'duckdb/test_new_line_string_rn.csv': { rows: 3 },
	'duckdb/test_nfc.csv': { rows: 1 },
	'duckdb/test_quoted_newline.csv': {
		rows: 2,
		check: (r) =>
			expect(r).toEqual([
				{ column1: 'hello\nworld', column2: 5 },
				{ column1: 'what,\n brings, you here\n , today', column2: 6 }
			])
	},
	'duckdb/test_unterminated.csv': { code: 'file_unreadable', line: 1 },
	'duckdb/test_windows_newline.csv': { rows: 20000 },
	'duckdb/thousands_separator_multi_column_quote.csv': {
		rows: 5,
		check: (r) =>
			expect(r.map((x) => x.money)).toEqual([100000, 300000.2, 300000000.4, 50, 9999999999.2])
	},
	'duckdb/thousands_separator_thousands_broken.csv': {
		rows: 4,
		check: (r) =>
			expect(r.map((x) => x.column1)).toEqual([
				'100,000.00',
				'300,000.20',
				'300,0,00.40',
				'30,0,0.406'
			])
	},
	'duckdb/unescaped_quotes_some_escaped_some_not.csv': { code: 'file_unreadable', line: 2 },
	'duckdb/unescaped_quotes_unescaped_quote.csv': { code: 'file_unreadable', line: 1 },
	'papaparse/long-sample.csv': { rows: 8 },
	'papaparse/malformed.tsv': { code: 'file_unreadable', line: 3 },
	'papaparse/sample-header.csv': { rows: 2 },
	'papaparse/sample.csv': {
		rows: 1,
		check: (r) => expect(r).toEqual([{ A: 'X', B: 'Y', C: 'Z' }])
	},
	'papaparse/utf-8-bom-sample.csv': {
		rows: 1,
		check: (r) => expect(r).toEqual([{ A: 'X', B: 'Y', C: 'Z' }])
	}
};
