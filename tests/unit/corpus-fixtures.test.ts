/**
 * Our own fixtures for what the shared corpus lacks (tests/fixtures/generate.ts):
 * Spanish-locale Excel files in both conventions, UTF-8 with BOM, "Texto
 * Unicode", typographic characters, lost leading zeros, ambiguous dates,
 * `2,01235E+10`, trailing `;;;`, formulas. The tests check the values read,
 * not only that nothing failed; and a Spanish-Excel copy of the demo data
 * gives exactly the metrics of the clean one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runMetrics } from '../../scripts/metrics-run';
import { decodeBytes } from '../../src/lib/data/decode';
import { tableCsvBytes } from '../../src/lib/data/export';
import { importTable } from '../../src/lib/data/import';
import { importCsv, importFiles, type ImportReport } from '../../src/lib/data/import';
import { DATASET_NAMES, type DatasetName } from '../../src/lib/data/tables';
import { createNodeEngine } from '../../src/lib/engine/node';
import type { Engine } from '../../src/lib/engine/types';
import {
	encodeCp1252,
	encodeUtf16le,
	excelCopy,
	FIXTURES_DIR,
	FORMULA_PAYLOADS,
	smallFixtures,
	SPANISH_FILE_NAMES,
	type ExcelLocale
} from '../fixtures/generate';
import { readDemoFiles } from '../../src/lib/server/demo-files';

/** The project's tsx, run directly: `npx tsx` costs another half second of CPU per run. */
const TSX = 'node_modules/.bin/tsx';

// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
vi.setConfig({ testTimeout: 120_000 });

const TODAY = '2026-01-01';
let engine: Engine;

beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

describe('the fixture generator', () => {
	it('writes the committed fixtures byte for byte (run it after changing it)', () => {
		for (const [name, bytes] of Object.entries(smallFixtures())) {
			expect(new Uint8Array(readFileSync(join(FIXTURES_DIR, name))), name).toEqual(bytes);
		}
		expect(readdirSync(FIXTURES_DIR).sort()).toEqual(Object.keys(smallFixtures()).sort());
	});

	it('encodes Windows-1252 with its own table (known bytes), and refuses what it lacks', () => {
		expect([...encodeCp1252('€“”–…Añón')]).toEqual([
			0x80, 0x93, 0x94, 0x96, 0x85, 0x41, 0xf1, 0xf3, 0x6e
		]);
		expect(decodeBytes(encodeCp1252('€“”–…Añón')).text).toBe('€“”–…Añón');
		expect(() => encodeCp1252('ʤ')).toThrow(/Not in Windows-1252/);
		expect([...encodeUtf16le('Añ')]).toEqual([0xff, 0xfe, 0x41, 0x00, 0xf1, 0x00]);
	});
});

