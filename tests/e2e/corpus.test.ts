/**
 * A sample of the shared CSV corpus through the data page in Chromium: the
 * same outcomes as in Node (tests/unit/corpus.test.ts runs every file), a
 * clear message on screen for the refused ones, and an engine that keeps
 * working afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';
import {
	card,
	clearCards,
	expectContains,
	expectText,
	load,
	openDatos,
	query,
	stage
} from './datos-helpers';

const CORPUS = resolve('../shared/csv-corpus');
const present = existsSync(CORPUS);
if (!present) {
	console.warn(`\n⚠ ${CORPUS} is absent: the browser corpus sample is SKIPPED.\n`);
}

const SAMPLE = {
	spectrum: 'csv-spectrum/csvs/newlines_crlf.csv',
	utf16: 'duckdb/encodings_utf16.csv',
	shiftJis: 'duckdb/encodings_shift_jis.csv',
	nul: 'duckdb/nullbyte.csv',
	quote: 'duckdb/unescaped_quotes_unescaped_quote.csv',
	fuzz: 'duckdb/fuzz/afl_ignore_errors_53.csv',
	many: 'duckdb/test_windows_newline.csv',
	zeros: 'duckdb/leading_zeros.csv'
};

describe.skipIf(!present)('a sample of the CSV corpus on /datos in Chromium', () => {
	let session: Session;
	const path = (f: string) => join(CORPUS, f);
	const base = (f: string) => f.split('/').pop()!;

	beforeAll(async () => {
		session = await openSession();
		await openDatos(session.page, inject('baseUrl'));
		await stage(session.page, Object.values(SAMPLE).map(path), 60_000);
	});

	afterAll(async () => {
		await session?.close();
	});

	it('refuses the unreadable files with a clear message on screen', async () => {
		const { page } = session;
		await expectContains(
			card(page, base(SAMPLE.shiftJis)).getByTestId('report-issues'),
			'No se reconoció la codificación de «encodings_shift_jis.csv»: no es UTF-8 ni Windows-1252'
		);
		await expectContains(
			card(page, base(SAMPLE.nul)).getByTestId('report-issues'),
			'«nullbyte.csv» no parece un archivo de texto: la línea 2 contiene un carácter nulo'
		);
		await expectContains(
			card(page, base(SAMPLE.quote)).getByTestId('report-issues'),
			'No se pudo leer «unescaped_quotes_unescaped_quote.csv» como CSV (línea 1): hay unas comillas que no se cierran.'
		);
		await expectContains(
			card(page, base(SAMPLE.fuzz)).getByTestId('report-issues'),
			'«afl_ignore_errors_53.csv»'
		);
		for (const f of [SAMPLE.shiftJis, SAMPLE.nul, SAMPLE.quote, SAMPLE.fuzz]) {
			expect(await card(page, base(f)).getByTestId('load').count(), f).toBe(0);
		}
	});

	it('previews and loads the readable ones as the tables a person expects', async () => {
		const { page } = session;
		await expectContains(card(page, base(SAMPLE.utf16)).getByTestId('preview'), 'José Álvarez');
		await expectText(
			card(page, base(SAMPLE.many)).getByTestId('report-summary'),
			'20,000 filas leídas, sin problemas.'
		);
		await expectContains(
			card(page, base(SAMPLE.zeros)).getByTestId('report-issues'),
			'La columna «CODGEO» se dejó como texto para conservar los ceros iniciales'
		);
		await load(page, base(SAMPLE.spectrum));
		const json = JSON.parse(
			readFileSync(path('csv-spectrum/json/newlines_crlf.json'), 'utf8')
		) as Record<string, string>[];
		const rows = await query(page, 'SELECT * FROM newlines_crlf');
		expect(
			rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])))
		).toEqual(json);
		await load(page, base(SAMPLE.zeros));
		expect(await query(page, 'SELECT "CODGEO", "NAISD17" FROM leading_zeros LIMIT 2')).toEqual([
			{ CODGEO: '09001', NAISD17: 1 },
			{ CODGEO: '09002', NAISD17: 6 }
		]);
	});

	it('leaves the engine working, with the demo data', async () => {
		const { page } = session;
		await clearCards(page);
		expect(await query(page, 'SELECT count(*)::INTEGER AS n FROM districts')).toEqual([{ n: 50 }]);
		expect(session.foreignRequests).toEqual([]);
		expect(session.errors).toEqual([]);
	});
});
