/**
 * The import pipeline's fast path for clean files (src/lib/data/fast-sql.ts)
 * must change nothing but the time: for every file, the tables and the
 * report are the same as the detailed path's (`detailed: true`). Clean files
 * must take it (the demo data, generated activities); files with something
 * to report (the Spanish-Excel fixtures, the XSS copy…) fall back.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importCsv, importFiles, type ImportReport } from '../../src/lib/data/import';
import { DATASET_NAMES, type DatasetName } from '../../src/lib/data/tables';
import { createNodeEngine } from '../../src/lib/engine/node';
import type { Engine, Row } from '../../src/lib/engine/types';
import {
	activitiesCsv,
	demoUbigeos,
	encodeCp1252,
	excelCopy,
	smallFixtures,
	xssFixtures
} from '../fixtures/generate';
import { readDemoFiles } from '../../src/lib/server/demo-files';

vi.setConfig({ testTimeout: 300_000 });

const TODAY = '2026-01-01';
let base: Engine;
/** Every statement sent, to tell which path an import took. */
let sent: string[] = [];
let engine: Engine;

beforeAll(async () => {
	base = await createNodeEngine();
	engine = {
		...base,
		exec: (sql) => (sent.push(sql), base.exec(sql)),
		query: (sql, params) => (sent.push(sql), base.query(sql, params))
	};
});
afterAll(async () => {
	await base.close();
});

/** The detailed path's staging view (numbered rows) was created: the fast path was not taken or gave up. */
const tookDetailed = () => sent.some((s) => /CREATE OR REPLACE TEMP VIEW "__source_\d+"/.test(s));

async function tables(): Promise<Record<string, Row[]>> {
	const out: Record<string, Row[]> = {};
	for (const t of DATASET_NAMES) out[t] = await base.query(`SELECT * FROM ${t} ORDER BY ALL`);
	return out;
}

describe('the fast path for clean files', () => {
	it('loads the demo data as the detailed path does, without staging the detailed way', async () => {
		const opts = { today: TODAY, locale: 'es' as const };
		sent = [];
		const fast = await importFiles(engine, readDemoFiles(), opts);
		expect(tookDetailed()).toBe(false);
		const fastTables = await tables();
		const detailed = await importFiles(engine, readDemoFiles(), { ...opts, detailed: true });
		expect(fast).toEqual(detailed);
		expect(fastTables).toEqual(await tables());
		expect(fast.reports.map((r) => r.loaded)).toEqual([50, 77, 4528, 579, 2383, 62]);
	});

	/** One file on top of the demo data, both ways: same report, same tables. */
	async function both(
		fileName: string,
		bytes: Uint8Array,
		dataset?: DatasetName,
		mode: 'replace' | 'append' = 'replace'
	): Promise<{ report: ImportReport; fast: boolean }> {
		const results: { report: ImportReport; tables: Record<string, Row[]> }[] = [];
		let fast = false;
		for (const detailed of [false, true]) {
			await importFiles(base, readDemoFiles(), { today: TODAY, locale: 'es' });
			sent = [];
			const report = await importCsv(engine, {
				fileName,
				bytes: bytes.slice(),
				dataset,
				mode,
				today: TODAY,
				locale: 'en',
				detailed
			});
			if (!detailed) fast = !tookDetailed();
			results.push({ report, tables: await tables() });
		}
		expect(results[0].report, fileName).toEqual(results[1].report);
		expect(results[0].tables, fileName).toEqual(results[1].tables);
		return { report: results[0].report, fast };
	}

	it('takes it for clean generated activities, in replace and append mode', async () => {
		const csv = new TextEncoder().encode(activitiesCsv(3000, demoUbigeos()));
		const replace = await both('actividades.csv', csv, 'activities');
		expect(replace).toMatchObject({ fast: true, report: { loaded: 3000, errors: 0 } });
		const append = await both('actividades.csv', csv, 'activities', 'append');
		expect(append).toMatchObject({ fast: true, report: { loaded: 3000, errors: 0 } });
	});

	it('reads whole numbers written oddly as the detailed path does, and stops at a fraction', async () => {
		const header =
			'activity_id,date,ubigeo,type,audience,topic,modality,participants_total,participants_women,participants_men,participants_migrants,partner';
		const row = (id: string, total: string) =>
			`${id},2024-1-5,150101,campana,academia,salud,virtual,${total},,,0,`;
		const odd = [
			header,
			row('A1', '007'),
			row('A2', '+5'),
			row('A3', '1.0'),
			row('A4', '1e1'),
			row('A5', ' 25 ')
		];
		const r = await both('odd.csv', new TextEncoder().encode(odd.join('\n') + '\n'), 'activities');
		expect(r).toMatchObject({ fast: true, report: { loaded: 5, errors: 0, warnings: 0 } });
		const half = [header, row('A1', '7'), row('A2', '1.5')];
		const h = await both(
			'half.csv',
			new TextEncoder().encode(half.join('\n') + '\n'),
			'activities'
		);
		expect(h).toMatchObject({ fast: false, report: { loaded: 1, errors: 1 } });
	});

	it('falls back when appending keys already loaded', async () => {
		const bytes = new Uint8Array(readFileSync('data/activities.csv'));
		const r = await both('activities.csv', bytes, 'activities', 'append');
		expect(r.fast).toBe(false);
		expect(r.report.loaded).toBe(0);
		expect(r.report.errors).toBe(2383);
	});

	it('gives the same result on every fixture, and falls back where there is something to say', async () => {
		const files: Record<string, Uint8Array> = { ...smallFixtures(), ...xssFixtures() };
		for (const locale of ['es', 'pe'] as const) {
			for (const name of ['activities', 'statistics', 'districts'] as const) {
				const clean = readFileSync(`data/${name}.csv`, 'utf8');
				files[`${locale}-excel-${name}.csv`] = encodeCp1252(excelCopy(clean, name, locale));
			}
		}
		const fastOnes: string[] = [];
		for (const [name, bytes] of Object.entries(files)) {
			const dataset = name.includes('-excel-')
				? (name.split('-excel-')[1].replace('.csv', '') as DatasetName)
				: undefined;
			const r = await both(name, bytes, dataset);
			if (r.fast) {
				expect(
					r.report.issues.filter((i) => i.line !== null),
					name
				).toEqual([]);
				fastOnes.push(name);
			}
		}
		// Spanish-Excel files always have something to report (padded codes, day-first dates…).
		expect(fastOnes.filter((n) => n.includes('excel'))).toEqual([]);
	});
});
