import { describe, expect, it } from 'vitest';
import { matrixCsv } from './matrix-csv';
import type { SummaryRow } from './matrix.svelte';

const row = (id: string, share: number | null): SummaryRow => ({
	indicator_id: id,
	domain: 1,
	text_es: `Texto ${id}`,
	text_en: null,
	guidance_es: null,
	guidance_en: null,
	districts: 3,
	cumple: 2,
	parcial: 1,
	no_cumple: 0,
	no_aplica: 0,
	no_sabe: 0,
	sin_respuesta: 0,
	applicable: 3,
	share_met: share
});

describe('matrixCsv', () => {
	const districts = [
		{ ubigeo: '070101', name: 'Callao', province: 'Callao' },
		{ ubigeo: '150101', name: 'Lima', province: 'Lima' }
	];
	const answers: Record<string, string> = { 'D1.01|070101': 'cumple', 'D1.01|150101': 'parcial' };

	it('writes the counts, the share with 1 decimal and one answer column per district', () => {
		const csv = matrixCsv({
			round: '2024',
			rows: [row('D1.01', 200 / 3), row('D1.02', null)],
			districts,
			answer: (i, u) => answers[`${i}|${u}`],
			text: (r) => r.text_es ?? '',
			compared: null
		});
		expect(csv.fileName).toBe('indicadores-2024.csv');
		expect(csv.columns).toEqual([
			'indicator_id',
			'domain',
			'indicator',
			'districts',
			'cumple',
			'parcial',
			'no_cumple',
			'no_aplica',
			'no_sabe',
			'sin_respuesta',
			'applicable',
			'share_met',
			'070101',
			'150101'
		]);
		expect(csv.rows[0]).toMatchObject({
			share_met: '66.7',
			'070101': 'cumple',
			'150101': 'parcial'
		});
		// an empty share is an empty cell, never 0; a missing cell too
		expect(csv.rows[1]).toMatchObject({ share_met: '', '070101': '', '150101': '' });
	});

	it('names the compared district in the file name', () => {
		const csv = matrixCsv({
			round: '2024',
			rows: [],
			districts: districts.slice(1),
			answer: () => undefined,
			text: () => '',
			compared: '150101'
		});
		expect(csv.fileName).toBe('indicadores-2024-distrito-150101.csv');
		expect(csv.columns.at(-1)).toBe('150101');
	});
});
