import { error } from '@sveltejs/kit';
import { DATASET_NAMES } from '$lib/data/tables';
import { isDatasetName, snapshotSql } from '$lib/data/snapshot';
import { prerenderEngine } from '$lib/server/prerender-data';

// The demo data's typed tables as Arrow IPC, written at build time from the
// Node engine's import of data/: a fresh browser engine inserts them instead
// of validating the demo CSV files again (src/lib/data/demo-snapshot.ts).
export const prerender = true;

export const entries = () => DATASET_NAMES.map((table) => ({ table }));

export async function GET({ params }) {
	if (!isDatasetName(params.table)) error(404, 'No such table');
	const bytes = await (await prerenderEngine()).exportArrow(snapshotSql(params.table));
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/vnd.apache.arrow.stream' }
	});
}
