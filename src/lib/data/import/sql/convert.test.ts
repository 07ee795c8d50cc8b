import { beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../engine/types';
import { DATASET_SPECS } from '../../schema';
import { createTablesSql, type DatasetName } from '../../tables';
import { rawColumns, typedSelectSql, type SqlDialect } from './convert';
import { type Cells, COMMA, identity, stagingEngine } from './staging.fixtures';

const { engine, staging } = stagingEngine();

const DECIMAL_COMMA: SqlDialect = { decimalComma: true, dateOrder: 'dmy' };

async function typed(
	dataset: DatasetName,
	headers: string[],
	rows: Cells,
	dialect: SqlDialect = COMMA
): Promise<Row[]> {
	const stg = await staging(headers, rows);
	const q = typedSelectSql(DATASET_SPECS[dataset], {
		staging: stg,
		mapping: identity(headers),
		dialect
	});
	return engine.query(`SELECT * FROM (${q.sql}) ORDER BY __line`, q.params);
}

describe('typedSelectSql', () => {
	beforeAll(async () => {
		await engine.exec(createTablesSql());
	});

	it('keeps the leading zero of a ubigeo and pads a 5-digit one, keeping its source text', async () => {
		const rows = await typed(
			'districts',
			['ubigeo', 'name', 'province'],
			[
				['070101', 'Callao', 'Callao'],
				['15101', 'Lima', 'Lima'],
				[' 150102 ', 'Ancón', 'Lima'],
				['1501', 'X', 'Lima']
			]
		);
		expect(rows.map((r) => r.ubigeo)).toEqual(['070101', '015101', '150102', null]);
		expect(rows.map((r) => r.__raw_ubigeo)).toEqual([null, '15101', ' 150102 ', '1501']);
	});

	it('reads numbers with the decimal comma, and integers only when whole', async () => {
		const headers = ['ubigeo', 'period', 'indicator_id', 'value', 'numerator'];
		const rows = await typed(
			'statistics',
			headers,
			[
				['150101', '2024', 'E1', '1.234,56', '12,5'],
				['150101', '2024', 'E1', '1234.5', '-3'],
				['150101', '2024', 'E1', 'abc', ' 7 ']
			],
			DECIMAL_COMMA
		);
		expect(rows.map((r) => r.value)).toEqual([1234.56, 1234.5, null]);
		expect(rows.map((r) => r.numerator)).toEqual([12.5, -3, 7]);
		expect(rows.map((r) => r.__raw_value)).toEqual([null, null, 'abc']);

		const dot = await typed('statistics', headers, [
			['150101', '2024', 'E1', '1,234.5', '1.5'],
			['150101', '2024', 'E1', '12,5', 'inf']
		]);
		expect(dot.map((r) => r.value)).toEqual([1234.5, 12.5]);
		expect(dot.map((r) => r.numerator)).toEqual([1.5, null]);
	});

	it('accepts whole numbers written in other ways as integers, and rejects fractions', async () => {
		const headers = ['ubigeo', 'name', 'province', 'population'];
		const values = ['25', '007', '+5', '1e3', '12.0', '1.5', '3000000000', '0x10'];
		const rows = await typed(
			'districts',
			headers,
			values.map((v, i) => [`15010${i}`, 'n', 'p', v])
		);
		expect(rows.map((r) => r.population)).toEqual([25, 7, 5, 1000, 12, null, null, null]);
		// With a decimal comma, a dot groups thousands.
		const comma = await typed('districts', headers, [['150101', 'n', 'p', '1.234']], DECIMAL_COMMA);
		expect(comma[0].population).toBe(1234);
	});

	it('reads ISO and day-first dates (month first only when the file says so)', async () => {
		const headers = ['activity_id', 'date'];
		const values = ['2024-04-03', '3/4/2024', '03-04-2024', '31/02/2024', '3/4/24', 'ayer'];
		const dmy = await typed(
			'activities',
			headers,
			values.map((v, i) => [`A${i}`, v])
		);
		expect(dmy.map((r) => r.date)).toEqual([
			'2024-04-03',
			'2024-04-03',
			'2024-04-03',
			null,
			null,
			null
		]);
		const mdy = await typed('activities', headers, [['A', '3/4/2024']], {
			decimalComma: false,
			dateOrder: 'mdy'
		});
		expect(mdy[0].date).toBe('2024-03-04');
	});

	it('converts timestamps with an offset to UTC', async () => {
		const headers = ['ubigeo', 'round', 'indicator_id', 'answer', 'updated_at'];
		const rows = await typed('assessments', headers, [
			['150101', '2024-s1', 'P1', 'cumple', '2024-04-03T10:00:00-05:00'],
			['150101', '2024', 'P1', 'cumple', '3/4/2024 10:30'],
			['150101', '2024-S3', 'P1', 'cumple', 'mañana']
		]);
		expect(rows.map((r) => r.updated_at)).toEqual([
			'2024-04-03T15:00:00.000Z',
			'2024-04-03T10:30:00.000Z',
			null
		]);
		expect(rows.map((r) => r.round)).toEqual(['2024-S1', '2024', null]);
	});

	it('normalises set values (case, accents, spaces) and their synonyms', async () => {
		const headers = ['activity_id', 'type', 'audience', 'modality', 'topic'];
		const rows = await typed('activities', headers, [
			['A1', 'Sesión informativa', 'Gobierno local', 'Híbrida', 'Violencia de género'],
			['A2', 'conversatorio', 'academia', 'virtual', 'salud'],
			['A3', 'fiesta', ' sociedad civil ', 'VIRTUAL', 'otros']
		]);
		expect(rows.map((r) => [r.type, r.audience, r.modality, r.topic])).toEqual([
			['sesion_informativa', 'gobierno_local', 'mixta', 'violencia_genero'],
			['conversatorio', 'academia', 'virtual', 'salud'],
			[null, 'sociedad_civil', 'virtual', 'otro']
		]);
		expect(rows[2].__raw_type).toBe('fiesta');
	});

	it('applies defaults to empty cells and to absent columns', async () => {
		const rows = await typed(
			'statistics',
			['ubigeo', 'period', 'indicator_id', 'value', 'sex'],
			[
				['150101', '2024-03', 'E1', '1', null],
				['150101', '2024-03', 'E1', '1', '  '],
				['150101', '2024-03', 'E1', '1', 'Mujeres'],
				['150101', '2024-03', 'E1', '1', 'otro']
			]
		);
		expect(rows.map((r) => r.sex)).toEqual(['total', 'total', 'mujer', null]);
		expect(rows.map((r) => r.nationality)).toEqual(['total', 'total', 'total', 'total']);
		const fw = await typed(
			'framework',
			['indicator_id', 'domain', 'kind', 'text_es', 'weight', 'higher_is_better'],
			[
				['D1.01', '1', 'Política', 't', '', 'sí'],
				['E1', '2', 'estadistica', 't', '2,5', 'no'],
				['E2', '2', 'statistic', 't', '0.5', 'quizás']
			]
		);
		expect(fw.map((r) => [r.kind, r.weight, r.higher_is_better])).toEqual([
			['policy', 1, true],
			['statistic', 2.5, false],
			['statistic', 0.5, null]
		]);
	});

	it('trims text, and keeps only http(s) links', async () => {
		const rows = await typed(
			'assessments',
			['ubigeo', 'round', 'indicator_id', 'answer', 'source_url', 'evidence'],
			[
				['150101', '2024', ' D1.01 ', 'No cumple', 'https://munilima.gob.pe/x', '  '],
				['150101', '2024', 'D1.02', 'n/a', 'javascript:alert(1)', ' Ordenanza 123 ']
			]
		);
		expect(rows.map((r) => [r.indicator_id, r.answer, r.source_url, r.evidence])).toEqual([
			['D1.01', 'no_cumple', 'https://munilima.gob.pe/x', null],
			['D1.02', 'no_aplica', null, 'Ordenanza 123']
		]);
		expect(rows[1].__raw_source_url).toBe('javascript:alert(1)');
	});

	it('quotes header names from the file', async () => {
		const stg = await staging(
			['co"d', 'nom; DROP TABLE x', 'prov'],
			[['070101', 'Callao', 'Callao']]
		);
		const q = typedSelectSql(DATASET_SPECS.districts, {
			staging: stg,
			mapping: { ubigeo: 'co"d', name: 'nom; DROP TABLE x', province: 'prov' },
			dialect: COMMA
		});
		const rows = await engine.query(q.sql, q.params);
		expect(rows[0]).toMatchObject({ ubigeo: '070101', name: 'Callao', province: 'Callao' });
	});

	it('lists a __raw_ column for every non-text column', () => {
		expect(rawColumns(DATASET_SPECS.activities)).toEqual([
			'__raw_date',
			'__raw_ubigeo',
			'__raw_type',
			'__raw_audience',
			'__raw_topic',
			'__raw_modality',
			'__raw_participants_total',
			'__raw_participants_women',
			'__raw_participants_men',
			'__raw_participants_migrants'
		]);
	});
});
