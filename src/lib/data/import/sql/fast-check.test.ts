import { describe, expect, it } from 'vitest';
import { engineFile } from '../../../engine/settings';
import { quoteIdent } from '../../../engine/sql';
import { fastCheckSql, fastReadTypes, fastSelectSql, NOT_CLEAN } from './fast';
import { DATASET_SPECS } from '../../schema';
import { type DatasetName } from '../../tables';
import {
	type Cells,
	ACTIVITY_HEADERS,
	COMMA,
	identity,
	seededStagingEngine
} from './staging.fixtures';

const { engine, staging } = seededStagingEngine();

describe('fastReadTypes', () => {
	it('has read_csv type dates, and integers unless the decimal is a comma', () => {
		const spec = DATASET_SPECS.actions;
		const mapping = { action_id: 'id', due_date: 'vence', completed_on: 'hecho', ubigeo: 'u' };
		expect(fastReadTypes(spec, mapping, COMMA)).toEqual({ vence: 'DATE', hecho: 'DATE' });
		const d = DATASET_SPECS.districts;
		const m = {
			ubigeo: 'u',
			population: 'p',
			migrant_population: 'm',
			grid_row: 'g',
			grid_col: 'g'
		};
		// grid_row and grid_col read the same column: it stays text.
		expect(fastReadTypes(d, m, COMMA)).toEqual({ p: 'DOUBLE', m: 'DOUBLE' });
		expect(fastReadTypes(d, m, { decimalComma: true, dateOrder: 'dmy' })).toEqual({});
	});

	it('gives the detailed path’s integers from numbers read as DOUBLE', async () => {
		const spec = DATASET_SPECS.districts;
		const csv = 'ubigeo,name,province,population\n150101,Lima,Lima,007\n070101,Callao,Callao,1.0\n';
		await engine.registerText(engineFile('fast_types.csv'), csv);
		const from = `read_csv('${engineFile('fast_types.csv')}', header = true, auto_detect = false, columns = {'ubigeo': 'VARCHAR', 'name': 'VARCHAR', 'province': 'VARCHAR', 'population': 'DOUBLE'})`;
		const sql = fastSelectSql(spec, {
			from,
			mapping: identity(['ubigeo', 'name', 'province', 'population']),
			dialect: COMMA,
			readTypes: { population: 'DOUBLE' }
		});
		const rows = await engine.query(sql);
		expect(rows.map((r) => r.population)).toEqual([7, 1]);
		await engine.registerText(
			engineFile('fast_types.csv'),
			'ubigeo,name,province,population\n150101,Lima,Lima,1.5\n'
		);
		await expect(engine.query(sql)).rejects.toThrow(NOT_CLEAN);
	});
});

describe('fastCheckSql', () => {
	async function check(
		dataset: DatasetName,
		headers: string[],
		rows: Cells,
		mode: 'replace' | 'append' = 'replace'
	) {
		const spec = DATASET_SPECS[dataset];
		const stg = await staging(headers, rows);
		const stage = `${stg}_typed`;
		await engine.exec(
			`CREATE TABLE ${quoteIdent(stage)} AS ${fastSelectSql(spec, { from: quoteIdent(stg), mapping: identity(headers), dialect: COMMA })}`
		);
		const q = fastCheckSql(spec, { stage, mode, today: '2025-06-30' });
		const [r] = await engine.query(q.sql, q.params);
		return { rows: r.rows, problems: r.problems };
	}
	const H = ['ubigeo', 'round', 'indicator_id', 'answer'];

	it('counts nothing on a clean file', async () => {
		expect(await check('assessments', H, [['150101', '2024', 'D1.01', 'cumple']])).toEqual({
			rows: 1,
			problems: 0
		});
	});

	it('counts a duplicate key, an unknown district and an indicator of the wrong kind', async () => {
		const r = await check('assessments', H, [
			['150101', '2024', 'D1.01', 'cumple'],
			['150101', '2024', 'D1.01', 'parcial'], // duplicate of the row above (one group)
			['999999', '2024', 'D1.01', 'cumple'], // unknown district
			['070101', '2024', 'E1', 'cumple'] // a statistic, not a policy
		]);
		expect(r).toEqual({ rows: 4, problems: 3 });
	});

	it('counts keys already loaded only when appending', async () => {
		await engine.exec(
			`INSERT INTO assessments (ubigeo, round, indicator_id, answer) VALUES ('070101', '2022', 'D1.01', 'cumple')`
		);
		const rows = [['070101', '2022', 'D1.01', 'parcial']];
		expect(await check('assessments', H, rows, 'replace')).toEqual({ rows: 1, problems: 0 });
		expect(await check('assessments', H, rows, 'append')).toEqual({ rows: 1, problems: 1 });
		await engine.exec('DELETE FROM assessments');
	});

	it('counts broken cross-column rules and dates after today', async () => {
		const headers = ACTIVITY_HEADERS.filter(
			(h) => h !== 'participants_migrants' && h !== 'partner'
		);
		const base = ['campana', 'academia', 'salud', 'virtual'];
		const r = await check('activities', headers, [
			['A1', '2025-01-01', '150101', ...base, '10', '6', '4'],
			['A2', '2025-01-01', '150101', ...base, '10', '6', '5'], // 6 + 5 > 10
			['A3', '2025-07-01', '150101', ...base, '10', null, null] // after today (a warning)
		]);
		expect(r).toEqual({ rows: 3, problems: 2 });
	});
});
