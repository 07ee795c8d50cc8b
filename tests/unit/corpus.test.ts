/**
 * Every file of the shared CSV corpus (../shared/csv-corpus: csv-spectrum,
 * the DuckDB subset and its fuzz files, papaparse) through the Node pipeline
 * and the validate CLI. Each must end quickly either as the table a person
 * would expect (csv-spectrum: exactly its JSON) or with a clear message that
 * names the file (and the line, where one applies), with no silent damage,
 * and with the engine alive afterwards. The counts are printed.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importTable, type TableReport } from '../../src/lib/data/import';
import { importCsv, importFiles } from '../../src/lib/data/import';
import { quoteIdent } from '../../src/lib/engine/sql';
import { createNodeEngine } from '../../src/lib/engine/node';
import type { Engine, Row } from '../../src/lib/engine/types';
import { readDemoFiles } from '../../src/lib/server/demo-files';

/** The project's tsx, run directly: `npx tsx` costs another half second of CPU per run. */
const TSX = 'node_modules/.bin/tsx';

// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
vi.setConfig({ testTimeout: 120_000 });

const CORPUS = resolve('../shared/csv-corpus');
const present = existsSync(CORPUS);
if (!present) {
	console.warn(
		`\n⚠ ${CORPUS} is absent: the CSV corpus tests are SKIPPED. Put the corpus there to run them.\n`
	);
}

