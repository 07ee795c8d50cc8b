import { describe, expect, it } from 'vitest';
import importArea from '../../i18n/areas/import';
import { datasetFromFileName, detectDataset, mapHeaders } from '../detect';
import { readHeader, recordStartLines, uniqueNames } from '.';
import { DATASET_SPECS, SQL_TYPE, normalizeHeader, WARNING_CODES } from '../schema';
import { createTablesSql, DATASET_NAMES } from '../tables';
import { fileEngine } from './test-engine';

const engine = fileEngine();

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
