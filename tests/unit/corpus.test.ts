/**
 * Every file of the shared CSV corpus (../shared/csv-corpus: csv-spectrum,
 * the DuckDB subset and its fuzz files, papaparse) through the Node pipeline
 * and the validate CLI. Each must end quickly either as the table a person
 * would expect (csv-spectrum: exactly its JSON) or with a clear message that
 * names the file (and the line, where one applies), with no silent damage,
 * and with the engine alive afterwards. The counts are printed.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importTable, type TableReport } from '../../src/lib/data/import';
import { importCsv, importFiles } from '../../src/lib/data/import';
import { quoteIdent } from '../../src/lib/engine/sql';
import { createNodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import { readDemoFiles } from '../../src/lib/server/demo-files';
import { CORPUS, corpusFiles, EXPECTED, present } from './corpus.expected';

// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
vi.setConfig({ testTimeout: 120_000 });

/** A generic load ends within this (the fuzz files must "finish quickly"). */
const WITHIN_MS = 5000;

type Outcome =
	| { kind: 'table'; report: TableReport; ms: number }
	| { kind: 'rejected'; report: TableReport; ms: number }
	| { kind: 'failed'; why: string };

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
	});

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
