import Papa from 'papaparse';
import { createNodeEngine } from '../../src/lib/engine/node';
import { runMetrics } from '../../scripts/metrics-run';
import { readDemoFiles } from '../../src/lib/server/demo-files';

export type Csv = Record<string, string>[];

/** What the metrics CLI computes from data/ (same pipeline and SQL, Node engine). */
export async function cliMetrics(): Promise<{ domain: Csv; overall: Csv; activity: Csv }> {
	const files = readDemoFiles();
	const engine = await createNodeEngine();
	const run = await runMetrics(engine, files, { today: '2026-01-01', locale: 'es' });
	await engine.close();
	const parse = (text: string) =>
		Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
	return {
		domain: parse(run.outputs['domain_scores.csv']),
		overall: parse(run.outputs['overall_scores.csv']),
		activity: parse(run.outputs['activity_metrics.csv'])
	};
}

/** The latest assessment round in the CLI's domain scores. */
export function latestRoundOf(domain: Csv): string {
	return domain
		.map((r) => r.round)
		.sort()
		.at(-1)!;
}
