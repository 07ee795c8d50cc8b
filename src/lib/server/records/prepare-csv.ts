import type { Engine } from '../../engine/types';
import { prepareImport, type PreparedImport } from '../../data/import';
import type { DatasetName } from '../../data/tables';

/** Problems listed in a 400 (all are counted). */
const LISTED = 20;

/**
 * A CSV the server wrote from a request (UTF-8, commas) prepared as an import
 * of `dataset`.csv against what `engine` holds: the same rules as a file
 * someone loads, with Spanish messages (the API's language). No date counts
 * as in the future (a far `today`): that is only a warning anyway. Used for
 * one record (one-row.ts) and a round's answers (rounds/check.ts); the caller
 * discards the prepared import.
 */
export function prepareServerCsv(
	engine: Engine,
	dataset: DatasetName,
	csv: string,
	mode: 'replace' | 'append'
): Promise<PreparedImport> {
	return prepareImport(engine, {
		fileName: `${dataset}.csv`,
		bytes: new TextEncoder().encode(csv + '\n'),
		dataset,
		mode,
		today: '9999-12-31',
		locale: 'es',
		encoding: 'utf-8',
		delimiter: ',',
		maxIssues: LISTED
	});
}
