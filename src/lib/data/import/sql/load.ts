/**
 * Step 6 of the import pipeline as pure SQL builders: insert the valid rows
 * of the stage (`loadSql`), or turn the stage itself into the typed table
 * (`deleteErrorsSql`, then `swapInSql` with the table's shape read from the
 * catalog).
 */
import type { SqlQuery } from '../../../engine/types';
import type { DatasetSpec } from '../../schema';
import { id } from './convert';

/**
 * INSERT the typed rows of `from` (a table holding the typed select) into the
 * typed table, skipping every line that has an error in `issuesTable`.
 */
export function loadSql(
	spec: DatasetSpec,
	opts: { from: string; issuesTable?: string; target?: string }
): SqlQuery {
	const cols = spec.columns.map((c) => id(c.name)).join(', ');
	const where = opts.issuesTable
		? `WHERE NOT EXISTS (SELECT 1 FROM ${id(opts.issuesTable)} i WHERE i.severity = 'error' AND i.line = t.__line)`
		: '';
	const sql = `INSERT INTO ${id(opts.target ?? spec.name)} (${cols})
SELECT ${spec.columns.map((c) => `t.${id(c.name)}`).join(', ')} FROM ${id(opts.from)} t ${where}`;
	return { sql, params: [] };
}

/** DELETE from the stage every line that has an error. */
export function deleteErrorsSql(stage: string, issuesTable: string): SqlQuery {
	return {
		sql: `DELETE FROM ${id(stage)} WHERE __line IN
	(SELECT line FROM ${id(issuesTable)} WHERE severity = 'error')`,
		params: []
	};
}

/** What `swapInSql` must reproduce of the typed table's definition. */
export interface TableShape {
	columns: { name: string; notNull: boolean; default: string | null }[];
	primaryKey: string[] | null;
}

/** Columns, defaults and NOT NULL of a table (read from DuckDB's catalog). */
export function tableColumnsSql(table: string): SqlQuery {
	return {
		sql: `SELECT column_name AS name, NOT is_nullable AS "notNull", column_default AS "default"
FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index`,
		params: [table]
	};
}

/**
 * Constraints and indexes of a table: `kind` ('PRIMARY KEY', 'UNIQUE', 'CHECK',
 * 'FOREIGN KEY', 'INDEX', …) and the constrained column (one row per column).
 */
export function tableConstraintsSql(table: string): SqlQuery {
	return {
		sql: `SELECT constraint_type AS kind, unnest(constraint_column_names) AS "column"
FROM duckdb_constraints() WHERE schema_name = 'main' AND table_name = ? AND constraint_type <> 'NOT NULL'
UNION ALL
SELECT 'INDEX' AS kind, index_name AS "column" FROM duckdb_indexes() WHERE schema_name = 'main' AND table_name = ?`,
		params: [table, table]
	};
}

/**
 * Turn the stage (whose rows are now all valid) into the typed table: drop the
 * helper columns, restore defaults, NOT NULL and the primary key of `shape`,
 * then replace the typed table by it. Run inside a transaction. The column
 * defaults are DuckDB's own catalog text for our DDL, not user data.
 */
export function swapInSql(
	stage: string,
	target: string,
	helperColumns: readonly string[],
	shape: TableShape
): string {
	const s = id(stage);
	const statements = [
		...helperColumns.map((c) => `ALTER TABLE ${s} DROP COLUMN ${id(c)}`),
		...shape.columns
			.filter((c) => c.default !== null)
			.map((c) => `ALTER TABLE ${s} ALTER COLUMN ${id(c.name)} SET DEFAULT ${c.default}`),
		...shape.columns
			.filter((c) => c.notNull)
			.map((c) => `ALTER TABLE ${s} ALTER COLUMN ${id(c.name)} SET NOT NULL`),
		...(shape.primaryKey?.length
			? [`ALTER TABLE ${s} ADD PRIMARY KEY (${shape.primaryKey.map(id).join(', ')})`]
			: []),
		`DROP TABLE ${id(target)}`,
		`ALTER TABLE ${s} RENAME TO ${id(target)}`
	];
	return statements.map((st) => `${st};`).join('\n');
}
