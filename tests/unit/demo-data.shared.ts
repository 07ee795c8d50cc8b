/**
 * The demo data as the demo-data tests read it (demo-data*.test.ts): the
 * files generateDemoData() makes, parsed as text as the importer does, the
 * contract's columns and vocabularies written out again on purpose, and
 * small helpers.
 */
import Papa from 'papaparse';
import { generateDemoData } from '../../data/generate';

export type Row = Record<string, string>;

/** Column names and order of the data contract (DESIGN.md §4), written out again on purpose. */
export const COLUMNS: Record<string, string[]> = {
	'districts.csv': [
		'ubigeo',
		'name',
		'province',
		'department',
		'population',
		'migrant_population',
		'grid_row',
		'grid_col'
	],
	'framework.csv': [
		'indicator_id',
		'domain',
		'subarea',
		'kind',
		'text_es',
		'text_en',
		'guidance_es',
		'guidance_en',
		'weight',
		'unit',
		'higher_is_better'
	],
	'assessments.csv': [
		'ubigeo',
		'round',
		'indicator_id',
		'answer',
		'evidence',
		'source_url',
		'updated_at'
	],
	'statistics.csv': [
		'ubigeo',
		'period',
		'indicator_id',
		'value',
		'numerator',
		'denominator',
		'sex',
		'nationality',
		'source'
	],
	'activities.csv': [
		'activity_id',
		'date',
		'ubigeo',
		'type',
		'audience',
		'topic',
		'modality',
		'participants_total',
		'participants_women',
		'participants_men',
		'participants_migrants',
		'partner'
	],
	'actions.csv': [
		'action_id',
		'ubigeo',
		'indicator_id',
		'description',
		'responsible',
		'due_date',
		'status',
		'completed_on'
	]
};

export const TYPES = [
	'sesion_informativa',
	'conversatorio',
	'desayuno_migratorio',
	'asistencia_tecnica',
	'capacitacion',
	'campana',
	'otro'
];
export const AUDIENCES = [
	'entidad_publica',
	'gobierno_local',
	'sector_privado',
	'sociedad_civil',
	'comunidad_migrante',
	'comunidad_acogida',
	'cooperacion_internacional',
	'academia'
];
export const TOPICS = [
	'regularizacion',
	'salud',
	'educacion',
	'trabajo',
	'proteccion_nna',
	'trata',
	'violencia_genero',
	'discriminacion',
	'integracion',
	'gobernanza',
	'otro'
];
export const MODALITIES = ['presencial', 'virtual', 'mixta'];
export const ANSWERS = ['cumple', 'parcial', 'no_cumple', 'no_aplica', 'no_sabe'];
export const STATUSES = ['pendiente', 'en_curso', 'completada', 'cancelada'];
export const YEARS = ['2021', '2022', '2023', '2024'];
export const ROUNDS = ['2022', '2023', '2024'];

export const data = generateDemoData();

/** Parsed as text, as the importer does: `dynamicTyping` would turn `070101` into 70101. */
export function parse(name: string): Row[] {
	const result = Papa.parse<Row>(data[name], {
		header: true,
		dynamicTyping: false,
		skipEmptyLines: true
	});
	if (result.errors.length > 0) throw new Error(`${name}: ${JSON.stringify(result.errors[0])}`);
	return result.data;
}

export const districts = parse('districts.csv');
export const framework = parse('framework.csv');
export const assessments = parse('assessments.csv');
export const activities = parse('activities.csv');
export const statistics = parse('statistics.csv');
export const actions = parse('actions.csv');

export const ubigeos = new Set(districts.map((d) => d.ubigeo));
export const kindOf = new Map(framework.map((f) => [f.indicator_id, f.kind]));
export const domainOf = new Map(framework.map((f) => [f.indicator_id, f.domain]));

export const INTEGER = /^\d+$/;
export const NUMBER = /^-?\d+(\.\d{1,2})?$/;

export function isCalendarDate(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const t = new Date(Date.UTC(y, mo - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function countBy<T>(items: T[], key: (x: T) => string): Map<string, number> {
	const m = new Map<string, number>();
	for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
	return m;
}
