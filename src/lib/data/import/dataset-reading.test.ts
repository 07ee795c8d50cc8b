import { describe, expect, it } from 'vitest';
import { importCsv } from '.';
import { cp1252, csv, ACT_HEADER, ACTIVITIES, act, options, brief } from './dataset.fixtures';
import { engineWithBaseTables } from './test-setup';

const engine = engineWithBaseTables();

describe('importCsv: reading files', () => {
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