/** Every corpus file (the JSON answers of csv-spectrum and the READMEs aside). */
function corpusFiles(): string[] {
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

/** A generic load ends within this (the fuzz files must "finish quickly"). */
const WITHIN_MS = 5000;

type Outcome =
	| { kind: 'table'; report: TableReport; ms: number }
	| { kind: 'rejected'; report: TableReport; ms: number }
	| { kind: 'failed'; why: string };

/**
 * What a person opening the file would expect, for the files where it is
 * clear: the rows (and some values), or the reason and line of a refusal.
 */
const EXPECTED: Record<
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

describe.skipIf(!present)('the CSV corpus, loaded as generic tables in Node', () => {
	let engine: Engine;
	const files = present ? corpusFiles() : [];
	const outcomes = new Map<string, Outcome>();
	const name = (f: string) => relative(CORPUS, f);

	async function alive(): Promise<boolean> {
		try {
			const [r] = await engine.query('SELECT 42 AS x');
			return r.x === 42;
		} catch {
			return false;
		}
	}

	beforeAll(async () => {
		engine = await createNodeEngine();
		// Every table keeps its own name (two corpora both have an `empty.csv`).
		const taken: string[] = ['raw_copy'];
		for (const f of files) {
			const t0 = performance.now();
			try {
				const report = await importTable(engine, {
					fileName: basename(f),
					bytes: new Uint8Array(readFileSync(f)),
					locale: 'es',
					reserved: taken
				});
				taken.push(report.table);
				const ms = performance.now() - t0;
				if (!(await alive()))
					outcomes.set(name(f), { kind: 'failed', why: 'engine dead after it' });
				else if (ms > WITHIN_MS) outcomes.set(name(f), { kind: 'failed', why: `took ${ms} ms` });
				else outcomes.set(name(f), { kind: report.errors > 0 ? 'rejected' : 'table', report, ms });
			} catch (error) {
				outcomes.set(name(f), { kind: 'failed', why: `threw ${String(error)}` });
			}
		}
		const count = (k: Outcome['kind']) => [...outcomes.values()].filter((o) => o.kind === k).length;
		console.log(
			`[corpus] ${outcomes.size} files: ${count('table')} loaded as tables, ` +
				`${count('rejected')} rejected with a clear message, ${count('failed')} failed`
		);
	}, 240_000);

	afterAll(async () => {
		await engine?.close();
	});

	it('finds the corpus', () => {
		expect(files.length).toBeGreaterThan(80);
	});

	it('fails on no file: each ends within a few seconds as a table or a clear refusal, the engine alive', () => {
		const failed = [...outcomes].filter(([, o]) => o.kind === 'failed');
		expect(failed).toEqual([]);
	});

	it('refuses only with a message that names the file, and the line where one applies', () => {
		for (const [file, o] of outcomes) {
			if (o.kind !== 'rejected') continue;
			const errors = o.report.issues.filter((i) => i.severity === 'error');
			expect(errors.length, file).toBeGreaterThan(0);
			for (const e of errors) {
				expect(e.message, file).toContain(`«${basename(file)}»`);
				if (e.line !== null) expect(e.message, file).toContain(`línea ${e.line}`);
				expect(e.message, file).not.toMatch(/import\.|undefined|\n\s+at /);
			}
		}
	});

	it('gives the expected table or refusal for every file a person can judge', () => {
		for (const [file, expected] of Object.entries(EXPECTED)) {
			const o = outcomes.get(file);
			expect(o, file).toBeDefined();
			if ('code' in expected) {
				expect(o!.kind, file).toBe('rejected');
				const error = (o as { report: TableReport }).report.issues.find(
					(i) => i.severity === 'error'
				);
				expect(error?.code, file).toBe(expected.code);
				if (expected.line !== undefined) expect(error?.line, file).toBe(expected.line);
			} else {
				expect(o!.kind, file).toBe('table');
				expect((o as { report: TableReport }).report.loaded, file).toBe(expected.rows);
			}
		}
	});

	it('reads the values a person would read', async () => {
		for (const [file, expected] of Object.entries(EXPECTED)) {
			if (!('check' in expected) || !expected.check) continue;
			const o = outcomes.get(file) as { report: TableReport };
			const rows = await engine.query(`SELECT * FROM ${quoteIdent(o.report.table)}`);
			expected.check(rows);
		}
	});

	it('reads every csv-spectrum file as exactly the rows of its JSON', async () => {
		const spectrum = files.filter((f) => name(f).startsWith('csv-spectrum/'));
		expect(spectrum.length).toBe(11);
		for (const f of spectrum) {
			const json = JSON.parse(
				readFileSync(join(CORPUS, 'csv-spectrum/json', basename(f, '.csv') + '.json'), 'utf8')
			);
			// As text, exactly (empty strings included).
			const text = await importTable(engine, {
				fileName: basename(f),
				bytes: new Uint8Array(readFileSync(f)),
				locale: 'es',
				reserved: [],
				allText: true,
				name: 'spectrum_text'
			});
			expect(text.errors, f).toBe(0);
			expect(await engine.query(`SELECT * FROM ${quoteIdent(text.table)}`), f).toEqual(json);
			// Typed, the same values (numbers as they were written; an empty number cell is empty).
			const o = outcomes.get(name(f)) as { report: TableReport };
			const typed = await engine.query(`SELECT * FROM ${quoteIdent(o.report.table)}`);
			expect(
				typed.map((row) =>
					Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]))
				),
				f
			).toEqual(json);
		}
	});

	it('damages nothing silently: typed columns read back to the file’s text, codes keep their zeros', async () => {
		for (const [file, o] of outcomes) {
			if (o.kind !== 'table' || o.report.rows === 0) continue;
			const raw = await importTable(engine, {
				fileName: basename(file),
				bytes: new Uint8Array(readFileSync(join(CORPUS, file))),
				locale: 'es',
				reserved: [],
				allText: true,
				name: 'raw_copy'
			});
			expect(raw.rows, file).toBe(o.report.rows);
			const typed = await engine.query(`SELECT * FROM ${quoteIdent(o.report.table)}`);
			const text = await engine.query(`SELECT * FROM raw_copy`);
			for (const c of o.report.columns) {
				for (let i = 0; i < text.length; i++) {
					const source = text[i][c.name];
					const value = typed[i][c.name];
					if (c.type === 'VARCHAR') {
						expect(value, `${file} ${c.name} row ${i}`).toBe(source);
					} else if (c.type === 'BIGINT' || c.type === 'DOUBLE') {
						// A number never comes from a code with a leading zero.
						expect(String(source ?? ''), `${file} ${c.name}`).not.toMatch(/^\s*[-+]?0\d/);
						if (source !== null && String(source).trim() !== '')
							expect(value, `${file} ${c.name}`).not.toBeNull();
					}
				}
			}
			// Mojibake is never silent: a Windows-1252 reading of UTF-8 text is flagged.
			const mojibake = typed.some((row) =>
				Object.values(row).some((v) =>
					/[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/.test(String(v))
				)
			);
			if (mojibake)
				expect(
					o.report.issues.map((i) => i.code),
					file
				).toContain('encoding_suspect');
			await engine.exec('DROP TABLE raw_copy');
		}
	});

	it('explains in English too', async () => {
		for (const [file, o] of outcomes) {
			if (o.kind !== 'rejected') continue;
			const r = await importTable(engine, {
				fileName: basename(file),
				bytes: new Uint8Array(readFileSync(join(CORPUS, file))),
				locale: 'en',
				reserved: []
			});
			for (const e of r.issues.filter((i) => i.severity === 'error')) {
				expect(e.message, file).toContain(`“${basename(file)}”`);
				if (e.line !== null) expect(e.message, file).toContain(`line ${e.line}`);
			}
		}
	});

	it('names the missing columns when a corpus file is loaded as a dataset, and keeps the data', async () => {
		const demo = readDemoFiles();
		await importFiles(engine, demo, { today: '2026-01-01', locale: 'es' });
		const [{ n: before }] = await engine.query('SELECT count(*)::INTEGER AS n FROM activities');
		for (const f of files) {
			const r = await importCsv(engine, {
				fileName: basename(f),
				bytes: new Uint8Array(readFileSync(f)),
				dataset: 'activities',
				mode: 'replace',
				today: '2026-01-01',
				locale: 'es'
			});
			expect(r.loaded, f).toBe(0);
			const error = r.issues.find((i) => i.severity === 'error');
			expect(error, f).toBeDefined();
			if (error!.code === 'columns_missing') {
				expect(error!.message, f).toContain('participants_total (participantes)');
			} else {
				expect(
					['file_unreadable', 'file_binary', 'file_no_header', 'encoding_unknown'],
					f
				).toContain(error!.code);
			}
		}
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([
			{ n: before }
		]);
		expect(await alive()).toBe(true);
	}, 120_000);
});

