import { describe, expect, it } from 'vitest';
import { batchRank, inLoadOrder, orphansOutsideBatch, referenceSelectSql } from './batch';

describe('load order of a batch', () => {
	it('puts districts and framework first, tables last, and keeps the picking order within a dataset', () => {
		const picked = [
			{ n: 'acciones', t: 'actions' },
			{ n: 'otra', t: 'table' },
			{ n: 'estadisticas', t: 'statistics' },
			{ n: 'marco', t: 'framework' },
			{ n: 'distritos 2', t: 'districts' },
			{ n: 'distritos 1', t: 'districts' },
			{ n: 'actividades', t: 'activities' },
			{ n: 'autoevaluaciones', t: 'assessments' }
		];
		expect(inLoadOrder(picked, (x) => x.t).map((x) => x.n)).toEqual([
			'distritos 2',
			'distritos 1',
			'marco',
			'autoevaluaciones',
			'estadisticas',
			'actividades',
			'acciones',
			'otra'
		]);
		expect(batchRank(null)).toBe(6);
	});
});

describe('referenceSelectSql: what a batch leaves in a referenced dataset', () => {
	it('is the loaded table itself when nothing is staged', () => {
		expect(referenceSelectSql('districts', [])).toBeNull();
	});

	it('is the last replace and the appends after it, each less its error lines', () => {
		const sql = referenceSelectSql('districts', [
			{ mode: 'append', table: 's1', issues: null },
			{ mode: 'replace', table: 's2', issues: 'i2' },
			{ mode: 'append', table: 's3', issues: null }
		]);
		expect(sql).toBe(
			`SELECT t.* FROM "s2" t WHERE NOT EXISTS (SELECT 1 FROM "i2" i WHERE i.severity = 'error' AND i.line = t.__line)
UNION ALL BY NAME
SELECT t.* FROM "s3" t`
		);
	});

	it('keeps the loaded rows under appends', () => {
		expect(referenceSelectSql('framework', [{ mode: 'append', table: 's1', issues: null }])).toBe(
			`SELECT * FROM "framework"\nUNION ALL BY NAME\nSELECT t.* FROM "s1" t`
		);
	});
});

describe('orphansOutsideBatch', () => {
	it('leaves out the datasets the batch replaces anyway', () => {
		const orphans = [
			{ dataset: 'assessments' as const, rows: 10 },
			{ dataset: 'activities' as const, rows: 3 }
		];
		expect(orphansOutsideBatch(orphans, ['assessments', 'framework'])).toEqual([
			{ dataset: 'activities', rows: 3 }
		]);
	});
});
