import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { createTablesSql } from '../data/tables';
import { activityTrendSql } from './activities';
import {
	formatMapMetric,
	mapMetricSql,
	metricTimesSql,
	parseMapMetric,
	type MapMetric
} from './map-metric';

describe('parseMapMetric / formatMapMetric', () => {
	it.each([
		['overall', { kind: 'overall' }],
		['score:3', { kind: 'score', domain: 3 }],
		['completeness:6', { kind: 'completeness', domain: 6 }],
		['reach', { kind: 'reach' }],
		['statistic:E4.01', { kind: 'statistic', indicatorId: 'E4.01' }],
		// anything unknown or out of range falls back to the overall score
		['score:9', { kind: 'overall' }],
		['score:1; DROP TABLE x', { kind: 'overall' }],
		['', { kind: 'overall' }],
		[null, { kind: 'overall' }]
	])('%j → %j', (text, metric) => {
		expect(parseMapMetric(text)).toEqual(metric);
	});

	it('round-trips', () => {
		for (const text of ['overall', 'score:2', 'completeness:5', 'activities', 'statistic:E1.01'])
			expect(formatMapMetric(parseMapMetric(text))).toBe(text);
	});
});

describe('mapMetricSql on the Node engine', () => {
	let engine: Engine;
	const run = async (metric: MapMetric, time: string | number) => {
		const q = mapMetricSql(metric, time);
		return (await engine.query(q.sql, q.params)).map((r) => [r.ubigeo, r.value]);
	};

	beforeAll(async () => {
		engine = await createNodeEngine();
		await engine.exec(createTablesSql());
		// Two districts; only Lima is assessed and reached.
		await engine.exec(`
INSERT INTO districts VALUES ('150101','Lima','Lima','Lima',1000,200,0,0), ('070101','Callao','Callao','Callao',500,0,0,1);
INSERT INTO framework (indicator_id, domain, kind, text_es, weight) VALUES
 ('D1.01',1,'policy','a',1), ('D1.02',1,'policy','b',3), ('E1.01',1,'statistic','s',1);
INSERT INTO assessments (ubigeo, round, indicator_id, answer) VALUES
 ('150101','2024','D1.01','cumple'), ('150101','2024','D1.02','parcial');
INSERT INTO activities VALUES
 ('A1','2024-03-01','150101','campana','sociedad_civil','salud','virtual',40,20,20,10,NULL),
 ('A2','2024-03-09','150101','conversatorio','academia','salud','presencial',10,5,5,2,NULL),
 ('A3','2023-12-31','150101','conversatorio','academia','salud','presencial',7,3,4,0,NULL);
INSERT INTO statistics VALUES
 ('150101','2023','E1.01',12.5,NULL,NULL,'total','total',NULL),
 ('150101','2023','E1.01',7,NULL,NULL,'mujer','total',NULL);`);
	});
	afterAll(() => engine.close());

	it('gives every district a row, NULL where there is no value (domain score)', async () => {
		// Lima domain 1: (1·1 + 3·0.5) / (1+3) = 2.5/4 = 62.5; Callao: not assessed
		expect(await run({ kind: 'score', domain: 1 }, '2024')).toEqual([
			['070101', null],
			['150101', 62.5]
		]);
	});

	it('reads completeness, activities, participants and reach for the chosen year', async () => {
		expect(await run({ kind: 'completeness', domain: 1 }, '2024')).toEqual([
			['070101', null],
			['150101', 100]
		]);
		// 2024: A1 + A2 = 2 activities, 50 participants; Callao zero-filled
		expect(await run({ kind: 'activities' }, 2024)).toEqual([
			['070101', 0],
			['150101', 2]
		]);
		expect(await run({ kind: 'participants' }, 2024)).toEqual([
			['070101', 0],
			['150101', 50]
		]);
		// reach: 1000 · (10 + 2) / 200 = 60; Callao has 0 migrants → empty
		expect(await run({ kind: 'reach' }, 2024)).toEqual([
			['070101', null],
			['150101', 60]
		]);
	});

	it("uses a statistic's total row of the chosen period", async () => {
		expect(await run({ kind: 'statistic', indicatorId: 'E1.01' }, '2023')).toEqual([
			['070101', null],
			['150101', 12.5]
		]);
	});

	it('lists the times of a metric, newest first', async () => {
		const years = metricTimesSql({ kind: 'activities' });
		expect((await engine.query(years.sql, years.params)).map((r) => r.time)).toEqual([2024, 2023]);
	});

	it('counts activities per month and type', async () => {
		const q = activityTrendSql();
		expect(await engine.query(q.sql, q.params)).toEqual([
			{ month: '2023-12', type: 'conversatorio', activities: 1 },
			{ month: '2024-03', type: 'campana', activities: 1 },
			{ month: '2024-03', type: 'conversatorio', activities: 1 }
		]);
	});
});
