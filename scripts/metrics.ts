/**
 * npm run metrics -- --data DIR --out DIR [--today YYYY-MM-DD] [--lang es|en]
 *
 * Reads the data-contract CSVs from DIR, validates and loads them with the
 * app's own import pipeline, computes every metric with the app's own SQL on
 * the same DuckDB build (Node blocking adapter), and writes CSV reports.
 * Exit 0: valid input (warnings allowed). Exit 1: errors, with a summary on
 * stderr and no stack trace.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeEngine } from '../src/lib/engine/node';
import { runMetrics } from './metrics-run';
import { readInputFile } from './read-input';

function usage(message: string): never {
	process.stderr.write(
		`${message}\nUsage: npm run metrics -- --data DIR --out DIR [--today YYYY-MM-DD] [--lang es|en]\n`
	);
	process.exit(1);
}

async function main(): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				data: { type: 'string' },
				out: { type: 'string' },
				today: { type: 'string' },
				lang: { type: 'string' }
			}
		}));
	} catch (error) {
		usage((error as Error).message);
	}
	if (!values.data || !values.out) usage('Missing --data or --out.');
	const lang = values.lang === 'en' ? 'en' : 'es';
	const today = values.today ?? new Date().toISOString().slice(0, 10);
	const dataDir = resolve(values.data);

	let names: string[];
	try {
		names = readdirSync(dataDir).filter((n) => n.toLowerCase().endsWith('.csv'));
	} catch {
		usage(`Cannot read the folder ${dataDir}.`);
	}
	// A pipe, a device or a folder named *.csv is refused without being opened.
	const files: { fileName: string; bytes: Uint8Array }[] = [];
	const refused: string[] = [];
	for (const fileName of names) {
		const read = readInputFile(join(dataDir, fileName), lang, { file: fileName });
		if (read.ok) files.push({ fileName, bytes: read.bytes });
		else refused.push(read.message);
	}

	const engine = await createNodeEngine();
	const result = await runMetrics(engine, files, { today, locale: lang });
	await engine.close();
	for (const line of [...refused, ...result.notes]) process.stderr.write(`${line}\n`);

	const outDir = resolve(values.out);
	mkdirSync(outDir, { recursive: true });
	for (const [file, text] of Object.entries(result.outputs)) {
		writeFileSync(join(outDir, file), text);
	}
	if (result.summary) process.stderr.write(`${result.summary}\n`);
	process.stdout.write(
		`${Object.keys(result.outputs)
			.map((f) => `wrote ${join(outDir, f)}`)
			.join('\n')}\n`
	);
	return result.ok && refused.length === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`metrics: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	}
);
