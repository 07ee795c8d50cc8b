import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { orphanCountsSql, pruneOrphansSql, referencingDatasets, type OrphanCount } from './orphans';
import { createTablesSql } from './tables';

// The DuckDB wasm engine is slow to start on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let engine: Engine;

// Loaded data (every expected count below is worked out from these rows by hand):
//   districts   150101 Lima, 150102 Ancón, 070101 Callao
//   framework   D1.01 policy, D1.02 policy, S1 statistic
//   assessments (150101, D1.01) (150102, D1.01) (150102, D1.02) (070101, D1.01)
//   statistics  (150101, S1) (070101, S1)
//   activities  A1 150101, A2 070101, A3 070101
//   actions     X1 150101 D1.02, X2 070101 (no indicator), X3 150102 S1
const LOADED = `
INSERT INTO districts (ubigeo, name, province) VALUES
	('150101', 'Lima', 'Lima'), ('150102', 'Ancón', 'Lima'), ('070101', 'Callao', 'Callao');
INSERT INTO framework (indicator_id, domain, kind) VALUES
	('D1.01', 1, 'policy'), ('D1.02', 1, 'policy'), ('S1', 4, 'statistic');
INSERT INTO assessments (ubigeo, round, indicator_id, answer) VALUES
	('150101', '2024', 'D1.01', 'cumple'), ('150102', '2024', 'D1.01', 'parcial'),
	('150102', '2024', 'D1.02', 'cumple'), ('070101', '2024', 'D1.01', 'no_cumple');
INSERT INTO statistics (ubigeo, period, indicator_id, value) VALUES
	('150101', '2024', 'S1', 1), ('070101', '2024', 'S1', 2);
INSERT INTO activities (activity_id, date, ubigeo, type, audience, topic, modality, participants_total) VALUES
	('A1', '2024-01-01', '150101', 'otro', 'academia', 'otro', 'virtual', 1),
	('A2', '2024-01-02', '070101', 'otro', 'academia', 'otro', 'virtual', 1),
	('A3', '2024-01-03', '070101', 'otro', 'academia', 'otro', 'virtual', 1);
INSERT INTO actions (action_id, ubigeo, indicator_id, description, status) VALUES
	('X1', '150101', 'D1.02', 'x', 'pendiente'), ('X2', '070101', NULL, 'x', 'pendiente'),
	('X3', '150102', 'S1', 'x', 'pendiente');`;

beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

async function fresh(): Promise<void> {
	await engine.exec(`${createTablesSql()};\n${LOADED}`);
}

async function counts(q: { sql: string; params: unknown[] }): Promise<OrphanCount[]> {
	const rows = await engine.query(q.sql, q.params as never);
	return rows.map((r) => ({ dataset: r.dataset as OrphanCount['dataset'], rows: Number(r.rows) }));
}

describe('referencingDatasets', () => {
	it('reads who refers to what from the data contract', () => {
		expect(referencingDatasets('districts').map((r) => r.dataset)).toEqual([
			'assessments',
			'statistics',
			'activities',
			'actions'
		]);
		expect(referencingDatasets('framework').map((r) => r.dataset)).toEqual([
			'assessments',
			'statistics',
			'actions'
		]);
	});
});

