/**
 * The metrics command (scripts/metrics.ts) as a function: arguments in,
 * printed text and exit code out (the report files are written as the command
 * writes them), so that tests run it in-process on a shared engine instead of
 * starting tsx and DuckDB for every case.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeEngine } from '../src/lib/engine/node';
import type { Engine } from '../src/lib/engine/types';
import { runMetrics } from './metrics-run';
import { outcomeOf, UsageError, type CliOutcome } from './cli-outcome';
import { readInputFile } from './read-input';

const USAGE = 'Usage: npm run metrics -- --data DIR --out DIR [--today YYYY-MM-DD] [--lang es|en]';

/**
 * `npm run metrics` with `args` (the command line after the script), in-process.
 * `engine` lends a running engine (tests share one; it is left open); without
 * it, one is started and closed after.
 */
export async function metricsCli(
	args: readonly string[],
	{ engine }: { engine?: Engine } = {}
): Promise<CliOutcome> {
	return outcomeOf('metrics', USAGE, () => run(args, engine));
}

async function run(args: readonly string[], lent: Engine | undefined): Promise<CliOutcome> {
	let values;
	try {
		({ values } = parseArgs({
			args: [...args],
			options: {
				data: { type: 'string' },
				out: { type: 'string' },
				today: { type: 'string' },
				lang: { type: 'string' }
			}
		}));
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (!values.data || !values.out) throw new UsageError('Missing --data or --out.');
	const lang = values.lang === 'en' ? 'en' : 'es';
	const today = values.today ?? new Date().toISOString().slice(0, 10);
	const dataDir = resolve(values.data);

	let names: string[];
	try {
		names = readdirSync(dataDir).filter((n) => n.toLowerCase().endsWith('.csv'));
	} catch {
		throw new UsageError(`Cannot read the folder ${dataDir}.`);
	}
	// A pipe, a device or a folder named *.csv is refused without being opened.
	const files: { fileName: string; bytes: Uint8Array }[] = [];
	const refused: string[] = [];
	for (const fileName of names) {
		const read = readInputFile(join(dataDir, fileName), lang, { file: fileName });
		if (read.ok) files.push({ fileName, bytes: read.bytes });
		else refused.push(read.message);
	}

	const engine = lent ?? (await createNodeEngine());
	const result = await runMetrics(engine, files, { today, locale: lang });
	if (!lent) await engine.close();
	let stderr = [...refused, ...result.notes].map((line) => `${line}\n`).join('');

	const outDir = resolve(values.out);
	mkdirSync(outDir, { recursive: true });
	for (const [file, text] of Object.entries(result.outputs)) {
		writeFileSync(join(outDir, file), text);
	}
	if (result.summary) stderr += `${result.summary}\n`;
	const stdout = `${Object.keys(result.outputs)
		.map((f) => `wrote ${join(outDir, f)}`)
		.join('\n')}\n`;
	return { code: result.ok && refused.length === 0 ? 0 : 1, stdout, stderr };
}
