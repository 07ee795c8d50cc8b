/**
 * Generic tables on the one importer (staged.ts): any CSV, not only the
 * contract's datasets, loaded as an extra table for the SQL explorer, under
 * a safe name. Same first steps as the datasets (decode, sniff, NUL and
 * encoding checks, DuckDB's strict reader with an explicit dialect); then
 * the columns get types a person would expect (table-types.ts).
 */
import { quoteIdent } from '../../engine/sql';
import { engineFile } from '../../engine/settings';
import type { Engine } from '../../engine/types';
import { TABLE_MAX_COLUMNS } from '../shape';
import { detectHeader } from '../sniff';
import { countLines } from './lines';
import { columnNames, safeTableName } from './names';
import {
	PREVIEW_ROWS,
	type GenericType,
	type PreparedTable,
	type TableImportOptions,
	type TableReport,
	type TableStep
} from './report';
import { readRecords, recordStartLines } from './scan';
import { StagedImport } from './staged';
import { columnSql, columnVerdict, guessType, typeChecks, type Candidate } from './table-types';

/** Columns whose checks are asked in one query (see `aggregate`). */
const AGGREGATE_COLUMNS = 16;

/** Values sampled per column to guess its type (the whole column is then checked in SQL). */
const SAMPLE = 5000;

/** Records read from the head: the header guess and the preview. */
const HEAD_RECORDS = 51;

const q = quoteIdent;

let sequence = 0;

class TableImport extends StagedImport<TableReport, TableImportOptions> implements PreparedTable {
	private readonly stage: string;
	private selects: string[] = [];
	private starts: number[] | undefined;

	constructor(engine: Engine, opts: TableImportOptions) {
		const n = ++sequence;
		super(engine, opts, emptyReport(opts), engineFile(`__table_${n}.csv`));
		this.stage = `__table_stage_${n}`;
	}

	protected step(s: TableStep): void {
		this.opts.onStep?.(s);
	}

	async prepare(): Promise<this> {
		const { engine, opts } = this;
		const r = this.report;
		const src = await this.readFile(
			TABLE_MAX_COLUMNS,
			(s) => readRecords(s.headText, s.dialect.delimiter, HEAD_RECORDS).length === 0,
			'import.table.empty'
		);
		if (src === null) return this;
		const records = readRecords(src.headText, src.dialect.delimiter, HEAD_RECORDS);
		const header = opts.header ?? detectHeader(records);
		r.header = header;
		const columns = columnNames(header ? records[0] : null, records[0].length);
		const renamed = header
			? columns.filter((c, i) => c !== records[0][i].trim() || records[0][i].trim() === '')
			: [];
		const first = header ? 1 : 0;
		this.preview = { columns, rows: records.slice(first, first + PREVIEW_ROWS) };
		opts.onPreview?.(this.preview);

		this.step('stage');
		let rows: number;
		try {
			const reg = await this.register(src);
			await reg.read(() =>
				engine.exec(`CREATE OR REPLACE TABLE ${q(this.stage)} AS
SELECT CAST(row_number() OVER () AS INTEGER) AS __row, *
FROM ${reg.readCsv(columns, header, true)}`)
			);
			// Blank lines are not data (DuckDB keeps them in a one-column file).
			await engine.exec(
				`DELETE FROM ${q(this.stage)} WHERE ${columns.map((c) => `${q(c)} IS NULL`).join(' AND ')}`
			);
			[{ n: rows }] = (await engine.query(
				`SELECT count(*)::INTEGER AS n FROM ${q(this.stage)}`
			)) as { n: number }[];
		} catch (error) {
			return this.fail(error);
		}
		r.encoding = src.encoding;
		r.rows = rows;
		if (rows === 0) this.fileIssue('warning', 'file_empty', 'import.table.no_rows');

		this.step('types');
		try {
			await this.inferTypes(columns, header ? records[0] : null, renamed);
		} catch (error) {
			return this.fail(error);
		}
		this.loadable = true;
		return this;
	}

	/**
	 * One row of aggregates over the stage, given per column, asked a few
	 * columns at a time: DuckDB's memory for one ungrouped aggregate with a
	 * FILTER on each of its expressions grows with expressions × columns, and
	 * a single query over 64 numeric columns ran out of memory.
	 */
	private async aggregate(perColumn: readonly string[][]): Promise<Record<string, unknown>> {
		const out: Record<string, unknown> = {};
		for (let at = 0; at < perColumn.length; at += AGGREGATE_COLUMNS) {
			const exprs = perColumn.slice(at, at + AGGREGATE_COLUMNS).flat();
			if (exprs.length === 0) continue;
			const [row] = await this.engine.query(`SELECT ${exprs.join(',\n')} FROM ${q(this.stage)}`);
			Object.assign(out, row);
		}
		return out;
	}

