// The demo dataset, emitted by Vite as hashed static assets and fetched from
// the app's own origin (works offline once cached; no CDN).
import districts from '../../../data/districts.csv?url';
import framework from '../../../data/framework.csv?url';
import assessments from '../../../data/assessments.csv?url';
import statistics from '../../../data/statistics.csv?url';
import activities from '../../../data/activities.csv?url';
import actions from '../../../data/actions.csv?url';

export const DEMO_FILES: Record<string, string> = {
	'districts.csv': districts,
	'framework.csv': framework,
	'assessments.csv': assessments,
	'statistics.csv': statistics,
	'activities.csv': activities,
	'actions.csv': actions
};

export interface DemoFile {
	fileName: string;
	bytes: Uint8Array;
}

let fetched: Promise<DemoFile[]> | null = null;

/**
 * The demo files' bytes, fetched once per page: the engine asks for them as
 * it starts, so they download while the wasm compiles, and an engine
 * restarted after a crash reloads them without going back to the network.
 */
export function fetchDemoFiles(): Promise<DemoFile[]> {
	fetched ??= Promise.all(
		Object.entries(DEMO_FILES).map(async ([fileName, url]) => {
			const response = await fetch(url);
			if (!response.ok) throw new Error(`${fileName}: HTTP ${response.status}`);
			return { fileName, bytes: new Uint8Array(await response.arrayBuffer()) };
		})
	);
	// a failed download is tried again by the next engine start
	fetched.catch(() => (fetched = null));
	// copies: an engine may take (transfer) the buffers it is given
	return fetched.then((files) => files.map((f) => ({ ...f, bytes: f.bytes.slice() })));
}
