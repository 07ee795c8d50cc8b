import { toCsv } from '../data/csv-export';
import type { Engine } from '../engine/types';
import { OPEN_DATA } from '../metrics/open-data';

/**
 * A dataset of the contract as the open-data download gives it: the same
 * query and the same suppression of counts under 5 (DESIGN.md §9) as the
 * observatory's "Datos abiertos" buttons (src/lib/metrics/open-data.ts),
 * run by the server's engine of the published data. `null` for a name that
 * is not a dataset of the open data.
 */
export async function openDataCsv(engine: Engine, dataset: string): Promise<string | null> {
	const table = OPEN_DATA.slice(0, 6).find((t) => t.file === `${dataset}.csv`);
	if (!table) return null;
	const cells = table.toCells(await engine.query(table.query.sql, table.query.params));
	const csv = toCsv(cells.columns, cells.rows);
	// papaparse ends a header with no row below it with a newline already
	return csv.endsWith('\n') ? csv : csv + '\n';
}
