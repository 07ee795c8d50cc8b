import { formatExport } from '../i18n/format';
import type { Row } from '../engine/types';
import type { CsvCell } from '../data/csv-export';

/** How each exported column is written: a metric with 1 decimal, a count as an integer, or text. */
type ColumnFormat = 'metric' | 'count' | 'text' | 'boolean';

export interface TableExport {
	file: string;
	columns: [string, ColumnFormat][];
}

export const DOMAIN_SCORES_EXPORT: TableExport = {
	file: 'domain_scores.csv',
	columns: [
		['ubigeo', 'text'],
		['round', 'text'],
		['domain', 'count'],
		['score', 'metric'],
		['completeness', 'metric'],
		['level', 'text'],
		['change', 'metric'],
		['answered', 'count'],
		['applicable', 'count']
	]
};

export const OVERALL_SCORES_EXPORT: TableExport = {
	file: 'overall_scores.csv',
	columns: [
		['ubigeo', 'text'],
		['round', 'text'],
		['score', 'metric'],
		['level', 'text'],
		['complete', 'boolean']
	]
};

export const ACTIVITY_METRICS_EXPORT: TableExport = {
	file: 'activity_metrics.csv',
	columns: [
		['ubigeo', 'text'],
		['year', 'count'],
		['activities', 'count'],
		['participants', 'count'],
		['women_share', 'metric'],
		['migrant_share', 'metric'],
		['reach_per_1000_migrants', 'metric'],
		['sectors_reached', 'count'],
		['virtual_share', 'metric']
	]
};

/**
 * Rows as exported figures (DESIGN.md §5): metrics with 1 decimal rounded
 * half away from zero, counts as integers, `true`/`false`, and an empty
 * value as an empty cell, never 0.
 */
export function formatForExport(spec: TableExport, rows: Row[]): Record<string, CsvCell>[] {
	return rows.map((row) => {
		const out: Record<string, CsvCell> = {};
		for (const [name, format] of spec.columns) {
			const v = row[name];
			if (v === null || v === undefined) out[name] = '';
			else if (format === 'metric') out[name] = formatExport(v as number, 1);
			else if (format === 'count') out[name] = String(Math.round(v as number));
			else if (format === 'boolean') out[name] = v ? 'true' : 'false';
			else out[name] = String(v);
		}
		return out;
	});
}
