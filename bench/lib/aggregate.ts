/**
 * The aggregation every import method is followed by (issue 7 point 3):
 * activities and participants by district × month × type, the shape of the
 * activity views. Shared by the page (harness) and native DuckDB.
 */
export const aggregateSql = (table: string) =>
	`SELECT ubigeo, strftime(date, '%Y-%m') AS month, type, count(*)::INTEGER AS n,
	sum(participants_total)::DOUBLE AS participants
FROM ${table} GROUP BY ALL`;
