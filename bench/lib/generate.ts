import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Generated activity files for the import and filter figures (never
 * committed: bench/.out is ignored). Uses the project's own generator,
 * scripts/generate-activities.ts (seeded, valid against data/districts.csv),
 * and keeps a file that already exists with the same name: the generator is
 * deterministic, so the bytes are the same.
 */
export async function activitiesFile(dir: string, rows: number): Promise<string> {
	const label = rows >= 1_000_000 ? `${rows / 1_000_000}m` : `${rows / 1000}k`;
	const out = resolve(dir, `actividades-${label}.csv`);
	if (existsSync(out) && statSync(out).size > rows * 40) return out;
	const { generateActivities } = await import('../../scripts/generate-activities');
	await generateActivities({ rows, out, seed: 7 });
	return out;
}
