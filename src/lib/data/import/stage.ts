/**
 * Step 4 for a contract dataset, the detailed way: the file read as text
 * through a view numbered by line, converted once into a stage shaped like
 * the typed table plus `__line` and the `__raw_*` source text that the
 * validation quotes. Then the line numbers are made exact when some records
 * span lines or blank lines were skipped.
 */
import { quoteIdent } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import type { DatasetSpec } from '../schema';
import { TABLE_DDL } from '../tables';
import { rawColumns, typedSelectSql } from './sql/convert';
import { countLines } from './lines';
import type { RegisteredSource } from './registered';
import { recordStartLines } from './scan';

const q = quoteIdent;

/** The typed table exists (a replay or a test may import before `importFiles` created it). */
export function targetDdl(spec: DatasetSpec): string {
	return TABLE_DDL[spec.name].replace(/^CREATE TABLE /, 'CREATE TABLE IF NOT EXISTS ');
}

/** A view reading every column as text, in file order, with its line number. */
export function sourceViewSql(view: string, reg: RegisteredSource, columns: string[]): string {
	return `CREATE OR REPLACE TEMP VIEW ${q(view)} AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS __line, *
FROM ${reg.readCsv(columns, true)}`;
}

/** Converts the source view into the stage; gives the rows staged. */
export async function stageDetailed(
	engine: Engine,
	ctx: {
		spec: DatasetSpec;
		reg: RegisteredSource;
		source: string;
		stage: string;
		mapping: Record<string, string>;
	}
): Promise<number> {
	const { spec, reg, stage } = ctx;
	const helpers = ['__line', ...rawColumns(spec)];
	await engine.exec(`${targetDdl(spec)};
CREATE OR REPLACE TABLE ${q(stage)} AS SELECT * FROM ${q(spec.name)} LIMIT 0;
${helpers.map((h) => `ALTER TABLE ${q(stage)} ADD COLUMN ${q(h)} ${h === '__line' ? 'INTEGER' : 'VARCHAR'};`).join('\n')}`);
	const typed = typedSelectSql(spec, {
		staging: ctx.source,
		mapping: ctx.mapping,
		dialect: reg.source.dialect
	});
	await reg.read(() => engine.query(`INSERT INTO ${q(stage)} BY NAME ${typed.sql}`, typed.params));
	const [{ n: rows }] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${q(stage)}`);
	return Number(rows);
}

/**
 * Line numbers: the record ordinal is right unless some records span lines
 * or blank lines were skipped; then each record's line is read from the
 * text and written into the stage. 'approximate' when the text and DuckDB
 * disagree on the records (the report warns); 'registered' when a lines
 * file was registered (to drop on release).
 */
export async function numberLines(
	engine: Engine,
	ctx: {
		reg: RegisteredSource;
		rows: number;
		singleColumn: boolean;
		stage: string;
		lines: string;
		linesFile: string;
		pause?: () => Promise<void>;
	}
): Promise<'exact' | 'approximate' | 'registered'> {
	const src = ctx.reg.source;
	if (countLines(src.buffer ?? src.text ?? '') === ctx.rows + 1) return 'exact';
	const full = await ctx.reg.fullText();
	const starts = await recordStartLines(full, src.dialect.delimiter, ctx.singleColumn, ctx.pause);
	if (starts.length !== ctx.rows) return 'approximate';
	await engine.registerText(ctx.linesFile, starts.join('\n'));
	await engine.exec(`CREATE OR REPLACE TEMP TABLE ${q(ctx.lines)} AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS ord, l
FROM read_csv('${ctx.linesFile}', header = false, auto_detect = false, columns = {'l': 'INTEGER'});
UPDATE ${q(ctx.stage)} SET __line = x.l FROM ${q(ctx.lines)} x WHERE ${q(ctx.stage)}.__line = x.ord;`);
	return 'registered';
}
