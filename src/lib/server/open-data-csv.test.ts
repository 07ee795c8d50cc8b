import { describe, expect, it } from 'vitest';
import { importFiles } from '../data/import';
import { createNodeEngine } from '../engine/node';
import { readDemoFiles } from './demo-files';
import { openDataCsv } from './open-data-csv';
import { TEST_IMPORT, useReferenceEngine } from './test-kit';

// The published CSVs of the API are the open-data downloads: counts of 1 to 4 people suppressed.
const reference = useReferenceEngine(120_000);

describe('openDataCsv', () => {
	it('writes activities as the download does: 1 migrant and 2 men become <5, 0 stays', async () => {
		const lines = (await openDataCsv(reference.engine, 'activities'))!.split('\n');
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
		const csv = (await openDataCsv(reference.engine, 'districts'))!;
		expect(csv.endsWith('\n')).toBe(true);
		// 50 districts and the header
		expect(csv.trimEnd().split('\n')).toHaveLength(51);
		expect(csv).toContain('\n150101,Lima,Lima,Lima,278804,30668,4,4\n');
	});

	it('knows only the datasets of the open data', async () => {
		expect(await openDataCsv(reference.engine, 'domain_scores')).toBeNull();
		expect(await openDataCsv(reference.engine, 'nothing')).toBeNull();
	});

	it('writes the header of a dataset with no row (a database with nothing published yet)', async () => {
		const empty = await createNodeEngine();
		try {
			const files = readDemoFiles('data').filter((f) =>
				['districts.csv', 'framework.csv'].includes(f.fileName)
			);
			await importFiles(empty, files, TEST_IMPORT);
			// the columns of assessments.csv in the data contract (DESIGN.md §5)
			expect(await openDataCsv(empty, 'assessments')).toBe(
				'ubigeo,round,indicator_id,answer,evidence,source_url,updated_at\n'
			);
		} finally {
			await empty.close();
		}
	});
});