describe('orphanCountsSql', () => {
	beforeAll(fresh);

	it('counts the rows whose district a staged districts file lacks, skipping its error lines', async () => {
		// The detailed stage: line 2 150101, line 3 150102 (an error: not loaded), line 4 999999.
		await engine.exec(`CREATE OR REPLACE TABLE stage_d AS SELECT * FROM districts LIMIT 0;
ALTER TABLE stage_d ADD COLUMN __line INTEGER;
INSERT INTO stage_d (ubigeo, name, province, __line) VALUES
	('150101', 'Lima', 'Lima', 2), ('150102', 'Ancón', 'Lima', 3), ('999999', 'Nuevo', 'Lima', 4);
CREATE OR REPLACE TABLE issues_d (line INTEGER, severity VARCHAR);
INSERT INTO issues_d VALUES (3, 'error'), (4, 'warning');`);
		// Keys loaded: 150101 and 999999 (the warning on line 4 still loads it).
		// assessments: 150102 ×2 + 070101 → 3; statistics: 070101 → 1;
		// activities: A2, A3 → 2; actions: X2 (070101), X3 (150102) → 2.
		expect(
			await counts(orphanCountsSql('districts', { table: 'stage_d', issues: 'issues_d' }))
		).toEqual([
			{ dataset: 'assessments', rows: 3 },
			{ dataset: 'statistics', rows: 1 },
			{ dataset: 'activities', rows: 2 },
			{ dataset: 'actions', rows: 2 }
		]);
		// Without the issues, 150102 stays: only 070101's rows are left without a district.
		expect(await counts(orphanCountsSql('districts', { table: 'stage_d' }))).toEqual([
			{ dataset: 'assessments', rows: 1 },
			{ dataset: 'statistics', rows: 1 },
			{ dataset: 'activities', rows: 2 },
			{ dataset: 'actions', rows: 1 }
		]);
		// The loaded districts themselves: nothing is orphaned.
		expect(await counts(orphanCountsSql('districts', { table: 'districts' }))).toEqual([
			{ dataset: 'assessments', rows: 0 },
			{ dataset: 'statistics', rows: 0 },
			{ dataset: 'activities', rows: 0 },
			{ dataset: 'actions', rows: 0 }
		]);
	});

	it('counts an indicator that is gone, or changed kind, and ignores an action without one', async () => {
		// The new framework: D1.01 policy, D1.02 now a statistic, S2 statistic (S1 gone).
		await engine.exec(`CREATE OR REPLACE TABLE stage_f AS SELECT * FROM framework LIMIT 0;
INSERT INTO stage_f (indicator_id, domain, kind) VALUES
	('D1.01', 1, 'policy'), ('D1.02', 1, 'statistic'), ('S2', 4, 'statistic');`);
		// assessments: (150102, D1.02) is no longer a policy indicator → 1;
		// statistics: both on S1 → 2; actions: X3 on S1 → 1 (X1's D1.02 exists, any kind; X2 has none).
		expect(await counts(orphanCountsSql('framework', { table: 'stage_f' }))).toEqual([
			{ dataset: 'assessments', rows: 1 },
			{ dataset: 'statistics', rows: 2 },
			{ dataset: 'actions', rows: 1 }
		]);
	});

	it('with no key at all, every row with a reference is orphaned', async () => {
		expect(await counts(orphanCountsSql('districts', null))).toEqual([
			{ dataset: 'assessments', rows: 4 },
			{ dataset: 'statistics', rows: 2 },
			{ dataset: 'activities', rows: 3 },
			{ dataset: 'actions', rows: 3 }
		]);
		// X2 has no indicator: 2 actions, not 3.
		expect(await counts(orphanCountsSql('framework', null))).toEqual([
			{ dataset: 'assessments', rows: 4 },
			{ dataset: 'statistics', rows: 2 },
			{ dataset: 'actions', rows: 2 }
		]);
	});
});

describe('pruneOrphansSql', () => {
	beforeAll(fresh);

	it('deletes exactly the rows the count announced, after the replace', async () => {
		// The replace: districts 150101 and 999999 (as the staged file above, its error line skipped).
		await engine.exec(`DELETE FROM districts;
INSERT INTO districts (ubigeo, name, province) VALUES ('150101', 'Lima', 'Lima'), ('999999', 'Nuevo', 'Lima');`);
		const deleted: Record<string, number> = {};
		for (const dataset of ['assessments', 'statistics', 'activities', 'actions'] as const) {
			const q = pruneOrphansSql('districts', dataset);
			const [row] = await engine.query(q.sql, q.params);
			deleted[dataset] = Number(row.Count);
		}
		expect(deleted).toEqual({ assessments: 3, statistics: 1, activities: 2, actions: 2 });
		expect(await engine.query('SELECT activity_id FROM activities')).toEqual([
			{ activity_id: 'A1' }
		]);
		expect(await engine.query('SELECT action_id FROM actions ORDER BY action_id')).toEqual([
			{ action_id: 'X1' }
		]);
		expect(
			(await counts(orphanCountsSql('districts', { table: 'districts' }))).every(
				(c) => c.rows === 0
			)
		).toBe(true);
	});

	it('keeps actions without an indicator when the framework changes', async () => {
		await engine.exec(`DELETE FROM framework;
INSERT INTO framework (indicator_id, domain, kind) VALUES ('D1.01', 1, 'statistic');`);
		// Left after the test above: assessments (150101, D1.01); statistics (150101, S1); action X1 (D1.02).
		// D1.01 is now a statistic: the assessment goes; S1 is gone: the statistic goes; D1.02 is gone: X1 goes.
		const q = pruneOrphansSql('framework', 'assessments');
		expect(Number((await engine.query(q.sql, q.params))[0].Count)).toBe(1);
		const s = pruneOrphansSql('framework', 'statistics');
		expect(Number((await engine.query(s.sql, s.params))[0].Count)).toBe(1);
		await engine.exec(`INSERT INTO actions (action_id, ubigeo, indicator_id, description, status)
VALUES ('X4', '150101', NULL, 'x', 'pendiente')`);
		const a = pruneOrphansSql('framework', 'actions');
		expect(Number((await engine.query(a.sql, a.params))[0].Count)).toBe(1);
		expect(await engine.query('SELECT action_id FROM actions')).toEqual([{ action_id: 'X4' }]);
	});

	it('refuses a dataset that does not refer to the other', () => {
		expect(() => pruneOrphansSql('framework', 'activities')).toThrow(/does not refer/);
	});
});
