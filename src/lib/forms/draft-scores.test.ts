import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine, Row } from '$lib/engine/types';
import { importFiles } from '$lib/data/import';
import { domainScoresSql, overallScoresSql } from '$lib/metrics/assessment';
import { draftScoresSql } from './draft-scores';
import type { Answer } from './model';
import { readDemoFiles } from '../server/demo-files';

let engine: Engine;

beforeAll(async () => {
	engine = await createNodeEngine();
	const files = readDemoFiles();
	const result = await importFiles(engine, files, { today: '2026-01-01', locale: 'es' });
	expect(result.missingRequired).toEqual([]);
});

afterAll(async () => {
	await engine?.close();
});

const DOMAIN_COLUMNS = [
	'domain',
	'score',
	'completeness',
	'level',
	'change',
	'answered',
	'applicable'
] as const;

/** A domain score as the dashboards compute it from the table. */
async function dashboardScore(ubigeo: string, round: string, domain: number): Promise<number> {
	const q = domainScoresSql({ ubigeo, round });
	const row = (await engine.query(q.sql, q.params)).find((r) => r.domain === domain);
	if (typeof row?.score !== 'number') throw new Error(`no score for ${ubigeo} ${round} ${domain}`);
	return row.score;
}

function pick(row: Row, columns: readonly string[]): Row {
	return Object.fromEntries(columns.map((c) => [c, row[c]]));
}

describe('draftScoresSql', () => {
	it('gives, for every district and round of the demo data, exactly what the dashboards compute once the round is in the table', async () => {
		const keys = await engine.query(
			'SELECT DISTINCT ubigeo, round FROM assessments ORDER BY ubigeo, round'
		);
		expect(keys.length).toBeGreaterThan(50);
		const dashboard = await engine.query(domainScoresSql().sql);
		const overall = await engine.query(overallScoresSql().sql);
		let compared = 0;
		// Each (district, round) is taken out of the table and given as a draft,
		// the way the form holds it before the round is complete.
		for (const key of keys) {
			const ubigeo = String(key.ubigeo);
			const round = String(key.round);
			const rows = await engine.query(
				'SELECT indicator_id, answer FROM assessments WHERE ubigeo = ? AND round = ?',
				[ubigeo, round]
			);
			await engine.exec('BEGIN TRANSACTION');
			await engine.query('DELETE FROM assessments WHERE ubigeo = ? AND round = ?', [ubigeo, round]);
			const q = draftScoresSql({
				ubigeo,
				round,
				answers: rows.map((r) => ({
					indicator_id: String(r.indicator_id),
					answer: r.answer as Answer
				}))
			});
			const live = await engine.query(q.sql, q.params);
			await engine.exec('ROLLBACK');

			const expected = dashboard.filter((r) => r.ubigeo === ubigeo && r.round === round);
			expect(live.map((r) => pick(r, DOMAIN_COLUMNS))).toEqual(
				expected.map((r) => pick(r, DOMAIN_COLUMNS))
			);
			const o = overall.find((r) => r.ubigeo === ubigeo && r.round === round)!;
			for (const r of live) {
				expect(r.overall_score).toEqual(o.score);
				expect(r.complete).toEqual(o.complete);
			}
			compared++;
		}
		expect(compared).toBe(keys.length);
	});

	it('scores a round with no answer yet: every domain present, nothing answered, score and overall empty', async () => {
		const q = draftScoresSql({ ubigeo: '150101', round: '2099', answers: [] });
		const rows = await engine.query(q.sql, q.params);
		const [{ n }] = await engine.query(
			"SELECT count(DISTINCT domain)::INTEGER AS n FROM framework WHERE kind = 'policy'"
		);
		expect(rows).toHaveLength(n as number);
		for (const r of rows) {
			expect(r.answered).toBe(0);
			expect(r.completeness).toBe(0);
			expect(r.score).toBeNull();
			expect(r.change).toBeNull();
			expect(r.overall_score).toBeNull();
			expect(r.complete).toBe(false);
		}
	});

	it('compares a draft with the district’s latest earlier scored round, and ignores later rounds', async () => {
		// Lima's 2024 domain 1 score from the dashboards' SQL:
		const before = await dashboardScore('150101', '2024', 1);
		const domain1 = await engine.query(
			"SELECT indicator_id FROM framework WHERE kind = 'policy' AND domain = 1 ORDER BY indicator_id"
		);
		const all = (answer: Answer) =>
			domain1.map((r) => ({ indicator_id: String(r.indicator_id), answer }));

		// Everything met in domain 1: 100, so the change is 100 − the 2024 score.
		const q = draftScoresSql({ ubigeo: '150101', round: '2025', answers: all('cumple') });
		const d1 = (await engine.query(q.sql, q.params)).find((r) => r.domain === 1)!;
		expect(d1.score).toBe(100);
		expect(d1.level).toBe('consolidado');
		expect(d1.completeness).toBe(100);
		expect(d1.change).toBeCloseTo(100 - before, 9);

		// A draft named before 2024 is compared with 2023, not with the later 2024.
		const q2023 = draftScoresSql({ ubigeo: '150101', round: '2023-S2', answers: all('cumple') });
		const early = (await engine.query(q2023.sql, q2023.params)).find((r) => r.domain === 1)!;
		const s2023 = await dashboardScore('150101', '2023', 1);
		expect(early.change).toBeCloseTo(100 - s2023, 9);

		// All "no_aplica": nothing applicable, completeness and score empty.
		const qna = draftScoresSql({ ubigeo: '150101', round: '2025', answers: all('no_aplica') });
		const na = (await engine.query(qna.sql, qna.params)).find((r) => r.domain === 1)!;
		expect(na.applicable).toBe(0);
		expect(na.completeness).toBeNull();
		expect(na.score).toBeNull();
	});

	it('keeps answers as data: a quote in an indicator id cannot break the query', async () => {
		const q = draftScoresSql({
			ubigeo: "150101'; DROP TABLE assessments; --",
			round: '2025',
			answers: [{ indicator_id: "D1.01'); DROP TABLE framework; --", answer: 'cumple' }]
		});
		await engine.query(q.sql, q.params);
		const [{ n }] = await engine.query('SELECT count(*)::INTEGER AS n FROM framework');
		expect(n).toBeGreaterThan(0);
	});
});
