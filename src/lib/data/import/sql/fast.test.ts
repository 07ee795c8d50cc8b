import { describe, expect, it } from 'vitest';
import { quoteIdent } from '../../../engine/sql';
import type { Row } from '../../../engine/types';
import { fastSelectSql, NOT_CLEAN } from './fast';
import { DATASET_SPECS } from '../../schema';
import { type DatasetName } from '../../tables';
import { typedSelectSql, type SqlDialect } from './convert';
import {
	type Cells,
	ACTIVITY_HEADERS,
	COMMA,
	identity,
	seededStagingEngine
} from './staging.fixtures';

const { engine, staging } = seededStagingEngine();

async function fast(
	dataset: DatasetName,
	headers: string[],
	rows: Cells,
	dialect: SqlDialect = COMMA
): Promise<Row[]> {
	const stg = await staging(headers, rows);
	const sql = fastSelectSql(DATASET_SPECS[dataset], {
		from: quoteIdent(stg),
		mapping: identity(headers),
		dialect
	});
	return engine.query(`${sql} ORDER BY rowid`);
}

/** The detailed path's typed columns for the same rows (helpers left out). */
async function detailed(
	dataset: DatasetName,
	headers: string[],
	rows: Cells,
	dialect: SqlDialect = COMMA
): Promise<Row[]> {
	const spec = DATASET_SPECS[dataset];
	const stg = await staging(headers, rows);
	const q = typedSelectSql(spec, { staging: stg, mapping: identity(headers), dialect });
	const cols = spec.columns.map((c) => quoteIdent(c.name)).join(', ');
	return engine.query(`SELECT ${cols} FROM (${q.sql}) ORDER BY __line`);
}

