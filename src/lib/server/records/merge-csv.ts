import Papa from 'papaparse';
import { mapHeaders } from '../../data/detect';
import { DATASET_SPECS } from '../../data/schema';
import { toCsv, type CsvCell } from '../../data/csv-export';
import type { Queryable } from '../db/store';

function decode(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		// Excel's plain "CSV" on a Spanish Windows
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/**
 * A reference file of the data folder with the server's records merged in
 * (docs/server-records.md): a server record replaces the reference row with
 * the same key, in its place; the others follow, in the order given.
 * Without server records the file is given back as it is, byte for byte.
 * Otherwise it is written in the contract's canonical form (the contract's
 * columns and header names, UTF-8, commas); a reference row keeps its
 * values as written, for the import to read as it always did.
 */
export function mergeIntoCsv(
	bytes: Uint8Array,
	dataset: 'actions' | 'activities',
	rows: readonly object[]
): Uint8Array {
	if (rows.length === 0) return bytes;
	const spec = DATASET_SPECS[dataset];
	const columns = spec.columns.map((c) => c.name);
	const key = columns[0];
	const server = new Map(rows.map((r) => [String((r as Record<string, unknown>)[key]), r]));
	const parsed = Papa.parse<string[]>(decode(bytes), { header: false, skipEmptyLines: 'greedy' });
	const [headers = [], ...data] = parsed.data;
	const { mapping } = mapHeaders(spec, headers);
	const at = Object.fromEntries(
		Object.entries(mapping).map(([column, header]) => [column, headers.indexOf(header)])
	);
	const out: Record<string, CsvCell>[] = [];
	const placed = new Set<string>();
	for (const cells of data) {
		const id = (cells[at[key]] ?? '').trim();
		const mine = server.get(id);
		if (mine) {
			if (!placed.has(id)) out.push(mine as Record<string, CsvCell>);
			placed.add(id);
			continue;
		}
		out.push(Object.fromEntries(columns.map((c) => [c, at[c] === undefined ? '' : cells[at[c]]])));
	}
	for (const [id, r] of server) if (!placed.has(id)) out.push(r as Record<string, CsvCell>);
	return new TextEncoder().encode(toCsv(columns, out) + '\n');
}

/**
 * A stamp that changes whenever an action or an activity is stored on the
 * server (count and latest time, in ms, of both; no spaces: it may go into
 * an ETag): for the tag of the published data, so that an ETag or a cached
 * engine does not outlive a new record.
 */
export async function serverRecordsStamp(db: Queryable): Promise<string> {
	const [row] = await db.query<{ t: string }>(
		`SELECT concat_ws('.',
		   (SELECT count(*) FROM action_item_versions),
		   (SELECT coalesce(floor(extract(epoch FROM max(saved_at)) * 1000), 0)::bigint FROM action_item_versions),
		   (SELECT count(*) FROM logged_activities),
		   (SELECT coalesce(floor(extract(epoch FROM max(logged_at)) * 1000), 0)::bigint FROM logged_activities)
		 ) AS t`
	);
	return row.t;
}
