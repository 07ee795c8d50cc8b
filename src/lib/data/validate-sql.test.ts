import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../engine/node';
import { quoteIdent, quoteLiteral } from '../engine/sql';
import type { Engine, Row } from '../engine/types';
import { DATASET_SPECS } from './schema';
import { createTablesSql, type DatasetName } from './tables';
import {
	issuesSql,
	loadSql,
	rawColumns,
	typedSelectSql,
	type SqlDialect,
	type ValidationContext
} from './validate-sql';

// The DuckDB wasm engine is slow to start on a busy machine: give tests room (hooks: hookTimeout in vite.config.ts).
vi.setConfig({ testTimeout: 120_000 });

let engine: Engine;
let seq = 0;

beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

const COMMA: SqlDialect = { decimalComma: false, dateOrder: 'dmy' };
const DECIMAL_COMMA: SqlDialect = { decimalComma: true, dateOrder: 'dmy' };

/** A staging table as the pipeline sees it: all VARCHAR, `__line` = 2, 3, … */
async function staging(headers: string[], rows: (string | null)[][]): Promise<string> {
	const name = `stg_${++seq}`;
	const cols = ['__line INTEGER', ...headers.map((h) => `${quoteIdent(h)} VARCHAR`)];
	await engine.exec(`CREATE TABLE ${quoteIdent(name)} (${cols.join(', ')})`);
	for (let i = 0; i < rows.length; i++) {
		const values = [String(i + 2), ...rows[i].map((v) => (v === null ? 'NULL' : quoteLiteral(v)))];
		await engine.exec(`INSERT INTO ${quoteIdent(name)} VALUES (${values.join(', ')})`);
	}
	return name;
}

const identity = (headers: string[]) => Object.fromEntries(headers.map((h) => [h, h]));

