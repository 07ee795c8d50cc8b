/**
 * The data contract (DESIGN.md §4) as data: one declarative spec per dataset.
 * The import pipeline reads these specs to recognise a file, map its headers,
 * build the validation SQL and load the typed table. Nothing here runs SQL.
 */
import { ACTION_STATUSES } from './records';
import type { DatasetName } from './tables';

/**
 * - `text`: free text (or, with `allowed`, one value of a set);
 * - `code`: a ubigeo, 6 digits (a 5-digit code is padded with a leading zero, with a warning);
 * - `integer`, `number`: a decimal comma is accepted when the file uses it;
 * - `date`: ISO `YYYY-MM-DD` or `d/m/yyyy` (day first unless the file is month first);
 * - `timestamp`: ISO 8601 (an offset is converted to UTC), or `d/m/yyyy hh:mm`;
 * - `boolean`: true/false, sí/no, 1/0, …;
 * - `round`: `YYYY`, `YYYY-S1` or `YYYY-S2`;
 * - `period`: `YYYY` or `YYYY-MM`;
 * - `url`: http(s) only.
 */
export type ColumnType =
	| 'text'
	| 'code'
	| 'integer'
	| 'number'
	| 'date'
	| 'timestamp'
	| 'boolean'
	| 'round'
	| 'period'
	| 'url';

/** DuckDB type of the typed table's column, per column type. */
export const SQL_TYPE: Record<ColumnType, string> = {
	text: 'VARCHAR',
	code: 'VARCHAR',
	integer: 'INTEGER',
	number: 'DOUBLE',
	date: 'DATE',
	timestamp: 'TIMESTAMP',
	boolean: 'BOOLEAN',
	round: 'VARCHAR',
	period: 'VARCHAR',
	url: 'VARCHAR'
};

export interface Reference {
	dataset: 'districts' | 'framework';
	column: string;
	/** The referenced framework row must have this `kind`. */
	kind?: 'policy' | 'statistic';
}

export interface ColumnSpec {
	/** Canonical name: the typed table's column. */
	name: string;
	type: ColumnType;
	/** The column must be in the file and every row must have a value (or a default). */
	required: boolean;
	/** Header synonyms (Spanish and English); compared after `normalizeHeader`. */
	synonyms: readonly string[];
	/**
	 * Headers accepted only when no better header matched and the values look
	 * like codes (`distrito` is a name in districts.csv but a code elsewhere).
	 */
	weakSynonyms?: readonly string[];
	/** For `text`: the accepted values (compared after `normalizeValue`). */
	allowed?: readonly string[];
	/** For `text` with `allowed`: other spellings, normalised, → the canonical value. */
	valueSynonyms?: Readonly<Record<string, string>>;
	/** For numbers: inclusive bounds, unless `minExclusive`. */
	min?: number;
	minExclusive?: boolean;
	max?: number;
	/** Used when the cell is empty or the column is absent. */
	default?: string | number;
	/** Must exist in another dataset. */
	references?: Reference;
	/** A date after `today` is a warning. */
	futureWarning?: boolean;
	/** A number above this is a warning. */
	warnAbove?: number;
}

/**
 * Rules across columns. The issue is reported on `column`.
 * - `lte`: Σ `left` (missing ones count as 0) ≤ `right`, checked when `right`
 *   and at least one of `left` have a value;
 * - `onlyWhen`: `column` may have a value only when `when.column` = `when.equals`;
 * - `positiveWhen`: `column` > 0 when `when.column` = `when.equals`.
 */
export type CrossRule =
	| {
			kind: 'lte';
			code: string;
			severity: 'error' | 'warning';
			column: string;
			left: readonly string[];
			right: string;
	  }
	| {
			kind: 'onlyWhen';
			code: string;
			severity: 'error' | 'warning';
			column: string;
			when: { column: string; equals: string };
	  }
	| {
			kind: 'positiveWhen';
			code: string;
			severity: 'error' | 'warning';
			column: string;
			when: { column: string; equals: string };
	  };

export interface DatasetSpec {
	name: DatasetName;
	/** File names (normalised, without extension) that say which dataset a file is. */
	fileNames: readonly string[];
	/** In the typed table's column order. */
	columns: readonly ColumnSpec[];
	/** Unique within the file and, when appending, against the rows already loaded. */
	key: readonly string[];
	rules: readonly CrossRule[];
}