describe('fastSelectSql', () => {
	it('types a clean activity as the typed table has it', async () => {
		const headers = ACTIVITY_HEADERS;
		const rows = await fast('activities', headers, [
			[
				'A1',
				'2024-03-04',
				'070101',
				'campana',
				'academia',
				'salud',
				'virtual',
				'25',
				'10',
				null,
				'0',
				'OIM'
			]
		]);
		expect(rows).toEqual([
			{
				activity_id: 'A1',
				date: '2024-03-04',
				ubigeo: '070101',
				type: 'campana',
				audience: 'academia',
				topic: 'salud',
				modality: 'virtual',
				participants_total: 25,
				participants_women: 10,
				participants_men: null,
				participants_migrants: 0,
				partner: 'OIM'
			}
		]);
	});

	it('gives defaults for empty cells and absent columns', async () => {
		const rows = await fast(
			'statistics',
			['ubigeo', 'period', 'indicator_id', 'value', 'sex'],
			[['150101', '2024-05', 'E1', '12.5', null]]
		);
		expect(rows[0]).toMatchObject({ value: 12.5, sex: 'total', nationality: 'total' });
	});

	it('reads the decimal comma as the detailed path does', async () => {
		const rows = await fast(
			'statistics',
			['ubigeo', 'period', 'indicator_id', 'value', 'numerator'],
			[['150101', '2024', 'E1', '12,5', '-3']],
			{ decimalComma: true, dateOrder: 'dmy' }
		);
		expect(rows[0]).toMatchObject({ value: 12.5, numerator: -3 });
	});

	// Each of these the detailed path would change or report: the fast read stops.
	const notClean: [string, DatasetName, string[], (string | null)[]][] = [
		[
			'a 5-digit ubigeo (padded, warning)',
			'districts',
			['ubigeo', 'name', 'province'],
			['70101', 'Callao', 'Callao']
		],
		[
			'a name with spaces around (trimmed)',
			'districts',
			['ubigeo', 'name', 'province'],
			['070101', ' Callao', 'Callao']
		],
		['a formula mark', 'districts', ['ubigeo', 'name', 'province'], ['070101', "'=1+1", 'Callao']],
		[
			'a missing required value',
			'districts',
			['ubigeo', 'name', 'province'],
			['070101', null, 'Callao']
		],
		[
			'an integer that is not canonical',
			'districts',
			['ubigeo', 'name', 'province', 'population'],
			['070101', 'Callao', 'Callao', '1.5']
		],
		[
			'a negative count',
			'districts',
			['ubigeo', 'name', 'province', 'population'],
			['070101', 'Callao', 'Callao', '-1']
		],
		[
			'a set value in another spelling',
			'framework',
			['indicator_id', 'domain', 'kind', 'text_es'],
			['D9', '1', 'Política', 'x']
		],
		[
			'a domain out of range',
			'framework',
			['indicator_id', 'domain', 'kind', 'text_es'],
			['D9', '7', 'policy', 'x']
		],
		[
			'Excel scientific notation',
			'statistics',
			['ubigeo', 'period', 'indicator_id', 'value'],
			['150101', '2024', 'E1', '2.01235E+10']
		],
		[
			'a day-first date',
			'actions',
			['action_id', 'ubigeo', 'description', 'status', 'due_date'],
			['X1', '150101', 'd', 'pendiente', '03/04/2024']
		],
		[
			'a date out of range',
			'actions',
			['action_id', 'ubigeo', 'description', 'status', 'due_date'],
			['X1', '150101', 'd', 'pendiente', '0024-04-03']
		],
		[
			'a period that is not one',
			'statistics',
			['ubigeo', 'period', 'indicator_id', 'value'],
			['150101', '2024-13', 'E1', '1']
		]
	];
	it.each(notClean)('stops at %s', async (_label, dataset, headers, row) => {
		await expect(fast(dataset, headers, [row])).rejects.toThrow(NOT_CLEAN);
	});

	it('gives exactly the detailed path’s values on clean rows of every dataset', async () => {
		const cases: [DatasetName, string[], (string | null)[][], SqlDialect?][] = [
			[
				'districts',
				[
					'ubigeo',
					'name',
					'province',
					'department',
					'population',
					'migrant_population',
					'grid_row',
					'grid_col'
				],
				[
					['150101', 'Lima', 'Lima', 'Lima', '268352', '21000', '3', '4'],
					['070101', 'Callao', 'Callao', null, null, null, null, null]
				]
			],
			[
				'framework',
				[
					'indicator_id',
					'domain',
					'subarea',
					'kind',
					'text_es',
					'weight',
					'unit',
					'higher_is_better'
				],
				[
					['D1.01', '1', 'Acceso', 'policy', '¿Existe…?', '2.5', null, null],
					['E9', '4', null, 'statistic', 'Tasa', null, 'per_1000', 'sí']
				]
			],
			[
				'assessments',
				['ubigeo', 'round', 'indicator_id', 'answer', 'evidence', 'source_url', 'updated_at'],
				[
					[
						'150101',
						'2024-s1',
						'D1.01',
						'cumple',
						'Ordenanza 12',
						'https://x.pe/a',
						'2024-05-01T10:00:00-05:00'
					],
					['070101', '2023', 'D1.01', 'no_sabe', null, null, null]
				]
			],
			[
				'statistics',
				[
					'ubigeo',
					'period',
					'indicator_id',
					'value',
					'numerator',
					'denominator',
					'sex',
					'nationality'
				],
				[['150101', '2024-05', 'E1', '1234,5', '3', null, 'mujer', null]],
				{ decimalComma: true, dateOrder: 'dmy' }
			],
			[
				'actions',
				[
					'action_id',
					'ubigeo',
					'indicator_id',
					'description',
					'due_date',
					'status',
					'completed_on'
				],
				[['X1', '150101', 'D1.01', 'Plan', '2024-12-31', 'completada', '2024-11-02']]
			]
		];
		for (const [dataset, headers, rows, dialect] of cases) {
			const a = await fast(dataset, headers, rows, dialect);
			const b = await detailed(dataset, headers, rows, dialect);
			expect(a, dataset).toEqual(b);
		}
	});
});
