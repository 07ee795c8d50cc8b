/**
 * The fast path for a contract dataset (sql/fast.ts): the file read once
 * straight into a stage shaped like the typed table, then the checks that
 * need other rows, as counts. Clean files (the demo data, saved imports
 * replayed on every start) are the usual case; a file with anything to
 * report falls back to the detailed path (stage.ts), which lists each
 * problem with its line. The result is the same either way.
 */
import { quoteIdent } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import { fastCheckSql, fastReadTypes, fastSelectSql } from './sql/fast';
import type { DatasetSpec } from '../schema';
import type { ReferenceTables } from './report';
import { engineStopped, isOutOfMemory } from './failure';
import { countLines } from './lines';
import type { RegisteredSource } from './registered';
import { targetDdl } from './stage';

/** Rows of the fast stage when nothing is to be reported for `mode`, else null. */
export async function checkFast(
	engine: Engine,
	spec: DatasetSpec,
	stage: string,
	mode: 'replace' | 'append',
	today: string,
	tables?: ReferenceTables
): Promise<number | null> {
	const check = fastCheckSql(spec, { stage, mode, today, tables });
	const [c] = await engine.query(check.sql, check.params);
	const rows = Number(c.rows);
	return Number(c.problems) === 0 && rows > 0 ? rows : null;
}

/**
 * Stages the file the fast way. The rows when the file is clean (the stage
 * is ready to load, nothing to report); null when it is to be staged again
 * the detailed way. An engine that stopped or ran out of memory throws.
 */
export async function stageFast(
	engine: Engine,
	ctx: {
		spec: DatasetSpec;
		reg: RegisteredSource;
		columns: string[];
		mapping: Record<string, string>;
		stage: string;
		mode: 'replace' | 'append';
		today: string;
		tables?: ReferenceTables;
	}
): Promise<number | null> {
	const { spec, reg, stage } = ctx;
	const q = quoteIdent;
	const src = reg.source;
	const readTypes = fastReadTypes(spec, ctx.mapping, src.dialect);
	const select = fastSelectSql(spec, {
		from: reg.readCsv(ctx.columns, true, false, readTypes),
		mapping: ctx.mapping,
		dialect: src.dialect,
		readTypes
	});
	try {
		// Not TEMP: a replace renames the stage into the typed table (swapInSql).
		await engine.exec(`${targetDdl(spec)};
CREATE OR REPLACE TABLE ${q(stage)} AS SELECT * FROM ${q(spec.name)} LIMIT 0;
INSERT INTO ${q(stage)} BY NAME ${select}`);
		const rows = await checkFast(engine, spec, stage, ctx.mode, ctx.today, ctx.tables);
		// Records spanning lines, or blank lines: the detailed path numbers lines (and may warn).
		if (rows === null || countLines(src.buffer ?? src.text ?? '') !== rows + 1) return null;
		return rows;
	} catch (error) {
		// Not clean, not UTF-8 after all, not valid CSV…: the detailed path says what.
		if (engineStopped(error) || isOutOfMemory(error)) throw error;
		return null;
	}
}
