/**
 * npx tsx scripts/generate-activities.ts [--rows 1000000] [--out FILE] [--seed 7]
 *
 * A large, valid activities.csv (DESIGN.md §4) for the districts of
 * data/districts.csv, to try /actividades and /explorar at scale. Written to
 * the system's temp directory by default: the file is about 70 MB and is
 * never committed. Seeded (mulberry32), no clock, no locale: the same
 * arguments give the same bytes.
 *
 * Shape: 2021–2024 like the demo, more activities where more migrants live,
 * fewer in January, February and December; San Bartolo and Pucusana are never
 * reached, so "Distritos sin actividades" is not empty at a million rows.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../data/generator/random';

export const DEFAULT_OUT = join(tmpdir(), 'integra-activities-1m.csv');

const YEARS = [2021, 2022, 2023, 2024];
const MONTH_WEIGHT = [0.35, 0.45, 0.9, 1.0, 1.1, 1.45, 1.35, 1.0, 1.1, 1.45, 1.4, 0.55];
const NEVER_REACHED = new Set(['150129', '150124']);

const TYPES: [string, number][] = [
	['sesion_informativa', 30],
	['asistencia_tecnica', 20],
	['capacitacion', 14],
	['conversatorio', 10],
	['desayuno_migratorio', 8],
	['campana', 12],
	['otro', 6]
];
const AUDIENCES: [string, number][] = [
	['comunidad_migrante', 30],
	['gobierno_local', 22],
	['entidad_publica', 14],
	['sociedad_civil', 12],
	['comunidad_acogida', 10],
	['sector_privado', 5],
	['academia', 4],
	['cooperacion_internacional', 3]
];
const TOPICS: [string, number][] = [
	['regularizacion', 22],
	['gobernanza', 16],
	['integracion', 12],
	['proteccion_nna', 9],
	['trabajo', 9],
	['salud', 8],
	['discriminacion', 7],
	['trata', 6],
	['violencia_genero', 6],
	['educacion', 5],
	['otro', 3]
];
const MODALITIES: [string, number][] = [
	['presencial', 70],
	['virtual', 22],
	['mixta', 8]
];
const PARTNERS: [string, number][] = [
	['', 45],
	['OIM', 15],
	['ACNUR', 11],
	['UNICEF', 7],
	['Cáritas', 7],
	['HIAS', 6],
	['GIZ', 5],
	['OIT', 4]
];

function picker(rand: () => number, table: [string, number][]): () => string {
	const total = table.reduce((s, [, w]) => s + w, 0);
	const cumulative = table.map((_, i) => table.slice(0, i + 1).reduce((s, [, x]) => s + x, 0));
	return () => {
		const r = rand() * total;
		for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return table[i][0];
		return table[table.length - 1][0];
	};
}

function districtWeights(path: string): [string, number][] {
	const lines = readFileSync(path, 'utf8').trim().split('\n');
	const header = lines[0].split(',');
	const u = header.indexOf('ubigeo');
	const m = header.indexOf('migrant_population');
	return lines
		.slice(1)
		.map((line) => line.split(','))
		.filter((cells) => !NEVER_REACHED.has(cells[u]))
		.map((cells) => [cells[u], Math.max(1, Number(cells[m]) || 1) ** 0.8] as [string, number]);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Writes `rows` activities to `out` and resolves with the path. */
export async function generateActivities(
	opts: { rows?: number; out?: string; seed?: number; districts?: string } = {}
): Promise<string> {
	const rows = opts.rows ?? 1_000_000;
	const out = resolve(opts.out ?? DEFAULT_OUT);
	const rand = mulberry32(opts.seed ?? 7);
	const district = picker(rand, districtWeights(opts.districts ?? 'data/districts.csv'));
	const type = picker(rand, TYPES);
	const audience = picker(rand, AUDIENCES);
	const topic = picker(rand, TOPICS);
	const modality = picker(rand, MODALITIES);
	const partner = picker(rand, PARTNERS);
	const month = picker(
		rand,
		MONTH_WEIGHT.map((w, i) => [String(i + 1), w])
	);
	const year = picker(
		rand,
		YEARS.map((y, i) => [String(y), 1 + i * 0.07])
	);

	const stream = createWriteStream(out);
	let failed: Error | null = null;
	stream.on('error', (e) => (failed = e));
	const write = (text: string) =>
		new Promise<void>((ok, fail) => {
			if (failed) fail(failed);
			else if (stream.write(text)) ok();
			else stream.once('drain', ok);
		});
	await write(
		'activity_id,date,ubigeo,type,audience,topic,modality,participants_total,participants_women,participants_men,participants_migrants,partner\n'
	);
	let chunk: string[] = [];
	for (let i = 1; i <= rows; i++) {
		const y = Number(year());
		const mo = Number(month());
		const day = 1 + Math.floor(rand() * daysIn(y, mo));
		const t = type();
		const size = t === 'campana' ? 80 + Math.floor(rand() * 400) : 4 + Math.floor(rand() * 80);
		const recorded = rand() < 0.05 ? Math.floor(size * (0.5 + 0.4 * rand())) : size;
		const women = Math.round(recorded * (0.4 + 0.3 * rand()));
		const men = recorded - women;
		const a = audience();
		const migrantShare = a === 'comunidad_migrante' ? 0.7 + 0.3 * rand() : 0.4 * rand();
		const migrants = Math.min(size, Math.round(size * migrantShare));
		const p = partner();
		chunk.push(
			`G${pad(i, 7)},${y}-${pad(mo)}-${pad(day)},${district()},${t},${a},${topic()},${modality()},${size},${women},${men},${migrants},${p}`
		);
		if (chunk.length === 10_000) {
			await write(chunk.join('\n') + '\n');
			chunk = [];
		}
	}
	if (chunk.length) await write(chunk.join('\n') + '\n');
	await new Promise<void>((ok, fail) => stream.end((e?: Error | null) => (e ? fail(e) : ok())));
	return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
	const { values } = parseArgs({
		options: {
			rows: { type: 'string' },
			out: { type: 'string' },
			seed: { type: 'string' }
		}
	});
	const started = Date.now();
	const path = await generateActivities({
		rows: values.rows ? Number(values.rows) : undefined,
		out: values.out,
		seed: values.seed ? Number(values.seed) : undefined
	});
	console.log(`${path} (${Date.now() - started} ms)`);
}
