import { expect } from 'vitest';
import { createTablesSql } from '$lib/data/tables';
import type { Row } from '$lib/engine/types';
import { ANCON, ATE, CALLAO, insertSql, LIMA, useEngine, type Cell } from '../test-support';
import { buildCubeSql } from './build';
import { ACTIVITY_COLUMNS } from './rows';
import { emptyFilters, type ActivityFilters } from './filters';
import { activityFiguresSql } from './views';

/**
 * The case the cube's tests share (not the app's). Every expected number in
 * those tests is worked out by hand from the rows in ACTIVITIES, with
 * DESIGN.md §5's formulas, in the comment beside it.
 */

export type { Cell };

export const L1 = LIMA; // 2000 migrants
export const L2 = ANCON; // 500 migrants
export const L3 = ATE; // migrant population unknown
export const C1 = CALLAO; // 1000 migrants
export const C2 = '070102'; // Bellavista, migrant population 0

const DISTRICTS: Cell[][] = [
	[L1, 'Lima', 'Lima', 2000],
	[L2, 'Ancón', 'Lima', 500],
	[L3, 'Ate', 'Lima', null],
	[C1, 'Callao', 'Callao', 1000],
	[C2, 'Bellavista', 'Callao', 0]
];

export const COLUMNS = ACTIVITY_COLUMNS;

// prettier-ignore
export const ACTIVITIES: Cell[][] = [
	// id   date          ubigeo type                  audience              topic             modality      total women men  migr partner
	['A1', '2024-01-15', L1, 'sesion_informativa', 'gobierno_local',     'regularizacion', 'presencial', 40,  28,   12,  10,  'OIM'],
	['A2', '2024-03-10', L1, 'conversatorio',      'comunidad_migrante', 'salud',          'virtual',    20,  5,    10,  15,  null],
	['A3', '2024-03-20', L2, 'sesion_informativa', 'comunidad_migrante', 'regularizacion', 'virtual',    30,  20,   10,  24,  'ACNUR'],
	['A4', '2024-07-01', C1, 'campana',            'comunidad_acogida',  'salud',          'presencial', 100, null, null, 20,  'OIM'],
	['A5', '2023-02-01', L1, 'sesion_informativa', 'gobierno_local',     'gobernanza',     'presencial', 10,  6,    4,   0,   null],
	['A6', '2023-12-31', C1, 'capacitacion',       'entidad_publica',    'trata',          'mixta',      25,  15,   10,  null, 'OIM'],
	['A7', '2024-12-31', L3, 'asistencia_tecnica', 'gobierno_local',     'gobernanza',     'virtual',    5,   2,    3,   1,   'GIZ']
];

export const Y2024 = { from: '2024-01-01', to: '2024-12-31' };

export function filters(over: Partial<ActivityFilters> = {}): ActivityFilters {
	return { ...emptyFilters(Y2024), ...over };
}

/**
 * The test file's one engine (`useEngine`, called at its top level), with
 * the case: `load` gives it fresh tables.
 */
export function cubeEngine() {
	const db = useEngine();
	const { run } = db;

	return {
		get engine() {
			return db.engine;
		},
		run,

		/** Fresh tables with the districts, `rows` as activities, and the cube built on them. */
		async load(rows: Cell[][] = ACTIVITIES): Promise<void> {
			await db.engine.exec(createTablesSql());
			await db.engine.exec(
				insertSql('districts', ['ubigeo', 'name', 'province', 'migrant_population'], DISTRICTS)
			);
			if (rows.length) await db.engine.exec(insertSql('activities', COLUMNS, rows));
			await db.engine.exec(buildCubeSql());
		},

		/** The two rows of activityFiguresSql as one: the previous period's values get `_prev`. */
		async figures(f: ActivityFilters): Promise<Row> {
			const rows = await run(activityFiguresSql(f));
			expect(rows.map((r) => r.period)).toEqual(['cur', 'prev']);
			const [cur, prev] = rows;
			const out: Row = { ...cur, prev_from: prev.from, prev_to: prev.to };
			for (const [k, v] of Object.entries(prev)) if (k !== 'period') out[`${k}_prev`] = v;
			return out;
		}
	};
}
