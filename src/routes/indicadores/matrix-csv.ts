import { formatExport } from '$lib/i18n/format';
import { MATRIX_ANSWERS } from '$lib/metrics/indicator-matrix';
import type { CsvCell } from '$lib/data/csv-export';
import type { DistrictColumn, SummaryRow } from './matrix.svelte';

export interface MatrixCsv {
	fileName: string;
	columns: string[];
	rows: Record<string, CsvCell>[];
}

/**
 * The matrix as it is shown, as CSV: one row per indicator with its counts,
 * `applicable` and `share_met` (1 decimal, docs/metrics.md), then one column
 * per district shown, named by its ubigeo, holding the answer code. When a
 * district is compared, the counts are those of the others and its column is
 * the only district column (the file name says which district).
 */
export function matrixCsv(input: {
	round: string;
	rows: SummaryRow[];
	districts: DistrictColumn[];
	answer: (indicatorId: string, ubigeo: string) => string | undefined;
	text: (row: SummaryRow) => string;
	compared: string | null;
}): MatrixCsv {
	const { round, rows, districts, answer, text, compared } = input;
	const counts = ['districts', ...MATRIX_ANSWERS, 'applicable'] as const;
	return {
		fileName: compared
			? `indicadores-${round}-distrito-${compared}.csv`
			: `indicadores-${round}.csv`,
		columns: [
			'indicator_id',
			'domain',
			'indicator',
			...counts,
			'share_met',
			...districts.map((d) => d.ubigeo)
		],
		rows: rows.map((r) => ({
			indicator_id: r.indicator_id,
			domain: r.domain,
			indicator: text(r),
			...Object.fromEntries(counts.map((c) => [c, r[c]])),
			share_met: formatExport(r.share_met),
			...Object.fromEntries(
				districts.map((d) => [d.ubigeo, answer(r.indicator_id, d.ubigeo) ?? ''])
			)
		}))
	};
}
