import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { importFiles } from '../data/import';
import { readDemoFiles } from './demo-files';
import { openDataCsv } from './open-data-csv';

// The published CSVs of the API are the open-data downloads: counts of 1 to 4 people suppressed.
let engine: Engine;

beforeAll(async () => {
	engine = await createNodeEngine();
	await importFiles(engine, readDemoFiles('data'), {
		mode: 'replace',
		today: '9999-12-31',
		locale: 'es'
	});
}, 120_000);

afterAll(() => engine?.close());

describe('openDataCsv', () => {
	it('writes activities as the download does: 1 migrant and 2 men become <5, 0 stays', async () => {
		const lines = (await openDataCsv(engine, 'activities'))!.split('\n');
		expect(lines[0]).toBe(
			'activity_id,date,ubigeo,type,audience,topic,modality,participants_total,participants_women,participants_men,participants_migrants,partner'
		);
		// data/activities.csv: …,25,15,10,1, and …,7,5,2,0,
		expect(lines[1]).toBe(
			'ACT-2021-0001,2021-01-06,150111,desayuno_migratorio,gobierno_local,integracion,presencial,25,15,10,<5,'
		);
		expect(lines[2]).toBe(
			'ACT-2021-0002,2021-01-06,150132,asistencia_tecnica,gobierno_local,gobernanza,virtual,7,5,<5,0,'
		);
	});

	it('writes every district, one line each, ending with a newline', async () => {
		const csv = (await openDataCsv(engine, 'districts'))!;
		expect(csv.endsWith('\n')).toBe(true);
		// 50 districts and the header
		expect(csv.trimEnd().split('\n')).toHaveLength(51);
		expect(csv).toContain('\n150101,Lima,Lima,Lima,278804,30668,4,4\n');
	});

	it('knows only the datasets of the open data', async () => {
		expect(await openDataCsv(engine, 'domain_scores')).toBeNull();
		expect(await openDataCsv(engine, 'nothing')).toBeNull();
	});

	it('writes the header of a dataset with no row (a database with nothing published yet)', async () => {
		const empty = await createNodeEngine();
		try {
			const files = readDemoFiles('data').filter((f) =>
				['districts.csv', 'framework.csv'].includes(f.fileName)
			);
			await importFiles(empty, files, { mode: 'replace', today: '9999-12-31', locale: 'es' });
			// the columns of assessments.csv in the data contract (DESIGN.md §5)
			expect(await openDataCsv(empty, 'assessments')).toBe(
				'ubigeo,round,indicator_id,answer,evidence,source_url,updated_at\n'
			);
		} finally {
			await empty.close();
		}
	});
});
