import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_SPECS } from '../../schema';
import { createTablesSql, type DatasetName } from '../../tables';
import { issuesSql, type ValidationContext } from './checks';
import { typedSelectSql } from './convert';
import { loadSql } from './load';
import { ACTIVITY_VALUES } from '../dataset.fixtures';
import { type Cells, ACTIVITY_HEADERS, COMMA, identity, stagingEngine } from './staging.fixtures';

const { engine, staging } = stagingEngine();

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
	rows: Cells,
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

describe('issuesSql', () => {
	const ACT = ACTIVITY_HEADERS.filter((h) => h !== 'partner');
	const ok = (id: string, over: Record<string, string | null> = {}) => {
		// The valid activity of the CSV fixtures, its date as the typed table has it.
		const base: Record<string, string | null> = {
			...ACTIVITY_VALUES,
			activity_id: id,
			date: '2024-04-03'
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

	it.each<[string, DatasetName, string[], Cells, string[]]>([
		[
			'checks the framework: domain range, kind and positive weight for policy',
			'framework',
			['indicator_id', 'domain', 'kind', 'text_es', 'weight'],
			[
				['P1', '7', 'policy', 't', '1'],
				['P2', '1', 'policy', 't', '0'],
				['E9', '1', 'statistic', 't', '0'],
				['P3', '1', 'indicador', 't', '1']
			],
			['2:domain:error:range_max', '3:weight:error:weight_not_positive', '5:kind:error:allowed']
		],
		[
			'checks districts: migrant population within population',
			'districts',
			['ubigeo', 'name', 'province', 'population', 'migrant_population'],
			[
				['150101', 'Lima', 'Lima', '100', '101'],
				['150102', 'Ancón', 'Lima', '', '50'],
				['150103', '', 'Lima', '-5', '']
			],
			[
				'2:migrant_population:error:migrant_population_gt_population',
				'4:name:error:required',
				'4:population:error:range_min'
			]
		]
	])('%s', async (_, dataset, headers, rows, expected) => {
		expect(brief(await issues(dataset, headers, rows))).toEqual(expected);
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