describe('importing the fixtures: the values read', () => {
	const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIR, name)));
	const brief = (r: ImportReport) =>
		r.issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'}:${i.severity}:${i.code}`);

	beforeEach(async () => {
		await importFiles(engine, readDemoFiles(), { today: TODAY, locale: 'es' });
	});

	it('Spanish Excel, Spain style (Windows-1252, `;`, trailing `;;;`): codes, dates, numbers, text', async () => {
		const r = await importCsv(engine, {
			fileName: 'actividades_excel_es.csv',
			bytes: bytes('actividades_excel_es.csv'),
			mode: 'replace',
			today: TODAY,
			locale: 'es'
		});
		expect(r).toMatchObject({
			dataset: 'activities',
			encoding: 'windows-1252',
			delimiter: ';',
			dateOrder: 'dmy',
			rows: 4,
			loaded: 4,
			errors: 0
		});
		expect(brief(r)).toEqual([
			'2:Código ubigeo:warning:code_padded',
			'4:Participantes:warning:participants_high'
		]);
		expect(
			await engine.query(
				`SELECT activity_id, CAST(date AS VARCHAR) AS date, ubigeo, type, participants_total AS total, partner
				FROM activities ORDER BY 1`
			)
		).toEqual([
			{
				activity_id: 'A-001',
				date: '2024-04-03',
				ubigeo: '070101',
				type: 'sesion_informativa',
				total: 25,
				partner: 'OIM – “Lima”'
			},
			{
				activity_id: 'A-002',
				date: '2024-04-15',
				ubigeo: '150101',
				type: 'desayuno_migratorio',
				total: 40,
				partner: 'ACNUR… Añón €'
			},
			{
				activity_id: 'A-003',
				date: '2023-12-01',
				ubigeo: '150132',
				type: 'capacitacion',
				total: 1250,
				partner: null
			},
			{
				activity_id: 'A-004',
				date: '2024-01-02',
				ubigeo: '150103',
				type: 'conversatorio',
				total: 12,
				partner: 'Fundación "Añón"; Lima'
			}
		]);
	});

	it.each<[string, string]>([
		['estadisticas_excel_es.csv', ';'],
		['estadisticas_excel_pe.csv', ',']
	])('%s: `1.234,56` or `1234.56`, and `2,01235E+10` flagged', async (name, delimiter) => {
		const r = await importCsv(engine, {
			fileName: name,
			bytes: bytes(name),
			mode: 'replace',
			today: TODAY,
			locale: 'es'
		});
		expect(r).toMatchObject({
			dataset: 'statistics',
			encoding: 'windows-1252',
			delimiter,
			loaded: 3,
			errors: 0
		});
		expect(brief(r)).toEqual([
			'2:Código ubigeo:warning:code_padded',
			'3:Valor:warning:number_scientific'
		]);
		expect(
			await engine.query(
				'SELECT ubigeo, period, value, numerator, denominator, sex, nationality, source FROM statistics ORDER BY value'
			)
		).toEqual([
			{
				ubigeo: '150132',
				period: '2024-03',
				value: 12.5,
				numerator: 25,
				denominator: 200,
				sex: 'hombre',
				nationality: 'peruana',
				source: 'Añón €'
			},
			{
				ubigeo: '070101',
				period: '2024',
				value: 1234.56,
				numerator: null,
				denominator: null,
				sex: 'mujer',
				nationality: 'total',
				source: 'Registro “DEMUNA” – 2024'
			},
			{
				ubigeo: '150101',
				period: '2023',
				value: 20123500000,
				numerator: null,
				denominator: null,
				sex: 'total',
				nationality: 'extranjera',
				source: 'Estimación…'
			}
		]);
	});

	it('Excel "CSV UTF-8" (a BOM): the first header is read without it', async () => {
		const r = await importCsv(engine, {
			fileName: 'distritos_utf8_bom.csv',
			bytes: bytes('distritos_utf8_bom.csv'),
			mode: 'replace',
			today: TODAY,
			locale: 'es'
		});
		expect(r).toMatchObject({ dataset: 'districts', encoding: 'utf-8-bom', loaded: 4, errors: 0 });
		expect(r.mapping.ubigeo).toBe('ubigeo');
		expect(
			await engine.query(
				"SELECT name, population, migrant_population FROM districts WHERE ubigeo = '150102'"
			)
		).toEqual([{ name: 'Ancón', population: 69530, migrant_population: 2086 }]);
	});

	it('Excel "Texto Unicode" (UTF-16 LE, tab), with Spanish values mapped to the sets', async () => {
		const r = await importCsv(engine, {
			fileName: 'actividades_texto_unicode.txt',
			bytes: bytes('actividades_texto_unicode.txt'),
			mode: 'replace',
			today: TODAY,
			locale: 'es'
		});
		expect(r).toMatchObject({
			dataset: 'activities',
			encoding: 'utf-16le',
			delimiter: '\t',
			loaded: 2,
			errors: 0
		});
		expect(
			await engine.query(
				'SELECT activity_id, CAST(date AS VARCHAR) AS date, type, audience, topic, modality, partner FROM activities ORDER BY 1'
			)
		).toEqual([
			{
				activity_id: 'U-001',
				date: '2024-04-03',
				type: 'capacitacion',
				audience: 'gobierno_local',
				topic: 'salud',
				modality: 'virtual',
				partner: '“Añón” – ACNUR'
			},
			{
				activity_id: 'U-002',
				date: '2024-05-13',
				type: 'campana',
				audience: 'comunidad_migrante',
				topic: 'integracion',
				modality: 'presencial',
				partner: 'OIM…'
			}
		]);
	});

	it('formula payloads: stored as text, exported neutralised, re-imported exactly', async () => {
		await importCsv(engine, {
			fileName: 'actividades_formulas.csv',
			bytes: bytes('actividades_formulas.csv'),
			mode: 'replace',
			today: TODAY,
			locale: 'es'
		});
		const stored = await engine.query('SELECT partner FROM activities ORDER BY activity_id');
		expect(stored.map((r) => r.partner)).toEqual([...FORMULA_PAYLOADS]);
		const exported = await tableCsvBytes(engine, 'activities');
		const text = new TextDecoder().decode(exported);
		for (const line of text.split('\n').slice(1, -1)) expect(line).toMatch(/,"?'[=+\-@\t]/);
		const again = await importCsv(engine, {
			fileName: 'activities.csv',
			bytes: exported,
			mode: 'replace',
			today: TODAY,
			locale: 'es'
		});
		expect(again.errors).toBe(0);
		expect(await engine.query('SELECT partner FROM activities ORDER BY activity_id')).toEqual(
			stored
		);
	});

	it('a spreadsheet that is no dataset, as an extra table with the types a person expects', async () => {
		const r = await importTable(engine, {
			fileName: 'Encuesta Añón 2024.csv',
			bytes: bytes('Encuesta Añón 2024.csv'),
			locale: 'es'
		});
		expect(r.table).toBe('encuesta_anon_2024');
		expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
			'código:VARCHAR',
			'año:BIGINT',
			'monto:DOUBLE',
			'fecha:DATE',
			'activo:BOOLEAN',
			'nota:VARCHAR'
		]);
		expect(r.issues.map((i) => i.code)).toEqual(['columns_empty_dropped', 'text_leading_zeros']);
		expect(
			await engine.query(
				'SELECT "código", monto, CAST(fecha AS VARCHAR) AS fecha, activo FROM encuesta_anon_2024'
			)
		).toEqual([
			{ código: '0101', monto: 1234.56, fecha: '2024-04-03', activo: true },
			{ código: '0102', monto: 12.5, fecha: '2024-04-15', activo: false },
			{ código: '0201', monto: -3.75, fecha: '2023-12-01', activo: true }
		]);
	});
});

