/** Fixtures of the dataset import tests: small contract files and the options to import them. */
import type { Engine } from '../../engine/types';
import { createTablesSql } from '../tables';
import { importCsv, type ImportOptions, type ImportReport } from '.';

export const TODAY = '2025-06-30';
export const utf8 = (s: string) => new TextEncoder().encode(s);

/** Windows-1252 bytes (the few non-ASCII characters the fixtures use). */
export function cp1252(s: string): Uint8Array {
	const map: Record<string, number> = {
		ñ: 0xf1,
		ó: 0xf3,
		á: 0xe1,
		'“': 0x93,
		'”': 0x94,
		'–': 0x96
	};
	return Uint8Array.from([...s].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

export const csv = (lines: string[]) => lines.join('\n') + '\n';

export const DISTRICTS = csv([
	'ubigeo,name,province,department,population,migrant_population,grid_row,grid_col',
	'070101,Callao,Callao,Callao,451260,30500,3,1',
	'150101,Lima,Lima,Lima,268352,41200,2,2',
	'150132,San Juan de Lurigancho,Lima,Lima,1117629,98000,1,3'
]);

export const FRAMEWORK = csv([
	'indicator_id,domain,kind,text_es,text_en,weight,unit,higher_is_better',
	'D1.01,1,policy,"¿Registra la nacionalidad en la DEMUNA?",Does it record nationality?,1,,',
	'D4.02,4,policy,"Acceso a salud, sin distinción",Health access,2,,',
	'E4.01,4,statistic,Casos atendidos,Cases served,,count,true'
]);

export const STATISTICS = csv([
	'ubigeo;period;indicator_id;value;sex',
	'070101;2024-03;E4.01;1.234,56;mujer',
	'150101;2024;E4.01;12,5;'
]);

export const ACT_HEADER =
	'activity_id,date,ubigeo,type,audience,topic,modality,participants_total,participants_women,participants_men,participants_migrants,partner';
export const ACTIVITIES = csv([
	ACT_HEADER,
	'A-001,3/4/2024,070101,sesion_informativa,gobierno_local,regularizacion,presencial,25,15,10,8,OIM',
	'A-002,15/4/2024,150132,desayuno_migratorio,comunidad_migrante,salud,virtual,40,22,18,30,'
]);

/** The values of a valid activity (all but its id), by column. */
export const ACTIVITY_VALUES: Readonly<Record<string, string>> = {
	date: '3/4/2024',
	ubigeo: '070101',
	type: 'conversatorio',
	audience: 'academia',
	topic: 'salud',
	modality: 'virtual',
	participants_total: '20',
	participants_women: '10',
	participants_men: '8',
	participants_migrants: '5',
	partner: 'OIM'
};

/** An activities row with one field changed. */
export function act(id: string, over: Partial<Record<string, string>> = {}): string {
	const base: Record<string, string> = { ...ACTIVITY_VALUES, activity_id: id };
	return ACT_HEADER.split(',')
		.map((c) => over[c] ?? base[c])
		.join(',');
}

export function options(
	fileName: string,
	text: string | Uint8Array,
	over: Partial<ImportOptions> = {}
) {
	return {
		fileName,
		bytes: typeof text === 'string' ? utf8(text) : text,
		mode: 'replace' as const,
		today: TODAY,
		locale: 'es' as const,
		...over
	};
}

export const brief = (r: ImportReport) =>
	r.issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'}:${i.severity}:${i.code}`);

export async function baseTables(into: Engine) {
	await into.exec(createTablesSql());
	await importCsv(into, options('districts.csv', DISTRICTS));
	await importCsv(into, options('framework.csv', FRAMEWORK));
}
