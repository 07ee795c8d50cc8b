import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../src/lib/engine/node';
import type { Engine } from '../src/lib/engine/types';
import { readInputFile } from './read-input';
import type { CliOutcome } from './cli-outcome';
import { validateCli } from './validate-cli';
import { formatText, validateFiles, type ValidateInput } from './validate-run';

/** The project's tsx, run directly: `npx tsx` costs another half second of CPU per run. */
const TSX = 'node_modules/.bin/tsx';

const run = promisify(execFile);

/**
 * The real command in its own process: only where the process itself is the
 * point (its exit code and streams, never hanging on a pipe). Each run starts
 * tsx, so the other cases call the same command in-process.
 */
async function validateProcess(args: string[], timeout: number): Promise<CliOutcome> {
	try {
		// `timeout` kills a CLI that hangs (on a pipe, say) instead of leaving it behind.
		const { stdout, stderr } = await run(TSX, ['scripts/validate.ts', ...args], { timeout });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as CliOutcome;
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

// One engine for the file: the command's engine start is not what these tests prove.
let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

/** `npm run validate -- ARGS`, in-process on the shared engine. */
const validate = (args: string[]) => validateCli(args, { engine: async () => engine });

const FIX = 'tests/fixtures/files';
const tmp = () => mkdtempSync(join(tmpdir(), 'integra-validate-'));
const lines = (stdout: string) =>
	stdout
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l));

describe('npm run validate (the CLI)', () => {
	it('prints one JSON object per file with the report fields, exit 0 when all are valid', async () => {
		const r = await validate([
			'--json',
			'--today',
			'2026-01-01',
			`${FIX}/estadisticas_excel_es.csv`,
			`${FIX}/actividades_texto_unicode.txt`
		]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const [stats, acts] = lines(r.stdout);
		expect(stats).toMatchObject({
			file: 'estadisticas_excel_es.csv',
			encoding: 'windows-1252',
			delimiter: ';',
			type: 'statistics',
			rows: 3,
			columns: 9,
			errors: 0,
			warnings: 2
		});
		expect(stats.issues[0]).toEqual({
			line: 2,
			column: 'Código ubigeo',
			severity: 'warning',
			message:
				'El código «70101» tiene 5 dígitos; se leyó como 070101, con el cero inicial. Guarde la columna como texto para conservar el cero.'
		});
		expect(acts).toMatchObject({
			file: 'actividades_texto_unicode.txt',
			encoding: 'utf-16le',
			delimiter: '\t',
			type: 'activities',
			rows: 2,
			errors: 0,
			warnings: 0
		});
	});

	it('exits 1 when a file has errors, with the line and column in the report (and in English)', async () => {
		const dir = tmp();
		const path = join(dir, 'actividades.csv');
		writeFileSync(
			path,
			'activity_id,date,ubigeo,type,audience,topic,modality,participants_total\n' +
				'A1,2024-05-02,150101,conversatorio,academia,salud,virtual,10\n' +
				'A2,2024-05-02,999999,conversatorio,academia,salud,virtual,10\n'
		);
		const json = await validate(['--json', '--lang', 'en', path]);
		expect(json.code).toBe(1);
		const [result] = lines(json.stdout);
		expect(result).toMatchObject({ type: 'activities', rows: 2, errors: 1, warnings: 0 });
		expect(result.issues).toEqual([
			{
				line: 3,
				column: 'ubigeo',
				severity: 'error',
				message:
					'District “999999” is not in districts.csv. Correct the code or add the district to districts.csv.'
			}
		]);
		const text = await validate([path]);
		expect(text.code).toBe(1);
		expect(text.stdout).toContain(
			'actividades.csv: actividades (activities.csv) · UTF-8 · separador «,» · 2 filas · 8 columnas · errores: 1 · advertencias: 0'
		);
		expect(text.stdout).toContain('  línea 3, ubigeo: Error: El distrito «999999» no existe');
	});

	it('validates any CSV as a generic table with --type table, and names a dataset’s missing columns', async () => {
		const table = await validate(['--json', '--type', 'table', `${FIX}/Encuesta Añón 2024.csv`]);
		expect(table.code).toBe(0);
		expect(lines(table.stdout)[0]).toMatchObject({
			file: 'Encuesta Añón 2024.csv',
			type: 'table',
			rows: 3,
			columns: 6,
			errors: 0,
			warnings: 2
		});
		const missing = await validate([
			'--json',
			'--type',
			'actions',
			`${FIX}/Encuesta Añón 2024.csv`
		]);
		expect(missing.code).toBe(1);
		expect(lines(missing.stdout)[0].issues[0].message).toContain(
			'Faltan columnas obligatorias de plan de acción (actions.csv)'
		);
	});

	it('never exits with anything but 0 or 1 and never prints a stack trace for bad input', async () => {
		const dir = tmp();
		const binary = join(dir, 'binario.csv');
		writeFileSync(binary, Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02, 0x0a]));
		const cases: [string[], RegExp][] = [
			[[], /Indique al menos un archivo CSV/],
			[['--type', 'nada', 'x.csv'], /Tipo desconocido: nada/],
			[['--bogus', 'x.csv'], /Unknown option|bogus/],
			[['--encoding', 'latin-9', 'x.csv'], /--encoding: latin-9/],
			[['--today', 'ayer', 'x.csv'], /--today: ayer/]
		];
		// the real process once: exit 1, the message and the usage on stderr, no stack trace
		const proc = await validateProcess(['--today', 'ayer', 'x.csv'], 60_000);
		expect(proc).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/--today: ayer/) });
		expect(proc.stderr).toMatch(/Usage: npm run -s validate/);
		expect(proc.stderr).not.toMatch(/\n\s+at /);
		for (const [args, message] of cases) {
			const r = await validate(args);
			expect(r.code, args.join(' ')).toBe(1);
			expect(r.stderr, args.join(' ')).toMatch(message);
			expect(r.stderr, args.join(' ')).toMatch(/Usage: npm run -s validate/);
			expect(r.stderr).not.toMatch(/\n\s+at /);
		}
		const files = await validate(['--json', join(dir, 'no-existe.csv'), dir, binary]);
		expect(files.code).toBe(1);
		expect(files.stderr).toBe('');
		const [missing, folder, bin] = lines(files.stdout);
		expect(missing.issues[0].message).toMatch(/No se pudo abrir .*no-existe\.csv.* \(ENOENT\)/);
		expect(folder.issues[0].message).toBe(
			`«${dir}» es una carpeta, no un archivo: no se leyó. Indique la ruta de un archivo CSV.`
		);
		expect(bin.issues[0].message).toContain('«binario.csv» no parece un archivo de texto');
	});

	it('refuses a pipe, a device, a folder and a file of 51,200 columns at once, without reading them', async () => {
		const dir = tmp();
		const fifo = join(dir, 'tuberia.csv');
		execFileSync('mkfifo', [fifo]);
		const wide = join(dir, 'ancho.csv');
		writeFileSync(wide, `${'c,'.repeat(51_199)}c\n`);
		// in its own process: a hang (opening a pipe waits for a writer) would hold the test
		// worker. 60 s: a bound that catches the hang, not a timing (tsx alone starts in ~2 s)
		const r = await validateProcess(
			['--json', '--lang', 'en', fifo, '/dev/zero', dir, wide],
			60_000
		);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe('');
		const [pipe, zero, folder, ancho] = lines(r.stdout);
		const notFile = (file: string, kind: string) =>
			`“${file}” is ${kind}, not a file: it was not read. Give the path of a CSV file.`;
		expect(pipe.issues[0].message).toBe(notFile(fifo, 'a named pipe (FIFO)'));
		expect(zero.issues[0].message).toBe(notFile('/dev/zero', 'a device'));
		expect(folder.issues[0].message).toBe(notFile(dir, 'a folder'));
		expect(ancho).toMatchObject({ file: 'ancho.csv', type: null, rows: 0, errors: 1 });
		expect(ancho.issues[0].message).toBe(
			'“ancho.csv” has 51,200 columns in its first row and at most 300 are read, so it was not read. Remove the columns you do not need, or split the file into narrower ones. If you did not expect so many columns, check the delimiter.'
		);
		// a generic table may be wider, not that wide
		const table = await validate(['--type', 'table', wide]);
		expect(table.code).toBe(1);
		expect(table.stdout).toContain('se leen como máximo 1,000');
		expect(table.stdout).not.toMatch(/navegador/);
	});
});

