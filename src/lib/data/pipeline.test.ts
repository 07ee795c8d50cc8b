import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import importArea from '../i18n/areas/import';
import { datasetFromFileName, detectDataset, mapHeaders } from './detect';
import {
	importCsv,
	importFiles,
	prepareImport,
	issuesToCsvRows,
	recogniseFile,
	readHeader,
	recordStartLines,
	uniqueNames,
	type ImportOptions,
	type ImportReport
} from './pipeline';
import { DATASET_SPECS, SQL_TYPE, normalizeHeader, WARNING_CODES } from './schema';
import { createTablesSql, DATASET_NAMES } from './tables';

// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
vi.setConfig({ testTimeout: 120_000 });

let engine: Engine;

beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

const TODAY = '2025-06-30';
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Windows-1252 bytes (the few non-ASCII characters the fixtures use). */
function cp1252(s: string): Uint8Array {
	const map: Record<string, number> = {
		ñ: 0xf1,
		ó: 0xf3,
		á: 0xe1,
		'“': 0x93,
		'”': 0x94,
		'–': 0x96
	};
	return Uint8Array.from([...s].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

const csv = (lines: string[]) => lines.join('\n') + '\n';

const DISTRICTS = csv([
	'ubigeo,name,province,department,population,migrant_population,grid_row,grid_col',
	'070101,Callao,Callao,Callao,451260,30500,3,1',
	'150101,Lima,Lima,Lima,268352,41200,2,2',
	'150132,San Juan de Lurigancho,Lima,Lima,1117629,98000,1,3'
]);

const FRAMEWORK = csv([
	'indicator_id,domain,kind,text_es,text_en,weight,unit,higher_is_better',
	'D1.01,1,policy,"¿Registra la nacionalidad en la DEMUNA?",Does it record nationality?,1,,',
	'D4.02,4,policy,"Acceso a salud, sin distinción",Health access,2,,',
	'E4.01,4,statistic,Casos atendidos,Cases served,,count,true'
]);

const STATISTICS = csv([
	'ubigeo;period;indicator_id;value;sex',
	'070101;2024-03;E4.01;1.234,56;mujer',
	'150101;2024;E4.01;12,5;'
]);

const ACT_HEADER =
	'activity_id,date,ubigeo,type,audience,topic,modality,participants_total,participants_women,participants_men,participants_migrants,partner';
const ACTIVITIES = csv([
	ACT_HEADER,
	'A-001,3/4/2024,070101,sesion_informativa,gobierno_local,regularizacion,presencial,25,15,10,8,OIM',
	'A-002,15/4/2024,150132,desayuno_migratorio,comunidad_migrante,salud,virtual,40,22,18,30,'
]);

/** An activities row with one field changed. */
function act(id: string, over: Partial<Record<string, string>> = {}): string {
	const base: Record<string, string> = {
		activity_id: id,
		date: '3/4/2024',
		ubigeo: '070101',
		type: 'conversatorio',
		audience: 'academia',
		topic: 'salud',
		modality: 'virtual',
		participants_total: '20',
		participants_women: '10',
		participants_men: '8',
		participants_migrants: '5',
		partner: 'OIM'
	};
	return ACT_HEADER.split(',')
		.map((c) => over[c] ?? base[c])
		.join(',');
}

function options(fileName: string, text: string | Uint8Array, over: Partial<ImportOptions> = {}) {
	return {
		fileName,
		bytes: typeof text === 'string' ? utf8(text) : text,
		mode: 'replace' as const,
		today: TODAY,
		locale: 'es' as const,
		...over
	};
}

const brief = (r: ImportReport) =>
	r.issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'}:${i.severity}:${i.code}`);

async function baseTables(into: Engine = engine) {
	await into.exec(createTablesSql());
	await importCsv(into, options('districts.csv', DISTRICTS));
	await importCsv(into, options('framework.csv', FRAMEWORK));
}

describe('header helpers', () => {
	it('reads the header record, quotes included', () => {
		expect(readHeader('a,"b,c","d""e"\n1,2,3', ',')).toEqual(['a', 'b,c', 'd"e']);
		expect(readHeader('x;y\r\n1;2', ';')).toEqual(['x', 'y']);
		expect(readHeader('  \n', ',')).toBeNull();
	});

	it('makes staging names unique without regard to case', () => {
		expect(uniqueNames(['a', 'A', '', 'a', '__line'])).toEqual([
			'a',
			'A_1',
			'column2',
			'a_2',
			'__line_1'
		]);
	});

	it('finds the line each record starts on', async () => {
		const text = 'a,b\n1,"x\ny"\n\n2,3\r\n"4\r\n",5\n';
		expect(await recordStartLines(text, ',', false)).toEqual([2, 5, 6]);
	});

	it('normalises headers', () => {
		expect(normalizeHeader('  Código  UBIGEO ')).toBe('codigo_ubigeo');
		expect(normalizeHeader('Total-Participantes')).toBe('total_participantes');
	});
});

describe('detect', () => {
	it('recognises each dataset from its canonical headers', () => {
		for (const name of DATASET_NAMES) {
			expect(detectDataset(DATASET_SPECS[name].columns.map((c) => c.name))).toBe(name);
		}
	});

	it('recognises Spanish headers', () => {
		expect(detectDataset(['Código UBIGEO', 'Nombre', 'Provincia', 'Población'])).toBe('districts');
		expect(
			detectDataset([
				'ID',
				'Fecha',
				'Distrito',
				'Tipo de actividad',
				'Público',
				'Tema',
				'Modalidad',
				'Participantes'
			])
		).toBe('activities');
		expect(detectDataset(['distrito', 'ronda', 'indicador', 'respuesta'])).toBe('assessments');
		expect(detectDataset(['foo', 'bar'])).toBeNull();
	});

	it('reads distrito as the name in districts and as a (weak) code elsewhere', () => {
		const d = mapHeaders(DATASET_SPECS.districts, ['ubigeo', 'distrito', 'provincia']);
		expect(d.mapping).toEqual({ ubigeo: 'ubigeo', name: 'distrito', province: 'provincia' });
		const a = mapHeaders(DATASET_SPECS.activities, ['id', 'fecha', 'distrito', 'tipo']);
		expect(a.mapping.ubigeo).toBe('distrito');
		expect(a.weak).toEqual(['ubigeo']);
		expect(a.missing).toEqual(['audience', 'topic', 'modality', 'participants_total']);
	});

	it('prefers the canonical name and reports a shadowed synonym', () => {
		const m = mapHeaders(DATASET_SPECS.districts, ['nombre', 'name', 'ubigeo', 'province', 'x']);
		expect(m.mapping.name).toBe('name');
		expect(m.extra).toEqual(['nombre', 'x']);
		expect(m.shadowed).toEqual([{ header: 'nombre', column: 'name' }]);
	});

	it('recognises file names', () => {
		expect(datasetFromFileName('data/districts.csv')).toBe('districts');
		expect(datasetFromFileName('Actividades_2024.CSV')).toBe('activities');
		expect(datasetFromFileName('Plan de acción.csv')).toBe('actions');
		expect(datasetFromFileName('otros.csv')).toBeNull();
	});

	it('has no synonym that matches two columns of one dataset', () => {
		for (const spec of Object.values(DATASET_SPECS)) {
			const seen = new Map<string, string>();
			for (const c of spec.columns) {
				for (const s of [c.name, ...c.synonyms]) {
					const n = normalizeHeader(s);
					expect(seen.get(n) ?? c.name, `${spec.name}: ${s}`).toBe(c.name);
					seen.set(n, c.name);
				}
			}
		}
	});
});

describe('schema matches the typed tables', () => {
	it('has the same columns and types, and a value for every NOT NULL column', async () => {
		await engine.exec(createTablesSql());
		for (const name of DATASET_NAMES) {
			const cols = await engine.query(
				`SELECT column_name AS name, data_type AS type, NOT is_nullable AS "notNull"
				FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index`,
				[name]
			);
			const spec = DATASET_SPECS[name];
			expect(cols.map((c) => c.name)).toEqual(spec.columns.map((c) => c.name));
			expect(cols.map((c) => c.type)).toEqual(spec.columns.map((c) => SQL_TYPE[c.type]));
			for (const c of spec.columns) {
				const notNull = cols.find((x) => x.name === c.name)?.notNull;
				if (notNull) expect(c.required || c.default !== undefined, `${name}.${c.name}`).toBe(true);
			}
		}
	});

	it('has Spanish and English messages for every issue code', () => {
		const codes = [
			'required',
			'allowed',
			'range_min',
			'range_min_exclusive',
			'range_max',
			'reference.districts',
			'reference.framework',
			'indicator_kind',
			'duplicate',
			'duplicate_existing',
			...[
				'integer',
				'number',
				'date',
				'timestamp',
				'boolean',
				'code',
				'round',
				'period',
				'url'
			].map((t) => `type_${t}`),
			...Object.values(DATASET_SPECS).flatMap((s) => s.rules.map((r) => r.code)),
			...WARNING_CODES.filter((c) =>
				['code_padded', 'date_future', 'participants_high'].includes(c)
			)
		];
		// by any string: a code is data here, and the test is what finds a missing message
		const { es, en }: Record<'es' | 'en', Record<string, string>> = importArea;
		for (const code of codes) {
			expect(es[`import.issue.${code}`], code).toBeTruthy();
			expect(en[`import.issue.${code}`], code).toBeTruthy();
		}
		expect(Object.keys(importArea.en).sort()).toEqual(Object.keys(importArea.es).sort());
	});
});

describe('importCsv', () => {
	beforeEach(() => baseTables());

	it('loads a clean set with no issues and the right typed values', async () => {
		const stats = await importCsv(engine, options('statistics.csv', STATISTICS));
		const acts = await importCsv(engine, options('activities.csv', ACTIVITIES));
		expect(stats).toMatchObject({
			dataset: 'statistics',
			encoding: 'utf-8',
			delimiter: ';',
			decimalComma: true,
			rows: 2,
			loaded: 2,
			errors: 0,
			warnings: 0,
			issues: []
		});
		expect(acts).toMatchObject({
			dataset: 'activities',
			delimiter: ',',
			dateOrder: 'dmy',
			rows: 2,
			loaded: 2
		});
		expect(acts.issues).toEqual([]);

		expect(
			await engine.query('SELECT ubigeo, name, population FROM districts ORDER BY ubigeo')
		).toEqual([
			{ ubigeo: '070101', name: 'Callao', population: 451260 },
			{ ubigeo: '150101', name: 'Lima', population: 268352 },
			{ ubigeo: '150132', name: 'San Juan de Lurigancho', population: 1117629 }
		]);
		expect(
			await engine.query(
				'SELECT indicator_id, text_es, weight, higher_is_better FROM framework ORDER BY 1'
			)
		).toEqual([
			{
				indicator_id: 'D1.01',
				text_es: '¿Registra la nacionalidad en la DEMUNA?',
				weight: 1,
				higher_is_better: null
			},
			{
				indicator_id: 'D4.02',
				text_es: 'Acceso a salud, sin distinción',
				weight: 2,
				higher_is_better: null
			},
			{ indicator_id: 'E4.01', text_es: 'Casos atendidos', weight: 1, higher_is_better: true }
		]);
		expect(
			await engine.query('SELECT ubigeo, value, sex, nationality FROM statistics ORDER BY 1')
		).toEqual([
			{ ubigeo: '070101', value: 1234.56, sex: 'mujer', nationality: 'total' },
			{ ubigeo: '150101', value: 12.5, sex: 'total', nationality: 'total' }
		]);
		expect(
			await engine.query(
				'SELECT activity_id, CAST(date AS VARCHAR) AS d, ubigeo, participants_total, partner FROM activities ORDER BY 1'
			)
		).toEqual([
			{
				activity_id: 'A-001',
				d: '2024-04-03',
				ubigeo: '070101',
				participants_total: 25,
				partner: 'OIM'
			},
			{
				activity_id: 'A-002',
				d: '2024-04-15',
				ubigeo: '150132',
				participants_total: 40,
				partner: null
			}
		]);
	});

	it('keeps the typed table definition after a replace', async () => {
		const before = await engine.query(
			`SELECT sql FROM duckdb_tables() WHERE table_name = 'activities'`
		);
		await importCsv(engine, options('activities.csv', ACTIVITIES));
		await importCsv(engine, options('districts.csv', DISTRICTS));
		expect(
			await engine.query(`SELECT sql FROM duckdb_tables() WHERE table_name = 'activities'`)
		).toEqual(before);
		const pk = await engine.query(
			`SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'districts' AND constraint_type = 'PRIMARY KEY'`
		);
		expect(pk).toHaveLength(1);
		// No helper table is left behind.
		const helpers = await engine.query(
			`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_\\_%' ESCAPE '\\'`
		);
		expect(helpers).toEqual([]);
	});

	const oid = async (table: string) =>
		(
			await engine.query('SELECT table_oid AS o FROM duckdb_tables() WHERE table_name = ?', [table])
		)[0].o;

	it('reports each error on its line and column, and does not load the row', async () => {
		const before = await oid('activities');
		const text = csv([
			ACT_HEADER,
			act('A-001'),
			act('A-002', { participants_total: '' }),
			act('A-003', { date: '31/02/2024' }),
			act('A-004', { participants_women: 'diez' }),
			act('A-005', { ubigeo: 'Callao' }),
			act('A-006', { type: 'fiesta' }),
			act('A-007', { participants_men: '-2' }),
			act('A-008', { ubigeo: '150199' }),
			act('A-001'),
			act('A-010', { participants_women: '15', participants_men: '10' }),
			act('A-011', { participants_migrants: '21' }),
			act('A-012')
		]);
		const r = await importCsv(engine, options('activities.csv', text));
		expect(brief(r)).toEqual([
			'3:participants_total:error:required',
			'4:date:error:type_date',
			'5:participants_women:error:type_integer',
			'6:ubigeo:error:type_code',
			'7:type:error:allowed',
			'8:participants_men:error:range_min',
			'9:ubigeo:error:reference',
			'10:activity_id:error:duplicate',
			'11:participants_women:error:women_men_gt_total',
			'12:participants_migrants:error:migrants_gt_total'
		]);
		expect(r).toMatchObject({ rows: 12, loaded: 2, errors: 10, warnings: 0, omitted: 0 });
		// Replace takes the fast path: the checked stage becomes the table.
		expect(await oid('activities')).not.toBe(before);
		expect(await engine.query('SELECT activity_id FROM activities ORDER BY 1')).toEqual([
			{ activity_id: 'A-001' },
			{ activity_id: 'A-012' }
		]);
		const msg = Object.fromEntries(r.issues.map((i) => [i.code, i.message]));
		expect(msg.type_date).toBe(
			'«31/02/2024» no es una fecha válida. Use AAAA-MM-DD (2024-04-03) o día/mes/año (3/4/2024).'
		);
		expect(msg.duplicate).toContain('línea 2');
		expect(msg.reference).toContain('«150199»');
		expect(msg.allowed).toContain('sesion_informativa, conversatorio');
		expect(msg.women_men_gt_total).toContain('(25)');
		expect(
			r.issues.every((i) => i.file === 'activities.csv' && !i.message.includes('import.'))
		).toBe(true);
	});

	it('loads rows with warnings and flags them', async () => {
		const text = csv([
			ACT_HEADER,
			act('A-001', { ubigeo: '70101' }),
			act('A-002', { date: '1/7/2025' }),
			act('A-003', { participants_total: '1500' })
		]);
		const r = await importCsv(engine, options('activities.csv', text));
		expect(brief(r)).toEqual([
			'2:ubigeo:warning:code_padded',
			'3:date:warning:date_future',
			'4:participants_total:warning:participants_high'
		]);
		expect(r).toMatchObject({ rows: 3, loaded: 3, errors: 0, warnings: 3 });
		expect(
			await engine.query(
				'SELECT activity_id, ubigeo, CAST(date AS VARCHAR) AS d, participants_total FROM activities ORDER BY 1'
			)
		).toEqual([
			{ activity_id: 'A-001', ubigeo: '070101', d: '2024-04-03', participants_total: 20 },
			{ activity_id: 'A-002', ubigeo: '070101', d: '2025-07-01', participants_total: 20 },
			{ activity_id: 'A-003', ubigeo: '070101', d: '2024-04-03', participants_total: 1500 }
		]);
		expect(r.issues[0].message).toBe(
			'El código «70101» tiene 5 dígitos; se leyó como 070101, con el cero inicial. Guarde la columna como texto para conservar el cero.'
		);
	});

	it('names every missing required column in one error and loads nothing', async () => {
		await importCsv(engine, options('activities.csv', ACTIVITIES));
		const r = await importCsv(
			engine,
			options('activities.csv', csv(['activity_id,fecha,tipo', 'A-9,3/4/2024,otro']))
		);
		expect(r.missing).toEqual(['ubigeo', 'audience', 'topic', 'modality', 'participants_total']);
		expect(brief(r)).toEqual(['-:-:error:columns_missing']);
		expect(r.issues[0].message).toBe(
			'Faltan columnas obligatorias de actividades (activities.csv) en «activities.csv»: ubigeo (código ubigeo), audience (público), topic (tema), modality (modalidad), participants_total (participantes). Agréguelas a la fila de encabezado (se aceptan los nombres en español). No se cargó ninguna fila.'
		);
		expect(r.loaded).toBe(0);
		// Replace mode, but nothing was lost.
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 2 }]);
	});

	it('appends, rejecting keys already loaded', async () => {
		await importCsv(engine, options('activities.csv', ACTIVITIES));
		const before = await oid('activities');
		const r = await importCsv(
			engine,
			options('activities.csv', csv([ACT_HEADER, act('A-001'), act('A-003')]), { mode: 'append' })
		);
		expect(brief(r)).toEqual(['2:activity_id:error:duplicate_existing']);
		expect(r).toMatchObject({ rows: 2, loaded: 1 });
		expect(await engine.query('SELECT activity_id FROM activities ORDER BY 1')).toEqual([
			{ activity_id: 'A-001' },
			{ activity_id: 'A-002' },
			{ activity_id: 'A-003' }
		]);
		// Appending to rows already there inserts into the same table.
		expect(await oid('activities')).toBe(before);
		const d = await importCsv(
			engine,
			options('d.csv', csv(['ubigeo,name,province', '150101,Lima,Lima', '150102,Ancón,Lima']), {
				mode: 'append',
				dataset: 'districts'
			})
		);
		expect(brief(d)).toEqual(['2:ubigeo:error:duplicate_existing']);
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM districts')).toEqual([{ n: 4 }]);
	});

	it('replaces: empties the table first', async () => {
		await importCsv(engine, options('activities.csv', ACTIVITIES));
		const r = await importCsv(engine, options('activities.csv', csv([ACT_HEADER, act('A-009')])));
		expect(r.loaded).toBe(1);
		expect(await engine.query('SELECT activity_id FROM activities')).toEqual([
			{ activity_id: 'A-009' }
		]);
	});

	it('reads a Windows-1252 file with ; and typographic quotes', async () => {
		const bytes = cp1252(
			csv(['ubigeo;nombre;provincia;departamento', '150101;Añón;Lima;“comillas” – Lima'])
		);
		const r = await importCsv(engine, options('districts.csv', bytes));
		expect(r).toMatchObject({ encoding: 'windows-1252', delimiter: ';', loaded: 1, errors: 0 });
		expect(r.mapping).toEqual({
			ubigeo: 'ubigeo',
			name: 'nombre',
			province: 'provincia',
			department: 'departamento'
		});
		expect(await engine.query('SELECT name, department FROM districts')).toEqual([
			{ name: 'Añón', department: '“comillas” – Lima' }
		]);
	});

	it('handles a large UTF-8 file without decoding it, and falls back to Windows-1252 late in the file', async () => {
		const rows = Array.from({ length: 6000 }, (_, i) =>
			act(`A-${i}`, { partner: 'Organización Internacional' })
		);
		rows[5999] = act('A-5999', { type: 'nada' });
		const text = csv([ACT_HEADER, ...rows]);
		expect(text.length).toBeGreaterThan(300_000);
		const r = await importCsv(engine, options('activities.csv', text));
		expect(r).toMatchObject({ encoding: 'utf-8', rows: 6000, loaded: 5999 });
		expect(brief(r)).toEqual(['6001:type:error:allowed']);

		expect(await engine.query(`SELECT partner FROM activities WHERE activity_id = 'A-0'`)).toEqual([
			{ partner: 'Organización Internacional' }
		]);

		// ASCII for 300 KB, then one Windows-1252 byte: DuckDB rejects it, the file is decoded in JS.
		const ascii = Array.from({ length: 6000 }, (_, i) => act(`A-${i}`));
		const late = cp1252(csv([ACT_HEADER, ...ascii, act('A-x', { partner: 'Añón' })]));
		const r2 = await importCsv(engine, options('activities.csv', late));
		expect(r2).toMatchObject({ encoding: 'windows-1252', rows: 6001, loaded: 6001, errors: 0 });
		expect(
			await engine.query(
				`SELECT partner FROM activities WHERE activity_id IN ('A-0', 'A-x') ORDER BY activity_id`
			)
		).toEqual([{ partner: 'OIM' }, { partner: 'Añón' }]);
	});

	it('numbers lines right with quoted line breaks and blank lines', async () => {
		const text = [
			ACT_HEADER,
			act('A-001', { partner: '"OIM,\nACNUR"' }),
			'',
			act('A-002', { type: 'x' }),
			act('A-003', { partner: '"uno\r\ndos"' }),
			act('A-004', { topic: 'y' }),
			''
		].join('\n');
		const r = await importCsv(engine, options('activities.csv', text));
		expect(brief(r)).toEqual(['5:type:error:allowed', '8:topic:error:allowed']);
		expect(await engine.query('SELECT partner FROM activities ORDER BY activity_id')).toEqual([
			{ partner: 'OIM,\nACNUR' },
			{ partner: 'uno\r\ndos' }
		]);
	});

	it('fails clearly on a file that is not valid CSV, and keeps the loaded data', async () => {
		await importCsv(engine, options('activities.csv', ACTIVITIES));
		const bad = csv([ACT_HEADER, act('A-1'), act('A-2') + ',extra', act('A-3')]);
		const r = await importCsv(engine, options('activities.csv', bad));
		expect(brief(r)).toEqual(['3:-:error:file_unreadable']);
		expect(r.issues[0].message).toContain(
			'«activities.csv» como CSV (línea 3): la fila tiene un número de valores distinto del de la primera fila (13 en lugar de 12).'
		);
		expect(r.loaded).toBe(0);
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 2 }]);

		const quote = await importCsv(
			engine,
			options('activities.csv', csv([ACT_HEADER, act('A-1', { partner: '"OIM' })]))
		);
		expect(quote.issues[0].code).toBe('file_unreadable');
		expect(quote.issues[0].message).toContain('comillas que no se cierran');
	});

	it('reports an unknown dataset and an empty file', async () => {
		const u = await importCsv(engine, options('datos.csv', 'foo,bar\n1,2\n'));
		expect(u.dataset).toBeNull();
		expect(brief(u)).toEqual(['-:-:error:dataset_unknown']);
		const e = await importCsv(engine, options('activities.csv', ''));
		expect(brief(e)).toEqual(['-:-:error:file_no_header']);
		const h = await importCsv(engine, options('activities.csv', ACT_HEADER + '\n'));
		expect(brief(h)).toEqual(['-:-:warning:file_empty']);
		expect(h).toMatchObject({ rows: 0, loaded: 0 });
	});

	it('uses "distrito" as the code only when it holds codes', async () => {
		const head = 'id,fecha,distrito,tipo,publico,tema,modalidad,participantes';
		const codes = await importCsv(
			engine,
			options('a.csv', csv([head, 'A-1,3/4/2024,070101,otro,academia,salud,virtual,5']))
		);
		expect(codes).toMatchObject({ dataset: 'activities', loaded: 1, errors: 0 });
		expect(codes.mapping.ubigeo).toBe('distrito');
		const names = await importCsv(
			engine,
			options('a.csv', csv([head, 'A-1,3/4/2024,Callao,otro,academia,salud,virtual,5']))
		);
		expect(names.missing).toEqual(['ubigeo']);
		expect(brief(names)).toEqual([
			'-:distrito:warning:column_not_codes',
			'-:-:error:columns_missing'
		]);
	});

	it('takes a mapping chosen by the user, and speaks English', async () => {
		const r = await importCsv(
			engine,
			options('d.csv', csv(['cod,nom,prov', '150101,Lima,Lima', 'x,Ancón,Lima']), {
				dataset: 'districts',
				mapping: { ubigeo: 'cod', name: 'nom', province: 'prov' },
				locale: 'en'
			})
		);
		expect(r.mapping).toEqual({ ubigeo: 'cod', name: 'nom', province: 'prov' });
		expect(brief(r)).toEqual(['3:cod:error:type_code']);
		expect(r.issues[0].message).toBe(
			'“x” is not a ubigeo code. Write the 6-digit INEI code with its leading zero (for example 070101) and save the column as text.'
		);
	});

	it('caps the listed issues but counts them all', async () => {
		const rows = Array.from({ length: 30 }, (_, i) => act(`A-${i}`, { type: 'mal' }));
		const r = await importCsv(
			engine,
			options('activities.csv', csv([ACT_HEADER, ...rows]), { maxIssues: 5 })
		);
		expect(r.issues).toHaveLength(5);
		expect(r).toMatchObject({ errors: 30, omitted: 25, loaded: 0 });
		expect(r.issues.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
	});

	it('reports steps in order', async () => {
		const steps: string[] = [];
		await importCsv(
			engine,
			options('activities.csv', ACTIVITIES, { onStep: (s) => steps.push(s) })
		);
		expect(steps).toEqual(['decode', 'sniff', 'map', 'stage', 'validate', 'load', 'done']);
	});
});

