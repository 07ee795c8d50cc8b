/**
 * An analyst's own dataset for the batch tests (issue 18 §1): made from the
 * demo generator, with 10 districts under new codes (2501xx) and every
 * indicator under a new id (`U` + the demo id), saved as a Spanish Excel
 * would (Windows-1252, `;`, Spanish headers and file names). One activity is
 * made implausible: 310 migrant participants in a district of 40 migrants.
 * Every expected figure of the tests is worked out here from these rows.
 */
import Papa from 'papaparse';
import { generateDemoData } from '../../data/generate';
import type { DatasetName } from '../../src/lib/data/tables';
import { encodeCp1252, excelCopy, SPANISH_FILE_NAMES } from '../fixtures/generate';

export type CsvRow = Record<string, string>;

const parse = (text: string) =>
	Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: true }).data;

export const DATASETS: DatasetName[] = [
	'districts',
	'framework',
	'assessments',
	'statistics',
	'activities',
	'actions'
];

export interface OwnDataset {
	/** Rows of each dataset, as written (before the Excel copy). */
	rows: Record<DatasetName, CsvRow[]>;
	/** The file of each dataset: Spanish name, Windows-1252 bytes. */
	files: Record<DatasetName, { name: string; bytes: Uint8Array }>;
	/** The implausible activity: its line in actividades.csv and its figures. */
	flagged: { line: number; migrants: number; migrantPopulation: number };
	/** Activities lines a plausibility check flags (migrants or participants above the district's). */
	implausibleLines: number[];
}

export function ownDataset(): OwnDataset {
	const demo = generateDemoData();
	const read = (d: DatasetName) => parse(demo[`${d}.csv`]);
	const districts = read('districts').slice(0, 10);
	const code = new Map(
		districts.map((d, i) => [d.ubigeo, `2501${String(i + 1).padStart(2, '0')}`])
	);
	const newId = (id: string) => (id ? `U${id}` : id);
	const mine = (r: CsvRow) => code.has(r.ubigeo);
	const moved = (r: CsvRow): CsvRow => ({
		...r,
		ubigeo: code.get(r.ubigeo)!,
		...('indicator_id' in r ? { indicator_id: newId(r.indicator_id) } : {})
	});
	const rows = {
		districts: districts.map((d) => ({ ...d, ubigeo: code.get(d.ubigeo)! })),
		framework: read('framework').map((f) => ({ ...f, indicator_id: newId(f.indicator_id) })),
		assessments: read('assessments').filter(mine).map(moved),
		statistics: read('statistics').filter(mine).map(moved),
		activities: read('activities').filter(mine).map(moved),
		actions: read('actions').filter(mine).map(moved)
	} as Record<DatasetName, CsvRow[]>;

	// The implausible activity: the first one, 310 of 320 participants migrants, in a district of 40 migrants.
	const act = rows.activities[0];
	Object.assign(act, {
		participants_total: '320',
		participants_women: '160',
		participants_men: '160',
		participants_migrants: '310'
	});
	const district = rows.districts.find((d) => d.ubigeo === act.ubigeo)!;
	district.migrant_population = '40';

	const byCode = new Map(rows.districts.map((d) => [d.ubigeo, d]));
	const above = (v: string, limit: string | undefined) =>
		v !== '' && limit !== undefined && limit !== '' && Number(v) > Number(limit);
	const implausibleLines = rows.activities.flatMap((r, i) => {
		const d = byCode.get(r.ubigeo);
		return above(r.participants_migrants, d?.migrant_population) ||
			above(r.participants_total, d?.population)
			? [i + 2]
			: [];
	});

	const files = Object.fromEntries(
		DATASETS.map((d) => {
			const text = Papa.unparse(rows[d], { columns: Object.keys(rows[d][0]) });
			return [d, { name: SPANISH_FILE_NAMES[d], bytes: encodeCp1252(excelCopy(text, d, 'es')) }];
		})
	) as OwnDataset['files'];
	return {
		rows,
		files,
		flagged: { line: 2, migrants: 310, migrantPopulation: 40 },
		implausibleLines
	};
}
