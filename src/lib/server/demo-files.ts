import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoFile } from '../data/demo-files';

/**
 * The demo dataset's CSV files read from disk, in name order: for Node only
 * (the build's prerendering, tests, the bench). The browser fetches the
 * same files as assets (`fetchDemoFiles`).
 */
export function readDemoFiles(dir = 'data'): DemoFile[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.csv'))
		.sort()
		.map((fileName) => ({ fileName, bytes: new Uint8Array(readFileSync(join(dir, fileName))) }));
}