	/** Line in the file of stage row `row` (DuckDB's record number, 1-based). */
	private async lineOf(row: number): Promise<number> {
		const reg = this.reg;
		if (!reg) return row;
		const src = reg.source;
		const offset = (this.report.header ? 1 : 0) + src.skip;
		const data = src.buffer ?? src.text ?? '';
		if (countLines(data) === this.report.rows + offset) return row + offset;
		this.starts ??= await recordStartLines(
			await reg.fullText(),
			src.dialect.delimiter,
			this.preview.columns.length === 1,
			this.opts.pause,
			this.report.header
		);
		return this.starts[row - 1] ?? row + offset;
	}

	private async inferTypes(columns: string[], header: string[] | null, renamed: string[]) {
		const { engine, opts } = this;
		const r = this.report;

		// Unnamed columns that are empty on every row: the `;;;` Excel leaves at the end of lines.
		const emptyCounts = await this.aggregate(
			columns.map((c, i) => [
				`count(*) FILTER (WHERE ${q(c)} IS NOT NULL AND ${q(c)} <> '')::INTEGER AS c${i}`
			])
		);
		const droppable = (i: number) =>
			(header === null || (header[i] ?? '').trim() === '') && emptyCounts[`c${i}`] === 0;
		const keep = columns.map(() => true);
		// Only a run at the end of the row; an empty column in the middle is kept where it is.
		for (let i = columns.length - 1; i > 0 && r.rows > 0 && droppable(i); i--) keep[i] = false;
		const dropped = keep.filter((k) => !k).length;
		if (dropped > 0) {
			this.fileIssue('warning', 'columns_empty_dropped', 'import.table.empty_dropped', {
				count: dropped
			});
		}
		const kept = columns.filter((_, i) => keep[i]);
		const shownRenamed = renamed.filter((c) => kept.includes(c));
		if (shownRenamed.length > 0) {
			this.fileIssue('warning', 'columns_renamed', 'import.table.renamed', {
				columns: shownRenamed.join(', ')
			});
		}

		// Guess from a sample, then check the guess on every row.
		const sample = opts.allText
			? null
			: await engine.queryColumns(
					`SELECT ${kept.map((c) => q(c)).join(', ')} FROM ${q(this.stage)} ORDER BY __row LIMIT ${SAMPLE}`
				);
		const candidates: Candidate[] = kept.map((_, i) => {
			if (!sample) return { type: 'VARCHAR' };
			const values = sample.columns[i]
				.map((v) => (v === null ? '' : String(v).trim()))
				.filter((v) => v !== '');
			return guessType(values, r.decimalComma);
		});
		const found = await this.aggregate(kept.map((c, i) => typeChecks(q(c), i, candidates[i])));

		const types: GenericType[] = [];
		for (const [i, c] of kept.entries()) {
			const verdict = await columnVerdict(c, i, candidates[i], found, (row) => this.lineOf(row));
			for (const w of verdict.warnings) {
				this.fileIssue('warning', w.code, w.key, w.params, w.line, c);
			}
			types.push(verdict.type);
		}

		r.columns = kept.map((name, i) => ({
			name,
			header: header?.[columns.indexOf(name)] ?? '',
			type: types[i]
		}));
		this.selects = kept.map((c, i) => `${columnSql(q(c), types[i], candidates[i])} AS ${q(c)}`);
	}

	protected async load(): Promise<void> {
		const { engine, report } = this;
		this.step('load');
		await engine.exec(`CREATE OR REPLACE TABLE ${q(report.table)} AS
SELECT ${this.selects.join(',\n\t')} FROM ${q(this.stage)} ORDER BY __row`);
		const [{ n }] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${q(report.table)}`);
		report.loaded = Number(n);
	}

	protected stageLost(message: string): boolean {
		return /__table_stage_\d+/.test(message) && /does not exist/i.test(message);
	}

	protected restage(): Promise<PreparedTable> {
		return prepareTable(this.engine, this.opts);
	}

	protected loadFailureIsIssue(): boolean {
		return true;
	}

	protected async dropStage(): Promise<void> {
		await this.engine.exec(`DROP TABLE IF EXISTS ${q(this.stage)}`).catch(() => {});
		await this.reg?.drop();
	}
}

function emptyReport(opts: TableImportOptions): TableReport {
	return {
		file: opts.fileName,
		table: safeTableName(opts.name ?? opts.fileName, opts.reserved),
		encoding: 'utf-8',
		delimiter: ',',
		decimalComma: false,
		header: true,
		rows: 0,
		loaded: 0,
		columns: [],
		issues: [],
		errors: 0,
		warnings: 0,
		omitted: 0,
		kinds: []
	};
}

/**
 * Reads, stages and types a CSV file as a generic table without creating it.
 * Never throws for bad content: `loadable` is false and the report says why.
 */
export async function prepareTable(
	engine: Engine,
	opts: TableImportOptions
): Promise<PreparedTable> {
	return new TableImport(engine, opts).prepare();
}

/** Loads any CSV file as a table named `report.table` (created or replaced). */
export async function importTable(engine: Engine, opts: TableImportOptions): Promise<TableReport> {
	return (await prepareTable(engine, opts)).commit();
}
