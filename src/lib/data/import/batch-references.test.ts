import { describe, expect, it } from 'vitest';
import { quoteIdent } from '../../engine/sql';
import { referenceSelectSql } from '../batch';
import { importCsv, prepareImport } from '.';
import { act, ACT_HEADER, brief, csv, options } from './dataset.fixtures';
import { engineWithBaseTables } from './test-setup';

// Issue 18 §1: a file is checked against what its batch will leave loaded
// (`tables`), and activities are checked for plausibility against their
// district. The loaded base tables (dataset.fixtures.ts) hold 070101, 150101,
// 150132 and the indicators D1.01, D4.02, E4.01.

const engine = engineWithBaseTables();

/** A new districts.csv: codes the loaded table does not have, one tiny district. */
const NEW_DISTRICTS = csv([
	'ubigeo,name,province,population,migrant_population',
	'250101,Callería,Coronel Portillo,1000,40',
	'250102,Campo Verde,Coronel Portillo,,'
]);
const NEW_FRAMEWORK = csv([
	'indicator_id,domain,kind,text_es',
	'X1.01,1,policy,Pregunta',
	'XE.01,4,statistic,Dato'
]);
const NEW_STATS = csv([
	'ubigeo,period,indicator_id,value',
	'250101,2024,XE.01,3',
	'250102,2024,XE.01,4'
]);

/** Stages `text` as `dataset` and makes a view of what it will leave loaded. */
async function stagedView(name: 'districts' | 'framework', text: string) {
	const p = await prepareImport(engine, options(`${name}.csv`, text));
	const sql = referenceSelectSql(name, [{ mode: 'replace', ...p.incoming! }]);
	const view = `__test_${name}`;
	await engine.exec(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(view)} AS ${sql}`);
	return { p, view };
}

describe('checking a file against the batch it came with', () => {
	for (const detailed of [false, true]) {
		it(`finds the codes of staged districts and framework (${detailed ? 'detailed' : 'fast'} path)`, async () => {
			const d = await stagedView('districts', NEW_DISTRICTS);
			const f = await stagedView('framework', NEW_FRAMEWORK);
			// Against the loaded tables: both rows are errors (unknown district, unknown indicator).
			const alone = await prepareImport(engine, options('statistics.csv', NEW_STATS, { detailed }));
			expect(alone.report.valid).toBe(0);
			expect(brief(alone.report)).toEqual([
				'2:ubigeo:error:reference',
				'2:indicator_id:error:reference',
				'3:ubigeo:error:reference',
				'3:indicator_id:error:reference'
			]);
			await alone.discard();
			// Against the batch: clean.
			const tables = { districts: d.view, framework: f.view };
			const withBatch = await prepareImport(
				engine,
				options('statistics.csv', NEW_STATS, { detailed, tables })
			);
			expect(withBatch.report).toMatchObject({ rows: 2, valid: 2, errors: 0, warnings: 0 });
			// Checked again when the references change (the batch's districts dropped).
			const again = await withBatch.validate('replace', { framework: f.view });
			expect(again.valid).toBe(0);
			expect(brief(again)).toEqual(['2:ubigeo:error:reference', '3:ubigeo:error:reference']);
			await withBatch.discard();
			await d.p.discard();
			await f.p.discard();
		});
	}

	it('loads the batch in order: after districts and framework, the rest loads in full', async () => {
		await importCsv(engine, options('districts.csv', NEW_DISTRICTS));
		await importCsv(engine, options('framework.csv', NEW_FRAMEWORK));
		const r = await importCsv(engine, options('statistics.csv', NEW_STATS));
		expect(r).toMatchObject({ loaded: 2, errors: 0 });
	});
});

describe('implausible values against the district (warnings with the line)', () => {
	const ACTS = csv([
		ACT_HEADER,
		// line 2: 310 migrant participants, the district has 40 migrants.
		act('A-1', {
			ubigeo: '250101',
			participants_total: '320',
			participants_women: '',
			participants_men: '',
			participants_migrants: '310'
		}),
		// line 3: 1,500 participants, the district has 1,000 people (and > 1,000: unusually high).
		act('A-2', {
			ubigeo: '250101',
			participants_total: '1500',
			participants_women: '',
			participants_men: '',
			participants_migrants: ''
		}),
		// line 4: plausible; line 5: the district has no population figures.
		act('A-3', { ubigeo: '250101', participants_migrants: '5' }),
		act('A-4', {
			ubigeo: '250102',
			participants_total: '900',
			participants_women: '',
			participants_men: '',
			participants_migrants: '800'
		})
	]);

	for (const detailed of [false, true]) {
		it(`warns and still loads (${detailed ? 'detailed' : 'fast'} path)`, async () => {
			const d = await stagedView('districts', NEW_DISTRICTS);
			const p = await prepareImport(
				engine,
				options('activities.csv', ACTS, { detailed, tables: { districts: d.view } })
			);
			expect(brief(p.report)).toEqual([
				'2:participants_migrants:warning:migrants_above_district',
				'3:participants_total:warning:participants_above_population',
				'3:participants_total:warning:participants_high'
			]);
			expect(p.report).toMatchObject({ rows: 4, valid: 4, errors: 0, warnings: 3 });
			const [first] = p.report.issues;
			expect(first.message).toContain('310 participantes migrantes');
			expect(first.message).toContain('40 personas migrantes');
			await p.discard();
			await d.p.discard();
		});
	}

	it('checks the loaded districts when no batch is given', async () => {
		// Lima (150101) has 41,200 migrants: 50,000 migrant participants in one activity is implausible.
		const r = await importCsv(
			engine,
			options(
				'activities.csv',
				csv([
					ACT_HEADER,
					act('B-1', {
						ubigeo: '150101',
						participants_total: '60000',
						participants_women: '',
						participants_men: '',
						participants_migrants: '50000'
					})
				])
			)
		);
		expect(brief(r)).toEqual([
			'2:participants_total:warning:participants_high',
			'2:participants_migrants:warning:migrants_above_district'
		]);
		expect(r.loaded).toBe(1);
	});
});