describe('importFiles', () => {
	it('creates the tables, recognises and orders the files, and lists what is missing', async () => {
		await engine.exec('CREATE OR REPLACE TABLE activities (x INTEGER)');
		const files = [
			{ fileName: 'actividades.csv', bytes: utf8(ACTIVITIES) },
			{ fileName: 'datos_varios.csv', bytes: utf8(STATISTICS) },
			{ fileName: 'notas.csv', bytes: utf8('foo,bar\n1,2\n') },
			{ fileName: 'distritos.csv', bytes: utf8(DISTRICTS) }
		];
		const result = await importFiles(engine, files, { today: TODAY, locale: 'es' });
		expect(result.reports.map((r) => [r.file, r.dataset, r.loaded])).toEqual([
			['distritos.csv', 'districts', 3],
			['datos_varios.csv', 'statistics', 0],
			['actividades.csv', 'activities', 2],
			['notas.csv', null, 0]
		]);
		expect(result.missingRequired).toEqual(['framework']);
		// Without a framework, every statistic's indicator is unknown.
		expect(brief(result.reports[1])).toEqual([
			'2:indicator_id:error:reference',
			'3:indicator_id:error:reference'
		]);

		const rows = issuesToCsvRows(result.reports);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toEqual({
			file: 'datos_varios.csv',
			line: 2,
			column: 'indicator_id',
			severity: 'error',
			message:
				'El indicador «E4.01» no existe en framework.csv. Corrija el código o agregue el indicador a framework.csv.'
		});
		expect(rows[2]).toMatchObject({
			file: 'notas.csv',
			line: null,
			column: null,
			severity: 'error'
		});
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 2 }]);
	});

	it('loads the full clean set', async () => {
		const files = [
			{ fileName: 'activities.csv', bytes: utf8(ACTIVITIES) },
			{ fileName: 'statistics.csv', bytes: utf8(STATISTICS) },
			{ fileName: 'framework.csv', bytes: utf8(FRAMEWORK) },
			{ fileName: 'districts.csv', bytes: utf8(DISTRICTS) }
		];
		const result = await importFiles(engine, files, { today: TODAY, locale: 'es' });
		expect(result.reports.map((r) => [r.dataset, r.loaded, r.errors, r.warnings])).toEqual([
			['districts', 3, 0, 0],
			['framework', 3, 0, 0],
			['statistics', 2, 0, 0],
			['activities', 2, 0, 0]
		]);
		expect(result.missingRequired).toEqual([]);
		expect(issuesToCsvRows(result.reports)).toEqual([]);
	});
});