describe('a Spanish-Excel copy of the demo data', () => {
	const copy = (locale: ExcelLocale) => {
		const dir = mkdtempSync(join(tmpdir(), `integra-excel-${locale}-`));
		for (const name of DATASET_NAMES) {
			const clean = readFileSync(join('data', `${name}.csv`), 'utf8');
			writeFileSync(
				join(dir, SPANISH_FILE_NAMES[name as DatasetName]),
				encodeCp1252(excelCopy(clean, name, locale))
			);
		}
		return dir;
	};
	const files = (dir: string) =>
		readdirSync(dir).map((fileName) => ({
			fileName,
			bytes: new Uint8Array(readFileSync(join(dir, fileName)))
		}));

	it('really looks like Excel in Spanish: `;`, lost zeros, dd/mm/yyyy, 1.117.629, VERDADERO', () => {
		const text = decodeBytes(new Uint8Array(readFileSync(join(copy('es'), 'distritos.csv')))).text;
		expect(text.split('\r\n')[0]).toBe(
			'código ubigeo;nombre;provincia;departamento;población;población migrante;fila;columna'
		);
		expect(text).toContain('\r\n70101;Callao;Callao;Callao;');
		expect(text).toMatch(/;1\.\d{3}\.\d{3};/);
		const acts = decodeBytes(
			new Uint8Array(readFileSync(join(copy('pe'), 'actividades.csv')))
		).text;
		expect(acts).toMatch(/^id,fecha,código ubigeo,tipo,público,tema,modalidad,participantes/);
		expect(acts).toMatch(
			/\r\nACT-2021-0001,06\/01\/2021,150111,Desayuno migratorio,Gobierno local,/
		);
		const marco = decodeBytes(new Uint8Array(readFileSync(join(copy('es'), 'marco.csv')))).text;
		expect(marco).toContain('VERDADERO');
	});

	it.each<ExcelLocale>(['es', 'pe'])(
		'(%s) gives exactly the metrics of the clean data, in process',
		async (locale) => {
			const clean = await runMetrics(engine, readDemoFiles(), { today: TODAY, locale: 'es' });
			const excel = await runMetrics(engine, files(copy(locale)), { today: TODAY, locale: 'es' });
			expect(excel.ok).toBe(true);
			for (const file of ['domain_scores.csv', 'overall_scores.csv', 'activity_metrics.csv']) {
				expect(excel.outputs[file], file).toBe(clean.outputs[file]);
			}
			// Only warnings: the ubigeos that lost their zero.
			const report = excel.outputs['validation_report.csv'];
			expect(
				report
					.split('\n')
					.slice(1)
					.every((l) => l.includes(',warning,'))
			).toBe(true);
			expect(report).toContain('se leyó como 070101');
		},
		60_000
	);

	it('gives the same `npm run metrics` output files as the clean data', async () => {
		const run = promisify(execFile);
		const outClean = mkdtempSync(join(tmpdir(), 'integra-m-clean-'));
		const outExcel = mkdtempSync(join(tmpdir(), 'integra-m-excel-'));
		const args = (data: string, out: string) => [
			'scripts/metrics.ts',
			'--data',
			data,
			'--out',
			out,
			'--today',
			TODAY
		];
		await run(TSX, args('data', outClean));
		const excel = await run(TSX, args(copy('es'), outExcel));
		expect(excel.stderr).toBe('');
		for (const file of ['domain_scores.csv', 'overall_scores.csv', 'activity_metrics.csv']) {
			expect(readFileSync(join(outExcel, file), 'utf8'), file).toBe(
				readFileSync(join(outClean, file), 'utf8')
			);
		}
	}, 120_000);
});
