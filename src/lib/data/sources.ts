import type { Engine } from '../engine/types';
import { DEMO_FILES } from './demo-files';
import { importFiles } from './pipeline';

/**
 * Fill a fresh engine with the datasets the app shows. Today that is the
 * demo dataset; imported datasets (persisted in the browser) will join here.
 */
export async function loadDatasets(engine: Engine): Promise<void> {
	const files = await Promise.all(
		Object.entries(DEMO_FILES).map(async ([fileName, url]) => {
			const response = await fetch(url);
			if (!response.ok) throw new Error(`${fileName}: HTTP ${response.status}`);
			return { fileName, bytes: new Uint8Array(await response.arrayBuffer()) };
		})
	);
	await importFiles(engine, files, {
		mode: 'replace',
		today: new Date().toISOString().slice(0, 10),
		locale: 'es'
	});
}
