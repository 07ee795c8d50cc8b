import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine, Row, SqlQuery } from '$lib/engine/types';
import { createTablesSql } from '$lib/data/tables';
import {
	compareSql,
	defaultDistrictsSql,
	exploreTime,
	formatExploreMetric,
	parseExploreMetric,
	schemaSql
} from './explore';

// Hand-worked values: two policy indicators in domain 1 (weights 1 and 3) and
// one in each of domains 2–6, so an overall score needs all six domains.

let engine: Engine;
const run = (q: SqlQuery): Promise<Row[]> => engine.query(q.sql, q.params);

beforeAll(async () => {
	engine = await createTablesEngine();
});
afterAll(async () => {
	await engine?.close();
});

async function createTablesEngine(): Promise<Engine> {
	const e = await createNodeEngine();
	await e.exec(createTablesSql());
	await e.exec(`
INSERT INTO districts (ubigeo, name, province, migrant_population) VALUES
	('150101', 'Lima', 'Lima', 2000), ('150102', 'Ancón', 'Lima', 500), ('070101', 'Callao', 'Callao', 1000);
INSERT INTO framework (indicator_id, domain, kind, weight) VALUES
	('D1.01', 1, 'policy', 1), ('D1.02', 1, 'policy', 3), ('D2.01', 2, 'policy', 1), ('D3.01', 3, 'policy', 1),
	('D4.01', 4, 'policy', 1), ('D5.01', 5, 'policy', 1), ('D6.01', 6, 'policy', 1),
	('E1.01', 1, 'statistic', 1);
-- Lima 2023: D1.01 cumple, D1.02 parcial → domain 1 = 100·(1·1 + 3·0.5)/4 = 62.5; others cumple
-- Lima 2024: D1.01 no_cumple, D1.02 unanswered → domain 1 = 0, completeness 50
INSERT INTO assessments (ubigeo, round, indicator_id, answer) VALUES
	('150101', '2023', 'D1.01', 'cumple'), ('150101', '2023', 'D1.02', 'parcial'),
	('150101', '2023', 'D2.01', 'cumple'), ('150101', '2023', 'D3.01', 'cumple'),
	('150101', '2023', 'D4.01', 'cumple'), ('150101', '2023', 'D5.01', 'cumple'),
	('150101', '2023', 'D6.01', 'cumple'),
	('150101', '2024', 'D1.01', 'no_cumple'),
	('070101', '2024', 'D1.01', 'cumple');
INSERT INTO activities VALUES
	('A1', DATE '2023-05-01', '150101', 'otro', 'academia', 'otro', 'virtual', 10, 5, 5, 4, NULL),
	('A2', DATE '2024-05-01', '150102', 'otro', 'academia', 'otro', 'presencial', 20, 5, 15, 10, NULL);
INSERT INTO statistics (ubigeo, period, indicator_id, value, sex) VALUES
	('150101', '2023', 'E1.01', 7.5, 'total'), ('150101', '2023', 'E1.01', 4, 'mujer'),
	('070101', '2024', 'E1.01', 12, 'total');`);
	return e;
}

const table = (rows: Row[]) => rows.map((r) => `${r.name} ${r.time} ${r.value}`);

describe('compareSql', () => {
	it('gives a domain score per district and round, empty where not assessed', async () => {
		const rows = await run(compareSql({ kind: 'score', domain: 1 }, ['150101', '070101']));
		expect(table(rows)).toEqual([
			'Callao 2023 null', // not assessed in 2023
			'Callao 2024 100',
			'Lima 2023 62.5', // 100 · (1·1 + 3·0.5) / 4
			'Lima 2024 0' // no_cumple; D1.02 unanswered is left out of the score
		]);
	});

	it('gives completeness and the overall score (only with all six domains)', async () => {
		const completeness = await run(compareSql({ kind: 'completeness', domain: 1 }, ['150101']));
		expect(table(completeness)).toEqual(['Lima 2023 100', 'Lima 2024 50']); // 1 of 2 answered
		const overall = await run(compareSql({ kind: 'overall' }, ['150101']));
		// 2023: mean of 62.5 and five 100s = 562.5 / 6 = 93.75; 2024: only domain 1 → empty
		expect(table(overall)).toEqual(['Lima 2023 93.75', 'Lima 2024 null']);
	});

	it('gives an activity metric per year, zero-filled like the metrics CLI', async () => {
		const rows = await run(
			compareSql({ kind: 'activity', measure: 'participants' }, ['150101', '150102'])
		);
		expect(table(rows)).toEqual(['Ancón 2023 0', 'Ancón 2024 20', 'Lima 2023 10', 'Lima 2024 0']);
		const reach = await run(
			compareSql({ kind: 'activity', measure: 'reach_per_1000_migrants' }, ['150102'])
		);
		expect(table(reach)).toEqual(['Ancón 2023 0', 'Ancón 2024 20']); // 1000 · 10 / 500
	});

	it('gives a statistic (its total row) per period', async () => {
		const rows = await run(
			compareSql({ kind: 'statistic', indicatorId: 'E1.01' }, ['150101', '070101'])
		);
		expect(table(rows)).toEqual([
			'Callao 2023 null',
			'Callao 2024 12',
			'Lima 2023 7.5', // the total, not the women's 4
			'Lima 2024 null'
		]);
	});

	it('returns nothing for no district, and binds codes as data', async () => {
		expect(await run(compareSql({ kind: 'overall' }, []))).toEqual([]);
		expect(await run(compareSql({ kind: 'overall' }, ["x' OR '1'='1"]))).toEqual([]);
	});
});

describe('metric in the URL', () => {
	it('round-trips every kind and falls back to the overall score', () => {
		for (const text of [
			'overall',
			'score:3',
			'completeness:6',
			'activity:virtual_share',
			'statistic:E1.01'
		]) {
			expect(formatExploreMetric(parseExploreMetric(text))).toBe(text);
		}
		for (const bad of [null, '', 'score:7', 'score:x', 'activity:drop', 'statistic:', 'nope']) {
			expect(parseExploreMetric(bad)).toEqual({ kind: 'overall' });
		}
		expect(exploreTime(parseExploreMetric('activity:activities'))).toBe('year');
		expect(exploreTime(parseExploreMetric('statistic:E1.01'))).toBe('period');
		expect(exploreTime(parseExploreMetric('score:1'))).toBe('round');
	});
});

describe('defaults and the console sidebar', () => {
	it('picks assessed districts with the most migrants first', async () => {
		const rows = await run(defaultDistrictsSql(2));
		expect(rows.map((r) => r.ubigeo)).toEqual(['150101', '070101']);
	});

	it('lists the loaded tables and columns, without internal ones', async () => {
		await engine.exec(
			'CREATE TABLE __stage_1 (x INTEGER); CREATE TABLE mis_datos (a VARCHAR, b DOUBLE)'
		);
		const rows = await run(schemaSql());
		const tables = [...new Set(rows.map((r) => r.table_name))];
		expect(tables).toEqual([
			'actions',
			'activities',
			'assessments',
			'districts',
			'framework',
			'mis_datos',
			'statistics'
		]);
		expect(rows.filter((r) => r.table_name === 'mis_datos')).toEqual([
			{ table_name: 'mis_datos', column_name: 'a', data_type: 'VARCHAR', rows: 0 },
			{ table_name: 'mis_datos', column_name: 'b', data_type: 'DOUBLE', rows: 0 }
		]);
		expect(rows.find((r) => r.table_name === 'districts')?.rows).toBe(3);
	});
});
