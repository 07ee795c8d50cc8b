import { describe, expect, it } from 'vitest';
import { importCsv } from '.';
import {
	csv,
	DISTRICTS,
	STATISTICS,
	ACT_HEADER,
	ACTIVITIES,
	act,
	options,
	brief
} from './dataset.fixtures';
import { engineWithBaseTables } from './test-setup';

const engine = engineWithBaseTables();

describe('importCsv', () => {
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
});