describe('prepareImport: analyse, then load', () => {
	beforeEach(() => baseTables());

	it('stages and validates without loading, shows a preview, then commits', async () => {
		const previews: unknown[] = [];
		const p = await prepareImport(engine, {
			...options('activities.csv', csv([ACT_HEADER, act('A-1'), act('A-2', { type: 'fiesta' })])),
			onPreview: (preview) => previews.push(preview)
		});
		expect(p.loadable).toBe(true);
		expect(p.preview.columns).toEqual(ACT_HEADER.split(','));
		expect(p.preview.rows[1][3]).toBe('fiesta');
		expect(previews).toEqual([p.preview]);
		expect(p.report).toMatchObject({ rows: 2, valid: 1, loaded: 0, errors: 1 });
		expect(p.report.kinds).toEqual([{ code: 'allowed', severity: 'error', count: 1 }]);
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 0 }]);
		const r = await p.commit();
		expect(r.loaded).toBe(1);
		expect(await engine.query('SELECT activity_id FROM activities')).toEqual([
			{ activity_id: 'A-1' }
		]);
	});

	it('validates again for another mode, and before loading when the table changed meanwhile', async () => {
		await importCsv(engine, options('activities.csv', csv([ACT_HEADER, act('A-1')])));
		const p = await prepareImport(
			engine,
			options('activities.csv', csv([ACT_HEADER, act('A-1'), act('A-2')]))
		);
		expect(p.report.errors).toBe(0);
		expect((await p.validate('append')).kinds).toEqual([
			{ code: 'duplicate_existing', severity: 'error', count: 1 }
		]);
		// Another load of A-2 happens before this one is committed: the commit sees it.
		await importCsv(
			engine,
			options('activities.csv', csv([ACT_HEADER, act('A-2')]), { mode: 'append' })
		);
		const r = await p.commit();
		expect(brief(r)).toEqual([
			'2:activity_id:error:duplicate_existing',
			'3:activity_id:error:duplicate_existing'
		]);
		expect(r.loaded).toBe(0);
	});

	it('releases everything on discard', async () => {
		const p = await prepareImport(engine, options('activities.csv', ACTIVITIES));
		await p.discard();
		expect(
			await engine.query(
				`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '\\_\\_%' ESCAPE '\\'`
			)
		).toEqual([{ n: 0 }]);
	});

	it('refuses a file too big for the engine’s memory with a clear message, keeping the data', async () => {
		// an engine of its own: the limit is set as it starts (no SET works after)
		const small = await createNodeEngine({ memoryLimit: '64MB' });
		try {
			await baseTables(small);
			await importCsv(small, options('activities.csv', ACTIVITIES));
			const rows = Array.from({ length: 150_000 }, (_, i) =>
				act(`M-${i}`, { partner: `Socio ${i}` })
			);
			const r = await importCsv(small, options('activities.csv', csv([ACT_HEADER, ...rows])));
			expect(brief(r)).toEqual(['-:-:error:file_memory']);
			expect(r.issues[0].message).toContain('es demasiado grande para la memoria');
			// the command-line tools run the same import: their message speaks of no browser
			const cli = await importCsv(
				small,
				options('activities.csv', csv([ACT_HEADER, ...rows]), { cli: true, locale: 'en' })
			);
			expect(brief(cli)).toEqual(['-:-:error:file_memory']);
			expect(cli.issues[0].message).toMatch(
				/^“activities\.csv” is too big for the data engine’s memory/
			);
			expect(cli.issues[0].message).not.toMatch(/browser/);
			expect(await small.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([
				{ n: 2 }
			]);
		} finally {
			await small.close();
		}
	}, 60_000);
});

