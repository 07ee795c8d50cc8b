import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../../src/lib/data/pipeline';
import { snapshotSql } from '../../src/lib/data/snapshot';
import { DATASET_NAMES } from '../../src/lib/data/tables';
import { createNodeEngine } from '../../src/lib/engine/node';

/**
 * The demo tables' Arrow snapshot, made as the app's build makes it
 * (src/routes/prefetch/tables), written to `dir/<table>.arrow` for the
 * import page, which is not a SvelteKit build.
 */
export async function writeDemoSnapshot(dir: string): Promise<void> {
	const files = readdirSync('data')
		.filter((f) => f.endsWith('.csv'))
		.map((fileName) => ({ fileName, bytes: new Uint8Array(readFileSync(join('data', fileName))) }));
	const engine = await createNodeEngine();
	try {
		await importFiles(engine, files, { mode: 'replace', today: '9999-12-31', locale: 'es' });
		mkdirSync(dir, { recursive: true });
		for (const table of DATASET_NAMES) {
			writeFileSync(join(dir, `${table}.arrow`), await engine.exportArrow(snapshotSql(table)));
		}
	} finally {
		await engine.close();
	}
}
