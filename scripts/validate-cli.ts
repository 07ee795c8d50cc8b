/**
 * The validate command (scripts/validate.ts) as a function: arguments in,
 * printed text and exit code out, so that tests run it in-process on a shared
 * engine instead of starting tsx and DuckDB for every case.
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Encoding } from '../src/lib/data/decode';
import { DELIMITERS, type Delimiter } from '../src/lib/data/sniff';
import { createNodeEngine } from '../src/lib/engine/node';
import type { Engine } from '../src/lib/engine/types';
import { tr, type Locale } from '../src/lib/i18n';
import {
	formatText,
	validateFiles,
	VALIDATE_TYPES,
	type ValidateInput,
	type ValidateType
} from './validate-run';
import { outcomeOf, UsageError, type CliOutcome } from './cli-outcome';
import { readInputFile } from './read-input';

const ENCODINGS: readonly Encoding[] = [
	'utf-8',
	'utf-8-bom',
	'utf-16le',
	'utf-16be',
	'windows-1252'
];
const DELIMITER_WORDS: Record<string, Delimiter> = {
	',': ',',
	comma: ',',
	';': ';',
	semicolon: ';',
	tab: '\t',
	'\\t': '\t',
	'\t': '\t',
	'|': '|',
	pipe: '|'
};

const USAGE =
	'Usage: npm run -s validate -- [--type ' +
	VALIDATE_TYPES.join('|') +
	'] [--json] [--lang es|en] [--today YYYY-MM-DD] [--encoding ' +
	ENCODINGS.join('|') +
	'] [--delimiter comma|semicolon|tab|pipe] FILE...';

/**
 * `npm run validate` with `args` (the command line after the script), in-process.
 * `engine` lends a running engine (tests share one); without it, one is started
 * if some file needs it, and closed after.
 */
export async function validateCli(
	args: readonly string[],
	{ engine }: { engine?: () => Promise<Engine> } = {}
): Promise<CliOutcome> {
	return outcomeOf('validate', USAGE, () => run(args, engine));
}

async function run(
	args: readonly string[],
	lent: (() => Promise<Engine>) | undefined
): Promise<CliOutcome> {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...args],
			allowPositionals: true,
			options: {
				type: { type: 'string' },
				json: { type: 'boolean' },
				lang: { type: 'string' },
				today: { type: 'string' },
				encoding: { type: 'string' },
				delimiter: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const { values, positionals } = parsed;
	if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
	const locale: Locale = values.lang === 'en' ? 'en' : 'es';
	if (values.lang !== undefined && values.lang !== 'es' && values.lang !== 'en') {
		throw new UsageError(`--lang: ${values.lang}`);
	}
	if (values.type !== undefined && !VALIDATE_TYPES.includes(values.type as ValidateType)) {
		throw new UsageError(tr(locale, 'import.cli.badType', { type: values.type }));
	}
	if (values.encoding !== undefined && !ENCODINGS.includes(values.encoding as Encoding)) {
		throw new UsageError(`--encoding: ${values.encoding}`);
	}
	const delimiter =
		values.delimiter === undefined ? undefined : DELIMITER_WORDS[values.delimiter.toLowerCase()];
	if (values.delimiter !== undefined && (!delimiter || !DELIMITERS.includes(delimiter))) {
		throw new UsageError(`--delimiter: ${values.delimiter}`);
	}
	if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
		throw new UsageError(`--today: ${values.today}`);
	}
	if (positionals.length === 0) throw new UsageError(tr(locale, 'import.cli.noFiles'));

	const files: ValidateInput[] = positionals.map((path) => {
		const read = readInputFile(path, locale);
		return read.ok
			? { fileName: basename(path), bytes: read.bytes }
			: { fileName: path, bytes: null, readError: read.message };
	});

	// The engine starts only if some file needs it (not for a folder, a pipe or a file too wide).
	const own: { engine?: Promise<Engine> } = {};
	const engine = lent ?? (() => (own.engine ??= createNodeEngine()));
	const results = await validateFiles(engine, files, {
		type: values.type as ValidateType | undefined,
		today: values.today ?? new Date().toISOString().slice(0, 10),
		locale,
		encoding: values.encoding as Encoding | undefined,
		delimiter,
		demoDir: join(dirname(fileURLToPath(import.meta.url)), '..', 'data')
	});
	if (own.engine) await (await own.engine).close();

	const stdout = values.json
		? results.map((r) => JSON.stringify(r)).join('\n') + '\n'
		: formatText(results, locale) + '\n';
	return { code: results.some((r) => r.errors > 0) ? 1 : 0, stdout, stderr: '' };
}
