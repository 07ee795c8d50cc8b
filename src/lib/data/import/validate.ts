/**
 * Step 5 for a contract dataset: validate the stage (sql/checks.ts) and
 * bring back the counts, the totals by kind, and the first issues, each as
 * a message key with its parameters (translated where it is shown).
 */
import { quoteIdent } from '../../engine/sql';
import type { Engine } from '../../engine/types';
import type { Locale } from '../../i18n';
import { columnSpec, type DatasetSpec } from '../schema';
import type { DateOrder } from '../sniff';
import type { ReferenceTables } from './report';
import { issueCountsSql, issuesSql } from './sql/checks';
import {
	makeIssue,
	type ImportIssue,
	type IssueKind,
	type IssueParams,
	type Severity
} from './issues';

export interface RowValidation {
	/** The first issues, by line. */
	listed: ImportIssue[];
	errors: number;
	warnings: number;
	kinds: IssueKind[];
	/** Lines with at least one error (not loaded). */
	errorLines: number;
}

export const NO_ROW_ISSUES: RowValidation = {
	listed: [],
	errors: 0,
	warnings: 0,
	kinds: [],
	errorLines: 0
};

export interface ValidateContext {
	spec: DatasetSpec;
	/** The source view (text, `__line`), the stage (typed) and the issues table to create. */
	source: string;
	stage: string;
	issues: string;
	mapping: Record<string, string>;
	dialect: { decimalComma: boolean; dateOrder: DateOrder | null };
	today: string;
	mode: 'replace' | 'append';
	/** Where the referenced districts and framework are read (default: the loaded tables). */
	tables?: ReferenceTables;
	/** Issues to list at most. */
	room: number;
	fileName: string;
	locale: Locale;
}

interface IssueRow {
	line: number;
	column: string;
	severity: Severity;
	code: string;
	value: string | null;
	detail: string | null;
}

export async function validateRows(engine: Engine, ctx: ValidateContext): Promise<RowValidation> {
	const q = quoteIdent;
	const { spec } = ctx;
	const check = issuesSql(spec, {
		staging: ctx.source,
		mapping: ctx.mapping,
		dialect: ctx.dialect,
		today: ctx.today,
		mode: ctx.mode,
		typedTable: ctx.stage,
		tables: ctx.tables
	});
	await engine.query(`CREATE OR REPLACE TEMP TABLE ${q(ctx.issues)} AS ${check.sql}`, check.params);
	const counts = issueCountsSql(ctx.issues);
	const [c] = await engine.query(counts.sql, counts.params);
	const kinds = (
		await engine.query(
			`SELECT code, severity, count(*)::INTEGER AS count FROM ${q(ctx.issues)} GROUP BY code, severity`
		)
	).map((k) => ({
		code: String(k.code),
		severity: k.severity as Severity,
		count: Number(k.count)
	}));
	const rows = (await engine.query(
		`SELECT line, "column", severity, code, value, detail FROM ${q(ctx.issues)}
ORDER BY line, ord, code LIMIT ${ctx.room}`
	)) as unknown as IssueRow[];
	const listed = rows.map((row) => {
		const column = ctx.mapping[row.column] ?? row.column;
		const { key, params } = rowMessage(spec, row, column, ctx.today);
		return makeIssue(
			ctx.locale,
			ctx.fileName,
			row.severity,
			row.code,
			key,
			params,
			Number(row.line),
			column
		);
	});
	return {
		listed,
		errors: Number(c.errors),
		warnings: Number(c.warnings),
		kinds,
		errorLines: Number(c.errorLines)
	};
}

const VALUE_MAX = 80;

function shorten(value: string | null): string {
	if (value === null) return '';
	return value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value;
}

/** The message key and parameters of one row issue (`header`: the column as named in the file). */
function rowMessage(
	spec: DatasetSpec,
	row: IssueRow,
	header: string,
	today: string
): { key: string; params: IssueParams } {
	const c = columnSpec(spec, row.column);
	const params: IssueParams = {
		column: header,
		value: shorten(row.value),
		detail: shorten(row.detail),
		today,
		dataset: { key: `import.dataset.${spec.name}` }
	};
	let key = `import.issue.${row.code}`;
	switch (row.code) {
		case 'allowed':
			params.allowed = (c.allowed ?? []).join(', ');
			break;
		case 'range_min':
			params.min = c.min ?? 0;
			if (c.minExclusive) key = 'import.issue.range_min_exclusive';
			break;
		case 'range_max':
			params.max = c.max ?? 0;
			break;
		case 'reference':
			key = `import.issue.reference.${c.references?.dataset ?? 'districts'}`;
			break;
		case 'indicator_kind':
			params.expected = { key: `import.kind.${c.references?.kind ?? 'policy'}` };
			params.actual = row.detail ? { key: `import.kind.${row.detail}` } : '';
			break;
	}
	return { key, params };
}
