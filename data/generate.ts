/**
 * The seeded generator of Integra's demo dataset.
 *
 *   npx tsx data/generate.ts [--out DIR]
 *
 * writes the six CSV files of the data contract (DESIGN.md §4) into DIR, by
 * default this folder. The figures are synthetic: only the ubigeo codes and the
 * district names are real. The same seed gives byte-identical files on every
 * machine: a fixed PRNG, no clock, no locale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { actionsCsv, generateActions } from './generator/actions';
import { activitiesCsv, generateActivities } from './generator/activities';
import { assessmentsCsv, generateAssessments } from './generator/assessments';
import { districtsCsv } from './generator/districts';
import { frameworkCsv } from './generator/framework';
import { generateStatistics, statisticsCsv } from './generator/statistics';

export const SEED = 20240615;

/** The demo dataset: file name → CSV text. */
export function generateDemoData(seed: number = SEED): Record<string, string> {
	const assessments = generateAssessments(seed);
	return {
		'districts.csv': districtsCsv(),
		'framework.csv': frameworkCsv(),
		'assessments.csv': assessmentsCsv(assessments.rows),
		'activities.csv': activitiesCsv(generateActivities(seed)),
		'statistics.csv': statisticsCsv(generateStatistics(seed)),
		'actions.csv': actionsCsv(generateActions(seed, assessments))
	};
}

function main(argv: string[]): void {
	let out = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--out' && argv[i + 1]) out = resolve(argv[++i]);
		else if (argv[i].startsWith('--out=')) out = resolve(argv[i].slice('--out='.length));
		else throw new Error(`unknown argument: ${argv[i]} (usage: tsx data/generate.ts [--out DIR])`);
	}
	mkdirSync(out, { recursive: true });
	for (const [name, text] of Object.entries(generateDemoData())) {
		writeFileSync(join(out, name), text, 'utf8');
		const rows = text.split('\n').length - 2;
		console.log(`${join(out, name)}: ${rows} rows`);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main(process.argv.slice(2));
}