/** Lower case, no accents, spaces/underscores/hyphens/dots → one `_`. */
export function normalizeHeader(header: string): string {
	return header
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[\s_\-.]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/**
 * How a set value is compared: lower case, no accents, spaces and hyphens → `_`.
 * The SQL in import/sql/convert.ts does exactly this (`strip_accents`, `lower`, `regexp_replace`).
 */
export function normalizeValue(value: string): string {
	return value
		.trim()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

const UBIGEO_SYNONYMS = [
	'código ubigeo',
	'codigo_ubigeo',
	'cod_ubigeo',
	'cod ubigeo',
	'ubigeo inei',
	'código distrito',
	'cod_distrito',
	'district code',
	'district_code'
];

const districtRef = (): Reference => ({ dataset: 'districts', column: 'ubigeo' });

function ubigeoRef(): ColumnSpec {
	return {
		name: 'ubigeo',
		type: 'code',
		required: true,
		synonyms: UBIGEO_SYNONYMS,
		weakSynonyms: ['distrito', 'district'],
		references: districtRef()
	};
}

const INDICATOR_SYNONYMS = [
	'indicador',
	'id indicador',
	'id_indicador',
	'indicador_id',
	'código indicador',
	'codigo_indicador',
	'cod_indicador',
	'indicator',
	'indicator id'
];

const count = (name: string, synonyms: string[], required = false): ColumnSpec => ({
	name,
	type: 'integer',
	required,
	synonyms,
	min: 0
});

export const DATASET_SPECS: Record<DatasetName, DatasetSpec> = {
	districts: {
		name: 'districts',
		fileNames: ['districts', 'distritos'],
		key: ['ubigeo'],
		columns: [
			{ name: 'ubigeo', type: 'code', required: true, synonyms: UBIGEO_SYNONYMS },
			{
				name: 'name',
				type: 'text',
				required: true,
				synonyms: [
					'nombre',
					'distrito',
					'nombre distrito',
					'nombre del distrito',
					'district',
					'district name'
				]
			},
			{ name: 'province', type: 'text', required: true, synonyms: ['provincia'] },
			{
				name: 'department',
				type: 'text',
				required: false,
				synonyms: ['departamento', 'región', 'region']
			},
			{
				name: 'population',
				type: 'integer',
				required: false,
				min: 0,
				synonyms: [
					'población',
					'poblacion total',
					'población total',
					'habitantes',
					'total population'
				]
			},
			{
				name: 'migrant_population',
				type: 'integer',
				required: false,
				min: 0,
				synonyms: [
					'población migrante',
					'poblacion_migrante',
					'población extranjera',
					'migrantes',
					'migrant population'
				]
			},
			{
				name: 'grid_row',
				type: 'integer',
				required: false,
				synonyms: ['fila', 'fila grilla', 'fila_mapa', 'row']
			},
			{
				name: 'grid_col',
				type: 'integer',
				required: false,
				synonyms: ['columna', 'col', 'columna grilla', 'columna_mapa', 'column', 'grid column']
			}
		],
		rules: [
			{
				kind: 'lte',
				code: 'migrant_population_gt_population',
				severity: 'error',
				column: 'migrant_population',
				left: ['migrant_population'],
				right: 'population'
			}
		]
	},

	framework: {
		name: 'framework',
		fileNames: ['framework', 'marco', 'indicadores', 'marco_indicadores', 'indicators'],
		key: ['indicator_id'],
		columns: [
			{
				name: 'indicator_id',
				type: 'text',
				required: true,
				synonyms: [...INDICATOR_SYNONYMS, 'id']
			},
			{
				name: 'domain',
				type: 'integer',
				required: true,
				min: 1,
				max: 6,
				synonyms: ['dominio', 'dimensión', 'dimension', 'área', 'area']
			},
			{
				name: 'subarea',
				type: 'text',
				required: false,
				synonyms: ['subárea', 'subdominio', 'sub area']
			},
			{
				name: 'kind',
				type: 'text',
				required: true,
				allowed: ['policy', 'statistic'],
				valueSynonyms: {
					politica: 'policy',
					estadistica: 'statistic',
					estadistico: 'statistic',
					statistics: 'statistic'
				},
				synonyms: ['tipo', 'tipo indicador', 'tipo de indicador', 'clase', 'type']
			},
			{
				name: 'text_es',
				type: 'text',
				required: true,
				synonyms: ['texto', 'texto español', 'texto espanol', 'pregunta', 'enunciado', 'text']
			},
			{
				name: 'text_en',
				type: 'text',
				required: false,
				synonyms: ['texto inglés', 'texto ingles', 'texto_ingles', 'question', 'text english']
			},
			{
				name: 'guidance_es',
				type: 'text',
				required: false,
				synonyms: [
					'guía',
					'guia',
					'guía_es',
					'guia_es',
					'orientación',
					'orientacion',
					'evidencia esperada'
				]
			},
			{
				name: 'guidance_en',
				type: 'text',
				required: false,
				synonyms: ['guía_en', 'guia_en', 'guidance']
			},
			{
				name: 'weight',
				type: 'number',
				required: false,
				default: 1,
				synonyms: ['peso', 'ponderación', 'ponderacion']
			},
			{
				name: 'unit',
				type: 'text',
				required: false,
				allowed: ['count', 'percent', 'per_1000'],
				valueSynonyms: {
					conteo: 'count',
					numero: 'count',
					cantidad: 'count',
					porcentaje: 'percent',
					'%': 'percent',
					por_1000: 'per_1000',
					por_mil: 'per_1000',
					per_mil: 'per_1000'
				},
				synonyms: ['unidad', 'unidad de medida']
			},
			{
				name: 'higher_is_better',
				type: 'boolean',
				required: false,
				synonyms: ['mayor es mejor', 'más es mejor', 'mas es mejor', 'sentido positivo']
			}
		],
		rules: [
			{
				kind: 'positiveWhen',
				code: 'weight_not_positive',
				severity: 'error',
				column: 'weight',
				when: { column: 'kind', equals: 'policy' }
			}
		]
	},

	assessments: {
		name: 'assessments',
		fileNames: ['assessments', 'autoevaluacion', 'autoevaluaciones', 'evaluaciones', 'respuestas'],
		key: ['ubigeo', 'round', 'indicator_id'],
		columns: [
			ubigeoRef(),
			{
				name: 'round',
				type: 'round',
				required: true,
				synonyms: [
					'ronda',
					'ciclo',
					'ronda evaluación',
					'ronda de evaluación',
					'edición',
					'edicion'
				]
			},
			{
				name: 'indicator_id',
				type: 'text',
				required: true,
				synonyms: INDICATOR_SYNONYMS,
				references: { dataset: 'framework', column: 'indicator_id', kind: 'policy' }
			},
			{
				name: 'answer',
				type: 'text',
				required: true,
				allowed: ['cumple', 'parcial', 'no_cumple', 'no_aplica', 'no_sabe'],
				valueSynonyms: {
					si: 'cumple',
					yes: 'cumple',
					parcialmente: 'parcial',
					cumple_parcialmente: 'parcial',
					partial: 'parcial',
					no: 'no_cumple',
					'n/a': 'no_aplica',
					na: 'no_aplica',
					no_corresponde: 'no_aplica',
					no_se_sabe: 'no_sabe',
					desconocido: 'no_sabe'
				},
				synonyms: ['respuesta', 'valoración', 'valoracion', 'resultado', 'cumplimiento']
			},
			{
				name: 'evidence',
				type: 'text',
				required: false,
				synonyms: ['evidencia', 'medio de verificación', 'medio_verificacion', 'sustento']
			},
			{
				name: 'source_url',
				type: 'url',
				required: false,
				synonyms: ['url', 'enlace', 'link', 'url fuente', 'fuente url', 'url evidencia']
			},
			{
				name: 'updated_at',
				type: 'timestamp',
				required: false,
				futureWarning: true,
				synonyms: [
					'actualizado',
					'actualizado el',
					'fecha actualización',
					'fecha de actualización',
					'updated'
				]
			}
		],
		rules: []
	},

	statistics: {
		name: 'statistics',
		fileNames: ['statistics', 'estadisticas', 'estadistica'],
		key: ['ubigeo', 'period', 'indicator_id', 'sex', 'nationality'],
		columns: [
			ubigeoRef(),
			{
				name: 'period',
				type: 'period',
				required: true,
				synonyms: ['periodo', 'período', 'año', 'anio', 'year']
			},
			{
				name: 'indicator_id',
				type: 'text',
				required: true,
				synonyms: INDICATOR_SYNONYMS,
				references: { dataset: 'framework', column: 'indicator_id', kind: 'statistic' }
			},
			{ name: 'value', type: 'number', required: true, synonyms: ['valor', 'cifra'] },
			{ name: 'numerator', type: 'number', required: false, synonyms: ['numerador'] },
			{ name: 'denominator', type: 'number', required: false, synonyms: ['denominador'] },
			{
				name: 'sex',
				type: 'text',
				required: false,
				default: 'total',
				allowed: ['total', 'mujer', 'hombre'],
				valueSynonyms: {
					mujeres: 'mujer',
					femenino: 'mujer',
					female: 'mujer',
					women: 'mujer',
					hombres: 'hombre',
					masculino: 'hombre',
					male: 'hombre',
					men: 'hombre',
					ambos: 'total',
					todos: 'total'
				},
				synonyms: ['sexo', 'género', 'genero']
			},
			{
				name: 'nationality',
				type: 'text',
				required: false,
				default: 'total',
				allowed: ['total', 'peruana', 'extranjera'],
				valueSynonyms: {
					peruano: 'peruana',
					peruanos: 'peruana',
					peru: 'peruana',
					extranjero: 'extranjera',
					extranjeros: 'extranjera',
					migrante: 'extranjera',
					todas: 'total'
				},
				synonyms: ['nacionalidad', 'origen']
			},
			{ name: 'source', type: 'text', required: false, synonyms: ['fuente'] }
		],
		rules: []
	},

	activities: {
		name: 'activities',
		fileNames: ['activities', 'actividades'],
		key: ['activity_id'],
		columns: [
			{
				name: 'activity_id',
				type: 'text',
				required: true,
				synonyms: [
					'id',
					'id actividad',
					'id_actividad',
					'código actividad',
					'codigo_actividad',
					'activity'
				]
			},
			{
				name: 'date',
				type: 'date',
				required: true,
				futureWarning: true,
				synonyms: ['fecha', 'fecha actividad', 'fecha de actividad', 'fecha de la actividad']
			},
			ubigeoRef(),
			{
				name: 'type',
				type: 'text',
				required: true,
				allowed: [
					'sesion_informativa',
					'conversatorio',
					'desayuno_migratorio',
					'asistencia_tecnica',
					'capacitacion',
					'campana',
					'otro'
				],
				valueSynonyms: {
					sesion_de_informacion: 'sesion_informativa',
					charla_informativa: 'sesion_informativa',
					desayuno: 'desayuno_migratorio',
					asistencia: 'asistencia_tecnica',
					taller: 'capacitacion',
					otra: 'otro',
					otros: 'otro'
				},
				synonyms: ['tipo', 'tipo de actividad', 'tipo actividad', 'actividad', 'activity type']
			},
			{
				name: 'audience',
				type: 'text',
				required: true,
				allowed: [
					'entidad_publica',
					'gobierno_local',
					'sector_privado',
					'sociedad_civil',
					'comunidad_migrante',
					'comunidad_acogida',
					'cooperacion_internacional',
					'academia'
				],
				valueSynonyms: {
					municipalidad: 'gobierno_local',
					municipio: 'gobierno_local',
					comunidad_de_acogida: 'comunidad_acogida',
					universidad: 'academia'
				},
				synonyms: [
					'público',
					'publico',
					'público objetivo',
					'publico_objetivo',
					'audiencia',
					'destinatarios',
					'sector'
				]
			},
			{
				name: 'topic',
				type: 'text',
				required: true,
				allowed: [
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
				],
				valueSynonyms: {
					regularizacion_migratoria: 'regularizacion',
					empleo: 'trabajo',
					proteccion_de_nna: 'proteccion_nna',
					trata_de_personas: 'trata',
					violencia_de_genero: 'violencia_genero',
					gobernanza_migratoria: 'gobernanza',
					otra: 'otro',
					otros: 'otro'
				},
				synonyms: ['tema', 'temática', 'tematica', 'eje temático', 'eje tematico']
			},
			{
				name: 'modality',
				type: 'text',
				required: true,
				allowed: ['presencial', 'virtual', 'mixta'],
				valueSynonyms: {
					hibrida: 'mixta',
					mixto: 'mixta',
					semipresencial: 'mixta',
					remota: 'virtual',
					en_linea: 'virtual',
					online: 'virtual'
				},
				synonyms: ['modalidad', 'mode']
			},
			{
				...count(
					'participants_total',
					[
						'participantes',
						'total participantes',
						'participantes total',
						'participantes_total',
						'n participantes',
						'número de participantes',
						'asistentes',
						'participants'
					],
					true
				),
				warnAbove: 1000
			},
			count('participants_women', [
				'mujeres',
				'participantes mujeres',
				'participantes_mujeres',
				'women'
			]),
			count('participants_men', [
				'hombres',
				'varones',
				'participantes hombres',
				'participantes_hombres',
				'men'
			]),
			count('participants_migrants', [
				'migrantes',
				'participantes migrantes',
				'participantes_migrantes',
				'personas migrantes',
				'migrants'
			]),
			{
				name: 'partner',
				type: 'text',
				required: false,
				synonyms: ['socio', 'aliado', 'entidad aliada', 'cooperante', 'organización aliada']
			}
		],
		rules: [
			{
				kind: 'lte',
				code: 'women_men_gt_total',
				severity: 'error',
				column: 'participants_women',
				left: ['participants_women', 'participants_men'],
				right: 'participants_total'
			},
			{
				kind: 'lte',
				code: 'migrants_gt_total',
				severity: 'error',
				column: 'participants_migrants',
				left: ['participants_migrants'],
				right: 'participants_total'
			}
		]
	},

	actions: {
		name: 'actions',
		fileNames: ['actions', 'acciones', 'plan_accion', 'plan_de_accion', 'action_plan'],
		key: ['action_id'],
		columns: [
			{
				name: 'action_id',
				type: 'text',
				required: true,
				synonyms: ['id', 'id acción', 'id_accion', 'código acción', 'codigo_accion']
			},
			ubigeoRef(),
			{
				name: 'indicator_id',
				type: 'text',
				required: false,
				synonyms: INDICATOR_SYNONYMS,
				references: { dataset: 'framework', column: 'indicator_id' }
			},
			{
				name: 'description',
				type: 'text',
				required: true,
				synonyms: ['descripción', 'descripcion', 'acción', 'accion', 'action']
			},
			{
				name: 'responsible',
				type: 'text',
				required: false,
				synonyms: ['responsable', 'encargado']
			},
			{
				name: 'due_date',
				type: 'date',
				required: false,
				synonyms: [
					'fecha límite',
					'fecha_limite',
					'plazo',
					'fecha de vencimiento',
					'fecha prevista',
					'due'
				]
			},
			{
				name: 'status',
				type: 'text',
				required: true,
				allowed: [...ACTION_STATUSES],
				valueSynonyms: {
					en_proceso: 'en_curso',
					en_ejecucion: 'en_curso',
					completado: 'completada',
					terminada: 'completada',
					cumplida: 'completada',
					cancelado: 'cancelada',
					anulada: 'cancelada'
				},
				synonyms: ['estado', 'situación', 'situacion']
			},
			{
				name: 'completed_on',
				type: 'date',
				required: false,
				futureWarning: true,
				synonyms: [
					'fecha completada',
					'fecha de cumplimiento',
					'fecha_cumplimiento',
					'completado el',
					'fecha de cierre',
					'fecha cierre',
					'completed'
				]
			}
		],
		rules: [
			{
				kind: 'onlyWhen',
				code: 'completed_on_not_completada',
				severity: 'warning',
				column: 'completed_on',
				when: { column: 'status', equals: 'completada' }
			}
		]
	}
};

export function getSpec(name: DatasetName): DatasetSpec {
	return DATASET_SPECS[name];
}

export function columnSpec(spec: DatasetSpec, name: string): ColumnSpec {
	const c = spec.columns.find((col) => col.name === name);
	if (!c) throw new Error(`Unknown column ${name} in ${spec.name}`);
	return c;
}

/** The issue codes that are warnings (the row is loaded). Every other code is an error. */
export const WARNING_CODES = [
	'code_padded',
	'date_future',
	'participants_high',
	'migrants_above_district',
	'participants_above_population',
	'number_scientific',
	'completed_on_not_completada',
	'column_duplicate',
	'column_not_codes',
	'file_empty',
	'lines_approximate'
] as const;
