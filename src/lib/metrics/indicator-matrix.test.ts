import { beforeAll, describe, expect, it } from 'vitest';
import { createTablesSql } from '$lib/data/tables';
import { ANCON, ATE, CALLAO, FOUR_DISTRICTS, insertSql, LIMA, useEngine } from './test-support';
import {
	indicatorEvidenceSql,
	matrixCellsSql,
	matrixDistrictsSql,
	matrixSummarySql,
	provincesSql
} from './indicator-matrix';

// A small case worked out by hand (docs/metrics.md, Indicator matrix).
// Districts: Lima, Ancón, Ate (province Lima), Callao (province Callao).
// Round 2024 (Ate has no row in 2024, so it is not a column):
//
//            Lima       Ancón          Callao
//   D1.01    cumple     parcial        cumple      → cumple 2, parcial 1; applicable 3; share 200/3
//   D1.02    no_cumple  no_cumple      no_sabe     → no_cumple 2, no_sabe 1; applicable 3; share 0
//   D2.01    no_aplica  (no row)       no_aplica   → no_aplica 2, sin_respuesta 1; applicable 1; share 0
//   D2.02    no_aplica  no_aplica      no_aplica   → no_aplica 3; applicable 0; share empty
//
// Round 2023: only Ate, D1.01 no_cumple (its other three indicators are sin_respuesta).
// S1.01 is a statistic: never a row of the matrix.

const db = useEngine();

const A = (
	ubigeo: string,
	round: string,
	id: string,
	answer: string,
	evidence: string | null = null,
	url: string | null = null
) => [ubigeo, round, id, answer, evidence, url];

beforeAll(async () => {
	const e = db.engine;
	await e.exec(createTablesSql());
	await e.exec(insertSql('districts', ['ubigeo', 'name', 'province'], FOUR_DISTRICTS));
	await e.exec(
		insertSql(
			'framework',
			['indicator_id', 'domain', 'kind', 'weight', 'guidance_es'],
			[
				['D1.01', 1, 'policy', 2, 'Una ordenanza'],
				['D1.02', 1, 'policy', 1, null],
				['S1.01', 1, 'statistic', 1, null],
				['D2.01', 2, 'policy', 1, null],
				['D2.02', 2, 'policy', 1, null]
			]
		)
	);
	await e.exec(
		insertSql(
			'assessments',
			['ubigeo', 'round', 'indicator_id', 'answer', 'evidence', 'source_url'],
			[
				A(LIMA, '2024', 'D1.01', 'cumple', 'Ordenanza 1', 'https://example.org/o1'),
				A(LIMA, '2024', 'D1.02', 'no_cumple'),
				A(LIMA, '2024', 'D2.01', 'no_aplica'),
				A(LIMA, '2024', 'D2.02', 'no_aplica'),
				A(ANCON, '2024', 'D1.01', 'parcial'),
				A(ANCON, '2024', 'D1.02', 'no_cumple'),
				A(ANCON, '2024', 'D2.02', 'no_aplica'),
				A(CALLAO, '2024', 'D1.01', 'cumple'),
				A(CALLAO, '2024', 'D1.02', 'no_sabe'),
				A(CALLAO, '2024', 'D2.01', 'no_aplica'),
				A(CALLAO, '2024', 'D2.02', 'no_aplica'),
				A(ATE, '2023', 'D1.01', 'no_cumple')
			]
		)
	);
});

const COUNTS = ['cumple', 'parcial', 'no_cumple', 'no_aplica', 'no_sabe', 'sin_respuesta'];
/** indicator → [districts, the six counts in MATRIX_ANSWERS order, applicable, share_met]. */
async function summary(...args: Parameters<typeof matrixSummarySql>) {
	const rows = await db.run(matrixSummarySql(...args));
	return rows.map((r) => [
		r.indicator_id,
		r.districts,
		...COUNTS.map((c) => r[c]),
		r.applicable,
		r.share_met === null ? null : Number(Number(r.share_met).toFixed(4))
	]);
}