describe('importCsv: awkward files', () => {
	beforeEach(() => baseTables());

	it('skips blank lines above the header and numbers the lines of the file', async () => {
		const r = await importCsv(
			engine,
			options('activities.csv', `\n\n${ACT_HEADER}\n${act('A-1')}\n${act('A-2', { type: 'x' })}\n`)
		);
		expect(brief(r)).toEqual(['5:type:error:allowed']);
		expect(r.loaded).toBe(1);
	});

	it('reads mixed line endings (DuckDB alone refuses them)', async () => {
		const r = await importCsv(
			engine,
			options('activities.csv', `${ACT_HEADER}\r\n${act('A-1')}\n${act('A-2')}\r\n`)
		);
		expect(r).toMatchObject({ loaded: 2, errors: 0 });
	});

	it('names the physical line of a broken record after a quoted line break', async () => {
		const text =
			[ACT_HEADER, act('A-1', { partner: '"a\nb"' }), act('A-2') + ',extra'].join('\n') + '\n';
		const r = await importCsv(engine, options('activities.csv', text));
		expect(brief(r)).toEqual(['4:-:error:file_unreadable']);
	});

	it('refuses, before reading it, a header wider than the contract allows (51,200 columns froze the page)', async () => {
		const wide = Array.from({ length: 51_200 }, () => 'c').join(',');
		const r = await importCsv(engine, options('activities.csv', `${wide}\n`));
		expect(brief(r)).toEqual(['-:-:error:file_too_many_columns']);
		expect(r.issues[0].message).toBe(
			'«activities.csv» tiene 51,200 columnas en su primera fila y se leen como máximo 300, así que no se leyó. Quite las columnas que no necesita o divida el archivo en varios más angostos. Si no esperaba tantas columnas, revise el separador.'
		);
		expect(r).toMatchObject({ rows: 0, loaded: 0, columns: [] });
		// the data page asks what a dropped file is before importing it: no dataset, at once
		expect(recogniseFile('ancho.csv', utf8(wide))).toBeNull();
		// 300 columns are read: the extra ones are ignored
		const extra = Array.from({ length: 288 }, (_, i) => `x${i}`);
		const ok = await importCsv(
			engine,
			options(
				'activities.csv',
				csv([[ACT_HEADER, ...extra].join(','), [act('A-1'), ...extra].join(',')])
			)
		);
		expect(ok).toMatchObject({ errors: 0, loaded: 1 });
		expect(ok.columns).toHaveLength(300);
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 1 }]);
	}, 15_000);

	it('refuses, before reading it, a file with a line longer than 1 MB, naming the line', async () => {
		const long = act('A-2', { partner: 'x'.repeat(1_500_000) });
		const r = await importCsv(
			engine,
			options('activities.csv', csv([ACT_HEADER, act('A-1'), long]))
		);
		expect(brief(r)).toEqual(['3:-:error:file_line_too_long']);
		expect(r.issues[0].message).toBe(
			'La línea 3 de «activities.csv» mide 1,465 KB y se leen como máximo 1,024 KB por línea, así que el archivo no se leyó. Puede faltar un salto de línea o unas comillas de cierre: corrija esa línea o exporte el archivo de nuevo como CSV.'
		);
		expect(r.loaded).toBe(0);
	}, 15_000);

	it('warns when a header is repeated exactly (`ubigeo` twice), and reads the first', async () => {
		const r = await importCsv(
			engine,
			options('activities.csv', csv([`${ACT_HEADER},ubigeo`, `${act('A-1')},150101`]))
		);
		expect(brief(r)).toEqual(['-:ubigeo_1:warning:column_duplicate']);
		expect(r.issues[0].message).toBe(
			'La columna «ubigeo» aparece más de una vez en el encabezado: se lee la primera y se ignora la de la posición 13 (en la vista previa, «ubigeo_1»). Quite o renombre la repetida.'
		);
		expect(r).toMatchObject({ loaded: 1, errors: 0, warnings: 1 });
		expect(await engine.query('SELECT ubigeo FROM activities')).toEqual([{ ubigeo: '070101' }]);
	});

	it('refuses a header whose quote never closes', async () => {
		const r = await importCsv(engine, options('activities.csv', '"activity_id,date\n1,2\n'));
		expect(brief(r)).toEqual(['1:-:error:file_unreadable']);
	});

	it('refuses NUL bytes inside the text, and reads a `|` file', async () => {
		const nul = await importCsv(
			engine,
			options('activities.csv', `${ACT_HEADER}\n${act('A-1')}\u0000\n`)
		);
		expect(brief(nul)).toEqual(['2:-:error:file_binary']);
		const pipe = await importCsv(
			engine,
			options(
				'activities.csv',
				csv([ACT_HEADER.replaceAll(',', '|'), act('A-1').replaceAll(',', '|')])
			)
		);
		expect(pipe).toMatchObject({ delimiter: '|', loaded: 1 });
	});

	it('undoes the formula mark of our own export, and only that', async () => {
		const r = await importCsv(
			engine,
			options(
				'activities.csv',
				csv([
					ACT_HEADER,
					act('A-1', { partner: `"'=HYPERLINK(""x"")"` }),
					act('A-2', { partner: `'+51 999` }),
					act('A-3', { partner: `'-3.5` }),
					act('A-4', { partner: `'hola` })
				])
			)
		);
		expect(r.errors).toBe(0);
		expect(await engine.query('SELECT partner FROM activities ORDER BY activity_id')).toEqual([
			{ partner: '=HYPERLINK("x")' },
			{ partner: '+51 999' },
			{ partner: `'-3.5` },
			{ partner: `'hola` }
		]);
	});

	it('flags Excel’s scientific notation in a number column, and reads it', async () => {
		const r = await importCsv(
			engine,
			options(
				'statistics.csv',
				csv(['ubigeo;period;indicator_id;value', '070101;2024;E4.01;2,01235E+10'])
			)
		);
		expect(brief(r)).toEqual(['2:value:warning:number_scientific']);
		expect(await engine.query('SELECT value FROM statistics')).toEqual([{ value: 20123500000 }]);
	});

	it('reads a file whose bytes are mostly UTF-8 as UTF-8, with a warning for the bad ones', async () => {
		const bytes = Uint8Array.from([
			...utf8(`ubigeo,name,province\n150101,Añón,Lima\n150102,A`),
			0xf1,
			...utf8('o,Lima\n')
		]);
		const r = await importCsv(engine, options('districts.csv', bytes));
		expect(r.encoding).toBe('utf-8');
		expect(brief(r)).toEqual(['3:-:warning:encoding_replaced']);
		expect(await engine.query('SELECT name FROM districts ORDER BY ubigeo')).toEqual([
			{ name: 'Añón' },
			{ name: 'A\ufffdo' }
		]);
	});
});