async function typed(
	dataset: DatasetName,
	headers: string[],
	rows: (string | null)[][],
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

type Issue = {
	line: number;
	column: string;
	severity: string;
	code: string;
	value: string | null;
	detail: string | null;
};

async function issues(
	dataset: DatasetName,
	headers: string[],
	rows: (string | null)[][],
	ctx: Partial<ValidationContext> = {}
): Promise<Issue[]> {
	const stg = await staging(headers, rows);
	const q = issuesSql(DATASET_SPECS[dataset], {
		staging: stg,
		mapping: identity(headers),
		dialect: COMMA,
		today: '2025-06-30',
		mode: 'replace',
		...ctx
	});
	const out = await engine.query(q.sql, q.params);
	return out.map(({ line, column, severity, code, value, detail }) => ({
		line,
		column,
		severity,
		code,
		value,
		detail
	})) as Issue[];
}

const brief = (list: Issue[]) => list.map((i) => `${i.line}:${i.column}:${i.severity}:${i.code}`);

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

describe('issuesSql', () => {
	const ACT = [
		'activity_id',
		'date',
		'ubigeo',
		'type',
		'audience',
		'topic',
		'modality',
		'participants_total',
		'participants_women',
		'participants_men',
		'participants_migrants'
	];
	const ok = (id: string, over: Record<string, string | null> = {}) => {
		const base: Record<string, string | null> = {
			activity_id: id,
			date: '2024-04-03',
			ubigeo: '070101',
			type: 'conversatorio',
			audience: 'academia',
			topic: 'salud',
			modality: 'virtual',
			participants_total: '20',
			participants_women: '10',
			participants_men: '8',
			participants_migrants: '5'
		};
		return ACT.map((c) => (c in over ? over[c] : base[c]));
	};

	beforeAll(async () => {
		await engine.exec(createTablesSql());
		await engine.exec(`INSERT INTO districts (ubigeo, name, province) VALUES
			('070101', 'Callao', 'Callao'), ('015101', 'Test', 'Lima'), ('150101', 'Lima', 'Lima');
			INSERT INTO framework (indicator_id, domain, kind, text_es) VALUES
			('D1.01', 1, 'policy', 'p'), ('E1', 4, 'statistic', 'e');`);
	});

	it('finds nothing in clean rows', async () => {
		expect(await issues('activities', ACT, [ok('A1'), ok('A2')])).toEqual([]);
	});

	it('reports a missing required value, and nothing for an empty optional one', async () => {
		const out = await issues('activities', ACT, [
			ok('A1', { type: null, participants_women: null }),
			ok('A2', { modality: '   ' }),
			ok('', {})
		]);
		expect(brief(out)).toEqual([
			'2:type:error:required',
			'3:modality:error:required',
			'4:activity_id:error:required'
		]);
	});

	it('reports each type error with the text of the file', async () => {
		const out = await issues('activities', ACT, [
			ok('A1', { date: '31/02/2024' }),
			ok('A2', { participants_total: '12,5' }),
			ok('A3', { ubigeo: 'Callao' }),
			ok('A4', { audience: 'vecinos' })
		]);
		expect(brief(out)).toEqual([
			'2:date:error:type_date',
			'3:participants_total:error:type_integer',
			'4:ubigeo:error:type_code',
			'5:audience:error:allowed'
		]);
		expect(out.map((i) => i.value)).toEqual(['31/02/2024', '12,5', 'Callao', 'vecinos']);
	});

	it('reports ranges, references and cross-column rules', async () => {
		const out = await issues('activities', ACT, [
			ok('A1', { participants_men: '-1' }),
			ok('A2', { ubigeo: '999999' }),
			ok('A3', { participants_women: '15', participants_men: '10' }),
			ok('A4', { participants_migrants: '21' })
		]);
		expect(brief(out)).toEqual([
			'2:participants_men:error:range_min',
			'3:ubigeo:error:reference',
			'4:participants_women:error:women_men_gt_total',
			'5:participants_migrants:error:migrants_gt_total'
		]);
		expect(out[2]).toMatchObject({ value: '25', detail: '20' });
	});

	it('reports warnings: padded code, future date, many participants', async () => {
		const out = await issues('activities', ACT, [
			ok('A1', { ubigeo: '15101' }),
			ok('A2', { date: '1/7/2025' }),
			ok('A3', { date: '30/6/2025', participants_total: '1001', participants_women: null })
		]);
		expect(brief(out)).toEqual([
			'2:ubigeo:warning:code_padded',
			'3:date:warning:date_future',
			'4:participants_total:warning:participants_high'
		]);
		expect(out[0]).toMatchObject({ value: '15101', detail: '015101' });
	});

	it('takes "today" as a parameter, never from the clock', async () => {
		const rows = [ok('A1', { date: '2024-04-03' })];
		expect(await issues('activities', ACT, rows, { today: '2024-04-02' })).toHaveLength(1);
		expect(await issues('activities', ACT, rows, { today: '2024-04-03' })).toHaveLength(0);
		const q = issuesSql(DATASET_SPECS.activities, {
			staging: 's',
			mapping: identity(ACT),
			dialect: COMMA,
			today: '2024-04-03',
			mode: 'append'
		});
		expect(q.params).toEqual(['2024-04-03']);
		expect(q.sql).not.toMatch(/current_date|now\(\)|today\(\)/i);
	});

	it('reports a padded code that does not exist as a reference error only', async () => {
		const out = await issues('activities', ACT, [ok('A1', { ubigeo: '99999' })]);
		expect(brief(out)).toEqual(['2:ubigeo:error:reference']);
		expect(out[0].value).toBe('99999');
	});

	it('reports duplicate keys after their first line, and against the table when appending', async () => {
		await engine.exec(`DELETE FROM activities; INSERT INTO activities
			(activity_id, date, ubigeo, type, audience, topic, modality, participants_total)
			VALUES ('OLD', DATE '2024-01-01', '070101', 'otro', 'academia', 'otro', 'virtual', 1)`);
		const rows = [ok('A1'), ok('A2'), ok('A1'), ok('OLD'), ok('A1')];
		const replace = await issues('activities', ACT, rows);
		expect(brief(replace)).toEqual([
			'4:activity_id:error:duplicate',
			'6:activity_id:error:duplicate'
		]);
		expect(replace.map((i) => i.detail)).toEqual(['2', '2']);
		const append = await issues('activities', ACT, rows, { mode: 'append' });
		expect(brief(append)).toEqual([
			'4:activity_id:error:duplicate',
			'5:activity_id:error:duplicate_existing',
			'6:activity_id:error:duplicate'
		]);
		await engine.exec('DELETE FROM activities');
	});

	it('checks composite keys on typed values', async () => {
		const h = ['ubigeo', 'round', 'indicator_id', 'answer'];
		const out = await issues('assessments', h, [
			['070101', '2024-S1', 'D1.01', 'cumple'],
			['070101', '2024-s1', 'D1.01', 'parcial'],
			['070101', '2024-S2', 'D1.01', 'parcial']
		]);
		expect(brief(out)).toEqual(['3:ubigeo:error:duplicate']);
		expect(out[0].value).toBe('070101 / 2024-S1 / D1.01');
	});

	it('checks the kind of the referenced indicator', async () => {
		const a = await issues(
			'assessments',
			['ubigeo', 'round', 'indicator_id', 'answer'],
			[
				['070101', '2024', 'E1', 'cumple'],
				['070101', '2024', 'D9.99', 'cumple'],
				['070101', '2024', 'D1.01', 'quizás']
			]
		);
		expect(brief(a)).toEqual([
			'2:indicator_id:error:indicator_kind',
			'3:indicator_id:error:reference',
			'4:answer:error:allowed'
		]);
		expect(a[0].detail).toBe('statistic');
		const s = await issues(
			'statistics',
			['ubigeo', 'period', 'indicator_id', 'value'],
			[
				['070101', '2024-13', 'E1', '1'],
				['070101', '2024-12', 'D1.01', '1']
			]
		);
		expect(brief(s)).toEqual(['2:period:error:type_period', '3:indicator_id:error:indicator_kind']);
	});

	it('checks the framework: domain range, kind and positive weight for policy', async () => {
		const out = await issues(
			'framework',
			['indicator_id', 'domain', 'kind', 'text_es', 'weight'],
			[
				['P1', '7', 'policy', 't', '1'],
				['P2', '1', 'policy', 't', '0'],
				['E9', '1', 'statistic', 't', '0'],
				['P3', '1', 'indicador', 't', '1']
			]
		);
		expect(brief(out)).toEqual([
			'2:domain:error:range_max',
			'3:weight:error:weight_not_positive',
			'5:kind:error:allowed'
		]);
	});

	it('checks districts: migrant population within population', async () => {
		const out = await issues(
			'districts',
			['ubigeo', 'name', 'province', 'population', 'migrant_population'],
			[
				['150101', 'Lima', 'Lima', '100', '101'],
				['150102', 'Ancón', 'Lima', '', '50'],
				['150103', '', 'Lima', '-5', '']
			]
		);
		expect(brief(out)).toEqual([
			'2:migrant_population:error:migrant_population_gt_population',
			'4:name:error:required',
			'4:population:error:range_min'
		]);
	});

	it('warns about a completion date when the action is not completed', async () => {
		const out = await issues(
			'actions',
			['action_id', 'ubigeo', 'description', 'status', 'completed_on', 'indicator_id'],
			[
				['X1', '070101', 'd', 'Completada', '2024-05-01', 'D1.01'],
				['X2', '070101', 'd', 'en curso', '2024-05-01', 'E1'],
				['X3', '070101', 'd', 'pendiente', '', 'NOPE']
			]
		);
		expect(brief(out)).toEqual([
			'3:completed_on:warning:completed_on_not_completada',
			'4:indicator_id:error:reference'
		]);
		expect(out[0].detail).toBe('en_curso');
	});

	it('runs on a pre-typed table and loads exactly the rows without errors', async () => {
		const stg = await staging(ACT, [
			ok('A1'),
			ok('A2', { type: 'x' }),
			ok('A3', { date: '1/1/2030' })
		]);
		const spec = DATASET_SPECS.activities;
		const src = { staging: stg, mapping: identity(ACT), dialect: COMMA };
		const t = typedSelectSql(spec, src);
		await engine.exec(`CREATE TABLE typed_x AS ${t.sql}`);
		const q = issuesSql(spec, {
			...src,
			today: '2025-01-01',
			mode: 'replace',
			typedTable: 'typed_x'
		});
		await engine.query(`CREATE TABLE issues_x AS ${q.sql}`, q.params);
		const load = loadSql(spec, { from: 'typed_x', issuesTable: 'issues_x' });
		await engine.query(load.sql, load.params);
		const loaded = await engine.query('SELECT activity_id, date FROM activities ORDER BY 1');
		expect(loaded).toEqual([
			{ activity_id: 'A1', date: '2024-04-03' },
			{ activity_id: 'A3', date: '2030-01-01' }
		]);
		await engine.exec('DELETE FROM activities');
	});
});
