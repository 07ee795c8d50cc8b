import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotSql } from '../../src/lib/data/snapshot';
import { DATASET_NAMES } from '../../src/lib/data/tables';
import { prerenderEngine } from '../../src/lib/server/prerender-data';

/**
 * The demo tables' Arrow snapshot, from the engine the app's build
 * prerenders with (src/routes/prefetch/tables), written to
 * `dir/<table>.arrow` for the import page, which is not a SvelteKit build.
 */
export async function writeDemoSnapshot(dir: string): Promise<void> {
	const engine = await prerenderEngine();
	mkdirSync(dir, { recursive: true });
	for (const table of DATASET_NAMES) {
		writeFileSync(join(dir, `${table}.arrow`), await engine.exportArrow(snapshotSql(table)));
	}
}