describe('matrixSummarySql', () => {
	it('counts every answer per indicator over the districts assessed in the round', async () => {
		expect(await summary('2024')).toEqual([
			// id, districts, cumple, parcial, no_cumple, no_aplica, no_sabe, sin_respuesta, applicable, share
			['D1.01', 3, 2, 1, 0, 0, 0, 0, 3, 66.6667], // 100 · 2/3
			['D1.02', 3, 0, 0, 2, 0, 1, 0, 3, 0], // no_sabe counts as applicable, not met
			['D2.01', 3, 0, 0, 0, 2, 0, 1, 1, 0], // Ancón has no row: sin_respuesta; 0/1
			['D2.02', 3, 0, 0, 0, 3, 0, 0, 0, null] // nothing applies: empty, not 0
		]);
	});

	it('sorts by how many districts answer no_cumple (ties: parcial, then framework order)', async () => {
		const rows = await db.run(matrixSummarySql('2024', {}, 'no_cumple'));
		expect(rows.map((r) => r.indicator_id)).toEqual(['D1.02', 'D1.01', 'D2.01', 'D2.02']);
	});

	it('sorts by the share met, lowest first, empty shares last', async () => {
		const rows = await db.run(matrixSummarySql('2024', {}, 'share'));
		// D1.02 and D2.01 both 0: domain 1 first
		expect(rows.map((r) => r.indicator_id)).toEqual(['D1.02', 'D2.01', 'D1.01', 'D2.02']);
	});

	it('filters by domain and by province', async () => {
		expect((await summary('2024', { domain: 2 })).map((r) => r[0])).toEqual(['D2.01', 'D2.02']);
		// province Lima: Lima and Ancón (Ate has no 2024 row); D1.01 cumple 1, parcial 1 → 50
		expect((await summary('2024', { province: 'Lima' }))[0]).toEqual([
			'D1.01',
			2,
			1,
			1,
			0,
			0,
			0,
			0,
			2,
			50
		]);
	});

	it('leaves one district out for the anonymous distribution of the others', async () => {
		// without Lima: Ancón parcial, Callao cumple → 50; D1.02: Ancón no_cumple, Callao no_sabe
		const rows = await summary('2024', {}, 'id', LIMA);
		expect(rows.slice(0, 2)).toEqual([
			['D1.01', 2, 1, 1, 0, 0, 0, 0, 2, 50],
			['D1.02', 2, 0, 0, 1, 0, 1, 0, 2, 0]
		]);
	});

	it('reads another round, and a round nobody answered gives zeros and empty shares', async () => {
		expect((await summary('2023')).map((r) => r.slice(0, 8))).toEqual([
			['D1.01', 1, 0, 0, 1, 0, 0, 0],
			['D1.02', 1, 0, 0, 0, 0, 0, 1],
			['D2.01', 1, 0, 0, 0, 0, 0, 1],
			['D2.02', 1, 0, 0, 0, 0, 0, 1]
		]);
		const none = await summary('2030');
		expect(none.map((r) => [r[0], r[1], r[9]])).toEqual([
			['D1.01', 0, null],
			['D1.02', 0, null],
			['D2.01', 0, null],
			['D2.02', 0, null]
		]);
	});

	it('refuses an unknown sort (it becomes SQL)', () => {
		expect(() => matrixSummarySql('2024', {}, 'x' as 'id')).toThrow();
	});
});

describe('matrixCellsSql', () => {
	it('gives one cell per indicator and assessed district, sin_respuesta where no row', async () => {
		const rows = await db.run(matrixCellsSql('2024', { domain: 2 }));
		expect(rows.map((r) => [r.indicator_id, r.ubigeo, r.answer])).toEqual([
			['D2.01', CALLAO, 'no_aplica'],
			['D2.01', LIMA, 'no_aplica'],
			['D2.01', ANCON, 'sin_respuesta'],
			['D2.02', CALLAO, 'no_aplica'],
			['D2.02', LIMA, 'no_aplica'],
			['D2.02', ANCON, 'no_aplica']
		]);
	});

	it('for one district, ignores the province filter', async () => {
		const rows = await db.run(matrixCellsSql('2024', { province: 'Callao' }, LIMA));
		expect(rows.map((r) => r.answer)).toEqual(['cumple', 'no_cumple', 'no_aplica', 'no_aplica']);
	});
});

describe('matrixDistrictsSql, provincesSql, indicatorEvidenceSql', () => {
	it('lists the assessed districts by name, optionally in one province', async () => {
		expect((await db.run(matrixDistrictsSql('2024'))).map((r) => r.name)).toEqual([
			'Ancón',
			'Callao',
			'Lima'
		]);
		expect((await db.run(matrixDistrictsSql('2024', 'Lima'))).map((r) => r.name)).toEqual([
			'Ancón',
			'Lima'
		]);
		expect((await db.run(provincesSql())).map((r) => r.province)).toEqual(['Callao', 'Lima']);
	});

	it("gives each district's answer and evidence for one indicator", async () => {
		const rows = await db.run(indicatorEvidenceSql('2024', 'D1.01'));
		expect(rows.map((r) => [r.name, r.answer, r.evidence, r.source_url])).toEqual([
			['Ancón', 'parcial', null, null],
			['Callao', 'cumple', null, null],
			['Lima', 'cumple', 'Ordenanza 1', 'https://example.org/o1']
		]);
		const own = await db.run(indicatorEvidenceSql('2024', 'D2.01', 'Lima', ANCON));
		expect(own.map((r) => [r.name, r.answer])).toEqual([['Ancón', 'sin_respuesta']]);
	});
});
