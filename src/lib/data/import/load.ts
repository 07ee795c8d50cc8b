/**
 * Step 6 for a contract dataset: load the stage's valid rows into the typed
 * table, in one transaction. A replace (or a load into an empty table) of a
 * large stage renames the stage into the typed table (`swapInSql`) rather
 * than copying it; anything else inserts the rows without errors.
 */
import { quoteIdent } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import type { DatasetSpec } from '../schema';
import { rawColumns } from './sql/convert';
import {
	deleteErrorsSql,
	loadSql,
	swapInSql,
	tableColumnsSql,
	tableConstraintsSql,
	type TableShape
} from './sql/load';
import { engineStopped, errorText, isOutOfMemory } from './failure';

/** From this many rows, a load of a clean file renames its stage into the typed table rather than copying it. */
const SWAP_MIN_ROWS = 50_000;

/** Bumped by every committed load: a prepared import validated before must validate again. */
let commits = 0;

export function commitCount(): number {
	return commits;
}

export interface LoadContext {
	spec: DatasetSpec;
	stage: string;
	issues: string;
	mode: 'replace' | 'append';
	/** Row errors of the last validation (their lines are not loaded). */
	rowErrors: number;
	/** Rows staged, and lines with an error among them. */
	rows: number;
	errorLines: number;
	/** The stage came from the fast path: typed columns only (no `__line`, no `__raw_*`). */
	fast: boolean;
}

/** Rows loaded, or the reason the load failed (an engine that stopped or ran out of memory throws). */
export async function loadStage(
	engine: Engine,
	ctx: LoadContext
): Promise<{ loaded: number } | { failed: string }> {
	const { spec, stage, issues, mode, rowErrors: errors } = ctx;
	const target = spec.name;
	const q = quoteIdent;
	const helpers = ctx.fast ? [] : ['__line', ...rawColumns(spec)];
	const run = async (swap: boolean): Promise<number> => {
		if (swap && errors > 0) {
			// Outside the transaction: DuckDB refuses to commit a DELETE and an ALTER of
			// the same table together. The stage is private, so this changes nothing visible.
			const del = deleteErrorsSql(stage, issues);
			await engine.query(del.sql, del.params);
		}
		await engine.exec('BEGIN TRANSACTION');
		try {
			let loaded: number;
			if (swap) {
				const shape = await tableShape(engine, target);
				await engine.exec(swapInSql(stage, target, helpers, shape));
				loaded = ctx.rows - ctx.errorLines;
			} else {
				if (mode === 'replace') await engine.exec(`DELETE FROM ${q(target)}`);
				const ins = loadSql(spec, { from: stage, issuesTable: errors > 0 ? issues : undefined });
				const inserted = await engine.query(ins.sql, ins.params);
				const count = inserted[0]?.Count;
				loaded = typeof count === 'number' ? count : ctx.rows - ctx.errorLines;
			}
			await engine.exec('COMMIT');
			return loaded;
		} catch (error) {
			await engine.exec('ROLLBACK').catch(() => {});
			throw error;
		}
	};
	// A small clean file: copying it costs less than the catalog queries and DDL of a swap.
	const small = ctx.fast && ctx.rows < SWAP_MIN_ROWS;
	let swap = mode === 'replace' && !small;
	if (!swap && !small) {
		const [{ n: existing }] = await engine.query(
			`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${q(target)} LIMIT 1)`
		);
		swap = Number(existing) === 0;
	}
	if (swap && !(await swappable(engine, target))) swap = false;
	let loaded: number;
	try {
		loaded = await run(swap);
	} catch (error) {
		try {
			// The swap is an optimisation: fall back to a plain INSERT.
			if (!swap || engineStopped(error)) throw error;
			loaded = await run(false);
		} catch (error2) {
			if (engineStopped(error2) || isOutOfMemory(error2)) throw error2;
			return { failed: errorText(error2) };
		}
	}
	commits++;
	return { loaded };
}

/** The typed table's columns, defaults, NOT NULL and primary key, to rebuild them on the stage. */
async function tableShape(engine: Engine, table: string): Promise<TableShape> {
	const cols = tableColumnsSql(table);
	const cons = tableConstraintsSql(table);
	const columns = (await engine.query(cols.sql, cols.params)).map((r) => ({
		name: String(r.name),
		notNull: r.notNull === true,
		default: r.default === null ? null : String(r.default)
	}));
	const pk = (await engine.query(cons.sql, cons.params))
		.filter((r) => r.kind === 'PRIMARY KEY')
		.map((r) => String(r.column));
	return { columns, primaryKey: pk.length ? pk : null };
}

/** The swap rebuilds defaults, NOT NULL and a primary key only: anything else (CHECK, UNIQUE, indexes) needs the INSERT path. */
async function swappable(engine: Engine, table: string): Promise<boolean> {
	const cons = tableConstraintsSql(table);
	const rows = await engine.query(cons.sql, cons.params);
	return rows.every((r) => r.kind === 'PRIMARY KEY');
}
