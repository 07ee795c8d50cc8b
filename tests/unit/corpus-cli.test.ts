/**
 * The shared CSV corpus through `npm run validate -- --type table --json`
 * (the command in-process, with its own engine as from the command line):
 * one JSON object per file, exit 1 since some files are refused, never a
 * stack trace. The loads themselves: corpus.test.ts.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCli } from '../../scripts/validate-cli';
import { corpusFiles, present } from './corpus.expected';

describe.skipIf(!present)(
	'the CSV corpus through `npm run validate -- --type table --json`',
	() => {
		it('prints one object per file, exits 1 (some files are refused), and never a stack trace', async () => {
			const files = corpusFiles();
			const { code, stdout, stderr } = await validateCli(['--type', 'table', '--json', ...files]);
			expect(code).toBe(1);
			expect(stderr).toBe('');
			const results = stdout
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l));
			expect(results.map((r) => r.file)).toEqual(files.map((f) => basename(f)));
			for (const r of results) {
				expect(Object.keys(r)).toEqual([
					'file',
					'encoding',
					'delimiter',
					'type',
					'rows',
					'columns',
					'errors',
					'warnings',
					'issues'
				]);
				expect(r.type).toBe('table');
			}
			const loaded = results.filter((r) => r.errors === 0).length;
			const rejected = results.filter((r) => r.errors > 0).length;
			console.log(
				`[corpus] CLI: ${loaded} files valid as tables, ${rejected} refused with a message`
			);
			expect(loaded + rejected).toBe(files.length);
		}, 120_000);
	}
);
