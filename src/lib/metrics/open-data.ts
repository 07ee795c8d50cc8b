import type { Row, SqlQuery } from '../engine/types';
import type { CsvCell } from '../data/csv-export';
import { DATASET_SPECS } from '../data/schema';
import type { DatasetName } from '../data/tables';
import { activityMetricsSql } from './activities';
import { domainScoresSql, overallScoresSql } from './assessment';
import {
	ACTIVITY_METRICS_EXPORT,
	DOMAIN_SCORES_EXPORT,
	OVERALL_SCORES_EXPORT,
	formatForExport,
	type TableExport
} from './export';

/** Below this, a count about people is not published (DESIGN.md §9). */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '<5';

export interface OpenDataTable {
	/** file name of the download */
	file: string;
	query: SqlQuery;
	/** how to turn rows into CSV cells */
	toCells(rows: Row[]): { columns: string[]; rows: Record<string, CsvCell>[] };
}

/**
 * Counts of 1 to 4 people are replaced by "<5", so a published file cannot
 * single out a migrant child or a victim. Zero stays (it discloses nobody),
 * and an empty value stays empty.
 */
export function suppressSmallCounts(
	rows: Record<string, CsvCell>[],
	columns: string[],
	applies: (row: Record<string, CsvCell>) => boolean = () => true
): Record<string, CsvCell>[] {
	return rows.map((row) => {
		if (!applies(row)) return row;
		const out = { ...row };
		for (const c of columns) {
			const v = out[c];
			const n =
				typeof v === 'number' ? v : v === '' || v === null || v === undefined ? NaN : Number(v);
			if (n > 0 && n < SUPPRESS_BELOW) out[c] = SUPPRESSED;
		}
		return out;
	});
}

function withoutUnit(row: Record<string, CsvCell>): Record<string, CsvCell> {
	const out = { ...row };
	delete out.unit;
	return out;
}

/**
 * A dataset as loaded, with the contract's columns in the typed table's
 * order (what `SELECT *` gives): a dataset with no row yet (nothing
 * published) is still a file with its header.
 */
const plain = (dataset: DatasetName) => (rows: Row[]) => ({
	columns: DATASET_SPECS[dataset].columns.map((c) => c.name),
	rows: rows as Record<string, CsvCell>[]
});

function metricTable(
	spec: TableExport,
	query: SqlQuery,
	countColumns: string[] = []
): OpenDataTable {
	return {
		file: spec.file,
		query,
		toCells: (rows) => ({
			columns: spec.columns.map(([c]) => c),
			rows: suppressSmallCounts(formatForExport(spec, rows), countColumns)
		})
	};
}

/**
 * Everything the observatory publishes: the datasets as loaded (people
 * counts suppressed) and the metric tables with exported-figure rounding.
 */
export const OPEN_DATA: OpenDataTable[] = [
	{
		file: 'districts.csv',
		query: { sql: 'SELECT * FROM districts ORDER BY ubigeo', params: [] },
		toCells: plain('districts')
	},
	{
		file: 'framework.csv',
		query: { sql: 'SELECT * FROM framework ORDER BY indicator_id', params: [] },
		toCells: plain('framework')
	},
	{
		file: 'assessments.csv',
		query: { sql: 'SELECT * FROM assessments ORDER BY ubigeo, round, indicator_id', params: [] },
		toCells: plain('assessments')
	},
	{
		file: 'statistics.csv',
		query: {
			sql: `SELECT s.*, f.unit FROM statistics s LEFT JOIN framework f USING (indicator_id)
ORDER BY s.ubigeo, s.indicator_id, s.period, s.sex, s.nationality`,
			params: []
		},
		toCells: (rows) => {
			const { columns, rows: cells } = plain('statistics')(rows);
			return {
				columns: columns.filter((c) => c !== 'unit'),
				rows: suppressSmallCounts(
					cells,
					['value', 'numerator', 'denominator'],
					(r) => r.unit === 'count'
				).map(withoutUnit)
			};
		}
	},
	{
		file: 'activities.csv',
		query: { sql: 'SELECT * FROM activities ORDER BY date, activity_id', params: [] },
		toCells: (rows) => {
			const { columns, rows: cells } = plain('activities')(rows);
			return {
				columns,
				rows: suppressSmallCounts(cells, [
					'participants_total',
					'participants_women',
					'participants_men',
					'participants_migrants'
				])
			};
		}
	},
	{
		file: 'actions.csv',
		query: { sql: 'SELECT * FROM actions ORDER BY ubigeo, action_id', params: [] },
		toCells: plain('actions')
	},
	metricTable(DOMAIN_SCORES_EXPORT, domainScoresSql()),
	metricTable(OVERALL_SCORES_EXPORT, overallScoresSql()),
	metricTable(ACTIVITY_METRICS_EXPORT, activityMetricsSql(), ['participants'])
];