describe('readInputFile', () => {
	it('reads a regular file, and refuses one above the size cap without reading it', () => {
		const dir = tmp();
		const small = join(dir, 'datos.csv');
		writeFileSync(small, 'a,b\n1,2\n');
		expect(readInputFile(small, 'es')).toEqual({
			ok: true,
			bytes: new Uint8Array(readFileSync(small))
		});
		const big = join(dir, 'grande.csv');
		writeFileSync(big, new Uint8Array(3 * 1024 * 1024));
		expect(readInputFile(big, 'en', { file: 'grande.csv', maxBytes: 2 * 1024 * 1024 })).toEqual({
			ok: false,
			message:
				'“grande.csv” is 3 MB and at most 2 MB are read: it was not read. Split it into smaller parts.'
		});
		expect(readInputFile(join(dir, 'no.csv'), 'es', { file: 'no.csv' })).toEqual({
			ok: false,
			message: 'No se pudo abrir «no.csv» (ENOENT). Revise la ruta del archivo.'
		});
	});
});

describe('validateFiles (the CLI’s core)', () => {
	const input = (fileName: string, text: string): ValidateInput => ({
		fileName,
		bytes: new TextEncoder().encode(text)
	});

	it('checks references against the districts among the files, else against the demo data', async () => {
		const acts =
			'activity_id,date,ubigeo,type,audience,topic,modality,participants_total\n' +
			'A1,2024-05-02,150105,conversatorio,academia,salud,virtual,10\n';
		const alone = await validateFiles(engine, [input('actividades.csv', acts)], {
			today: '2026-01-01',
			locale: 'es',
			demoDir: 'data'
		});
		expect(alone[0].errors).toBe(0);
		const withDistricts = await validateFiles(
			engine,
			[
				input('actividades.csv', acts),
				input('distritos.csv', 'ubigeo,name,province\n150101,Lima,Lima\n')
			],
			{ today: '2026-01-01', locale: 'es', demoDir: 'data' }
		);
		// Printed in the order given, checked in dependency order.
		expect(withDistricts.map((r) => [r.file, r.type, r.errors])).toEqual([
			['actividades.csv', 'activities', 1],
			['distritos.csv', 'districts', 0]
		]);
	});

	it('formats a readable summary', () => {
		const text = formatText(
			[
				{
					file: 'a.csv',
					encoding: 'windows-1252',
					delimiter: '\t',
					type: 'table',
					rows: 3,
					columns: 2,
					errors: 1,
					warnings: 0,
					issues: [{ line: 4, column: 'x', severity: 'error', message: 'Mal.' }]
				}
			],
			'en'
		);
		expect(text).toBe(
			'a.csv: generic table · Windows-1252 · delimiter “TAB” · 3 rows · 2 columns · errors: 1 · warnings: 0\n' +
				'  line 4, x: Error: Mal.'
		);
	});
});
