import { localToday } from '../clock';
import type { Engine } from '../engine/types';
import { fetchDemoFiles } from '../data/demo-files';
import { importFiles } from '../data/import';
import { importSnapshot, type TableSnapshot } from '../data/snapshot';
import { replayImports } from '../data/replay';
import { applyLocalAssessmentRecords } from '../forms/records';
import { applyLoggedActivities } from '../activities/log';
import { SERVER_MODE } from '../mode';

/**
 * The records each feature keeps in this browser, applied on top of the
 * datasets in this order. A new kind of record (what the Integra server
 * sends) is one more entry here; the layers below know none of them.
 */
const LOCAL_RECORDS: readonly ((engine: Engine) => Promise<unknown>)[] = [
	applyLocalAssessmentRecords, // self-assessment drafts and finished rounds (forms/)
	applyLoggedActivities // activities logged in the field (activities/)
];

/**
 * Fill a fresh engine with everything the app shows. Runs on the first start
 * and again after every engine restart (crash, timeout), so it must rebuild
 * the whole state from durable sources: the demo files or the user's
 * persisted imports, then the records made in the browser (overlays).
 */
export async function loadDatasets(
	engine: Engine,
	opts: {
		/**
		 * The build's snapshot of the demo tables (already validated). Without
		 * one, or when it cannot be downloaded, the demo CSV files go through
		 * the import pipeline: the same tables, slower.
		 */
		demoSnapshot?: () => Promise<TableSnapshot>;
	} = {}
): Promise<void> {
	await loadDemo(engine, opts.demoSnapshot);
	await replayImports(engine); // the files the user loaded on /datos, from IndexedDB
	await applyOverlays(engine);
}

/**
 * The demo tables: from the snapshot when there is one that loads, else through the pipeline.
 * On the Integra server the snapshot is the server's data (published, or staff's work in
 * progress): the build's demo files would show data as old as the build, so there is no
 * falling back to them. The engine's start fails, says so, and the next start asks again.
 */
async function loadDemo(engine: Engine, demoSnapshot?: () => Promise<TableSnapshot>) {
	if (SERVER_MODE && demoSnapshot) {
		await importSnapshot(engine, await demoSnapshot());
		return;
	}
	const snapshot = await demoSnapshot?.().catch(() => null);
	if (snapshot) {
		try {
			await importSnapshot(engine, snapshot);
			return;
		} catch (error) {
			console.warn('Demo snapshot not loaded; reading the demo files instead.', error);
		}
	}
	await importFiles(engine, await fetchDemoFiles(), {
		mode: 'replace',
		today: localToday(),
		locale: 'es'
	});
}

/**
 * Records made in this browser, applied on top of the datasets: on every
 * fresh engine, and again after each import on /datos, so that the tables
 * after an import are the ones a reload would rebuild.
 */
export async function applyOverlays(engine: Engine): Promise<void> {
	for (const apply of LOCAL_RECORDS) await apply(engine);
}
