import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/node';
import { importCsv, importFiles, prepareImport, issuesToCsvRows } from '.';
import {
	TODAY,
	utf8,
	csv,
	DISTRICTS,
	FRAMEWORK,
	STATISTICS,
	ACT_HEADER,
	ACTIVITIES,
	act,
	options,
	brief,
	baseTables
} from './dataset.fixtures';
import { fileEngine } from './test-engine';

const engine = fileEngine();

describe('importFiles', () => {
	it('creates the tables, recognises and orders the files, and lists what is missing', async () => {
		await engine.exec('CREATE OR REPLACE TABLE activities (x INTEGER)');
		const files = [
			{ fileName: 'actividades.csv', bytes: utf8(ACTIVITIES) },
			{ fileName: 'datos_varios.csv', bytes: utf8(STATISTICS) },
			{ fileName: 'notas.csv', bytes: utf8('foo,bar\n1,2\n') },
			{ fileName: 'distritos.csv', bytes: utf8(DISTRICTS) }
		];
		const result = await importFiles(engine, files, { today: TODAY, locale: 'es' });
		expect(result.reports.map((r) => [r.file, r.dataset, r.loaded])).toEqual([
			['distritos.csv', 'districts', 3],
			['datos_varios.csv', 'statistics', 0],
			['actividades.csv', 'activities', 2],
			['notas.csv', null, 0]
		]);
		expect(result.missingRequired).toEqual(['framework']);
		// Without a framework, every statistic's indicator is unknown.
		expect(brief(result.reports[1])).toEqual([
			'2:indicator_id:error:reference',
			'3:indicator_id:error:reference'
		]);

		const rows = issuesToCsvRows(result.reports);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toEqual({
			file: 'datos_varios.csv',
			line: 2,
			column: 'indicator_id',
			severity: 'error',
			message:
				'El indicador «E4.01» no existe en framework.csv. Corrija el código o agregue el indicador a framework.csv.'
		});
		expect(rows[2]).toMatchObject({
			file: 'notas.csv',
			line: null,
			column: null,
			severity: 'error'
		});
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 2 }]);
	});

	it('loads the full clean set', async () => {
		const files = [
			{ fileName: 'activities.csv', bytes: utf8(ACTIVITIES) },
			{ fileName: 'statistics.csv', bytes: utf8(STATISTICS) },
			{ fileName: 'framework.csv', bytes: utf8(FRAMEWORK) },
			{ fileName: 'districts.csv', bytes: utf8(DISTRICTS) }
		];
		const result = await importFiles(engine, files, { today: TODAY, locale: 'es' });
		expect(result.reports.map((r) => [r.dataset, r.loaded, r.errors, r.warnings])).toEqual([
			['districts', 3, 0, 0],
			['framework', 3, 0, 0],
			['statistics', 2, 0, 0],
			['activities', 2, 0, 0]
		]);
		expect(result.missingRequired).toEqual([]);
		expect(issuesToCsvRows(result.reports)).toEqual([]);
	});
});

describe('prepareImport: analyse, then load', () => {
	beforeEach(() => baseTables(engine));

	it('stages and validates without loading, shows a preview, then commits', async () => {
		const previews: unknown[] = [];
		const p = await prepareImport(engine, {
			...options('activities.csv', csv([ACT_HEADER, act('A-1'), act('A-2', { type: 'fiesta' })])),
			onPreview: (preview) => previews.push(preview)
		});
		expect(p.loadable).toBe(true);
		expect(p.preview.columns).toEqual(ACT_HEADER.split(','));
		expect(p.preview.rows[1][3]).toBe('fiesta');
		expect(previews).toEqual([p.preview]);
		expect(p.report).toMatchObject({ rows: 2, valid: 1, loaded: 0, errors: 1 });
		expect(p.report.kinds).toEqual([{ code: 'allowed', severity: 'error', count: 1 }]);
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 0 }]);
		const r = await p.commit();
		expect(r.loaded).toBe(1);
		expect(await engine.query('SELECT activity_id FROM activities')).toEqual([
			{ activity_id: 'A-1' }
		]);
	});

	it('validates again for another mode, and before loading when the table changed meanwhile', async () => {
		await importCsv(engine, options('activities.csv', csv([ACT_HEADER, act('A-1')])));
		const p = await prepareImport(
			engine,
			options('activities.csv', csv([ACT_HEADER, act('A-1'), act('A-2')]))
		);
		expect(p.report.errors).toBe(0);
		expect((await p.validate('append')).kinds).toEqual([
			{ code: 'duplicate_existing', severity: 'error', count: 1 }
		]);
		// Another load of A-2 happens before this one is committed: the commit sees it.
		await importCsv(
			engine,
			options('activities.csv', csv([ACT_HEADER, act('A-2')]), { mode: 'append' })
		);
		const r = await p.commit();
		expect(brief(r)).toEqual([
			'2:activity_id:error:duplicate_existing',
			'3:activity_id:error:duplicate_existing'
		]);
		expect(r.loaded).toBe(0);
	});

	it('releases everything on discard', async () => {
		const p = await prepareImport(engine, options('activities.csv', ACTIVITIES));
		await p.discard();
		expect(
			await engine.query(
				`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '\\_\\_%' ESCAPE '\\'`
			)
		).toEqual([{ n: 0 }]);
	});

	it('refuses a file too big for the engine’s memory with a clear message, keeping the data', async () => {
		// an engine of its own: the limit is set as it starts (no SET works after)
		const small = await createNodeEngine({ memoryLimit: '64MB' });
		try {
			await baseTables(small);
			await importCsv(small, options('activities.csv', ACTIVITIES));
			const rows = Array.from({ length: 150_000 }, (_, i) =>
				act(`M-${i}`, { partner: `Socio ${i}` })
			);
			const r = await importCsv(small, options('activities.csv', csv([ACT_HEADER, ...rows])));
			expect(brief(r)).toEqual(['-:-:error:file_memory']);
			expect(r.issues[0].message).toContain('es demasiado grande para la memoria');
			// the command-line tools run the same import: their message speaks of no browser
			const cli = await importCsv(
				small,
				options('activities.csv', csv([ACT_HEADER, ...rows]), { cli: true, locale: 'en' })
			);
			expect(brief(cli)).toEqual(['-:-:error:file_memory']);
			expect(cli.issues[0].message).toMatch(
				/^“activities\.csv” is too big for the data engine’s memory/
			);
			expect(cli.issues[0].message).not.toMatch(/browser/);
			expect(await small.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([
				{ n: 2 }
			]);
		} finally {
			await small.close();
		}
	}, 60_000);
});