const run = promisify(execFile);

describe.skipIf(!present)(
	'the CSV corpus through `npm run validate -- --type table --json`',
	() => {
		it('prints one object per file, exits 1 (some files are refused), and never a stack trace', async () => {
			const files = corpusFiles();
			const { code, stdout, stderr } = await run(
				TSX,
				['scripts/validate.ts', '--type', 'table', '--json', ...files],
				{ maxBuffer: 64 * 1024 * 1024 }
			).then(
				(r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
				(e: { code: number; stdout: string; stderr: string }) => e
			);
			expect(code).toBe(1);
			expect(stderr).toBe('');
			const results = stdout
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l));
			expect(results.map((r) => r.file)).toEqual(files.map((f) => basename(f)));
			for (const r of results) {
				expect(Object.keys(r)).toEqual([
					'file',
					'encoding',
					'delimiter',
					'type',
					'rows',
					'columns',
					'errors',
					'warnings',
					'issues'
				]);
				expect(r.type).toBe('table');
			}
			const loaded = results.filter((r) => r.errors === 0).length;
			const rejected = results.filter((r) => r.errors > 0).length;
			console.log(
				`[corpus] CLI: ${loaded} files valid as tables, ${rejected} refused with a message`
			);
			expect(loaded + rejected).toBe(files.length);
		}, 120_000);
	}
);
