/**
 * The bench's import page. Everything runs in this one page, on the same
 * bytes, one method after the other:
 * - Integra's import pipeline (`prepareImport` + `commit`, exactly the calls
 *   /datos makes) on Integra's browser engine adapter, loaded with the demo
 *   data as the app loads it (`loadDatasets`);
 * - a bare `read_csv` of the same bytes on the same engine;
 * - papaparse + d3-array: parse, then the same aggregation;
 * - the filter clicks of /actividades redone with d3-array on the parsed rows.
 * Driven by bench/run.ts through `window.__harness`.
 */
import Papa from 'papaparse';
import { rollup, sum } from 'd3-array';
import { createBrowserEngine } from '$lib/engine/browser';
import { loadDatasets } from '$lib/app/datasets';
import { DEMO_FILES } from '$lib/data/demo-files';
import { importCsv, prepareImport, recogniseFile } from '$lib/data/import';
import { fetchSnapshot } from '$lib/data/snapshot';
import { DATASET_NAMES, TABLE_DDL, type DatasetName } from '$lib/data/tables';
import { engineFile } from '$lib/engine/settings';
import type { Engine } from '$lib/engine/types';
import { aggregateSql } from '../lib/aggregate';

type Dim = 'type' | 'audience' | 'topic' | 'modality' | 'partner';
/** One state of the /actividades filters: a period and the chosen values per dimension. */
export interface FilterState {
	from: string;
	to: string;
	prevFrom: string;
	prevTo: string;
	values: Partial<Record<Dim, string[]>>;
}

interface ActivityRow {
	date: string;
	ubigeo: string;
	type: string;
	audience: string;
	topic: string;
	modality: string;
	partner: string;
	participants_total: number | null;
	participants_women: number | null;
	participants_men: number | null;
	participants_migrants: number | null;
}

let engine: (Engine & { warmUp(): Promise<void> }) | null = null;
const files = new Map<string, Uint8Array>();
let parsed: ActivityRow[] = [];
let byYear = new Map<string, ActivityRow[]>();

/** The longest the main thread went without answering (a 10 ms heartbeat's worst delay). */
let longest = 0;
let beat = performance.now();
setInterval(() => {
	const now = performance.now();
	longest = Math.max(longest, now - beat - 10);
	beat = now;
}, 10);
function resetLongest() {
	longest = 0;
	beat = performance.now();
}

function need(): Engine {
	if (!engine) throw new Error('engine not started');
	return engine;
}

const harness = {
	/** Starts the engine as the app does; the two phases apart. */
	async start() {
		const t0 = performance.now();
		let t1 = 0;
		const e = createBrowserEngine({
			onFreshStart: async (fresh) => {
				t1 = performance.now();
				await loadDatasets(fresh);
			}
		});
		await e.warmUp();
		engine = e;
		return { engineMs: t1 - t0, datasetsMs: performance.now() - t1 };
	},

	/**
	 * A fresh engine (new worker, wasm compiled again), started with the demo
	 * data as the app starts it (the build's Arrow snapshot of the tables, made
	 * here by the bench in Node: data/snapshot/), through the import pipeline
	 * (the app's fallback), or as the same six files read by a typed read_csv
	 * each, with no validation. Closed afterwards.
	 */
	async startFresh(path: 'snapshot' | 'pipeline' | 'typed') {
		const t0 = performance.now();
		let t1 = 0;
		const e = createBrowserEngine({
			onFreshStart: async (fresh) => {
				t1 = performance.now();
				if (path === 'snapshot')
					await loadDatasets(fresh, {
						// written by the bench (bench/lib/snapshot.ts)
						demoSnapshot: () => fetchSnapshot((table) => `data/snapshot/${table}.arrow`)
					});
				else if (path === 'pipeline') await loadDatasets(fresh);
				else await typedLoad(fresh);
			}
		});
		await e.warmUp();
		const t2 = performance.now();
		const [{ n }] = await e.query('SELECT count(*)::INTEGER AS n FROM activities');
		await e.close();
		return { engineMs: t1 - t0, dataMs: t2 - t1, activities: Number(n) };
	},

	/**
	 * Where the engine start's second phase goes: the demo files through the
	 * pipeline as `loadDatasets` does (file by file, step by step), against a
	 * plain typed load of the same files (read_csv into the same tables).
	 */
	async demo() {
		const e = need();
		const t0 = performance.now();
		const fetched = await Promise.all(
			Object.entries(DEMO_FILES).map(async ([fileName, url]) => ({
				fileName,
				bytes: new Uint8Array(await (await fetch(url)).arrayBuffer())
			}))
		);
		const fetchMs = performance.now() - t0;
		const ordered = fetched
			.map((f) => ({ ...f, dataset: recogniseFile(f.fileName, f.bytes) as DatasetName }))
			.sort((a, b) => DATASET_NAMES.indexOf(a.dataset) - DATASET_NAMES.indexOf(b.dataset));
		const pipeline: Record<string, { ms: number; rows: number; steps: Record<string, number> }> =
			{};
		for (const f of ordered) {
			const steps: Record<string, number> = {};
			let step = '';
			let mark = performance.now();
			const onStep = (s: string) => {
				const now = performance.now();
				if (step) steps[step] = (steps[step] ?? 0) + (now - mark);
				step = s;
				mark = now;
			};
			const t = performance.now();
			const r = await importCsv(e, {
				fileName: f.fileName,
				bytes: f.bytes.slice(),
				dataset: f.dataset,
				mode: 'replace',
				today: new Date().toISOString().slice(0, 10),
				locale: 'es',
				onStep
			});
			onStep('end');
			pipeline[f.dataset] = { ms: performance.now() - t, rows: r.loaded, steps };
		}
		const t1 = performance.now();
		for (const f of ordered) {
			await e.registerBuffer(engineFile(`__plain_${f.dataset}.csv`), f.bytes.slice());
			// The same column types, without the constraints the pipeline checks (a snapshot is valid).
			await e.exec(`CREATE OR REPLACE TEMP TABLE __plain_${f.dataset} AS FROM ${f.dataset} LIMIT 0;
INSERT INTO __plain_${f.dataset} BY NAME SELECT * FROM read_csv('${engineFile(`__plain_${f.dataset}.csv`)}', all_varchar = true);`);
		}
		const plainMs = performance.now() - t1;
		for (const f of ordered) {
			await e.exec(`DROP TABLE __plain_${f.dataset}`);
			await e.dropFile(engineFile(`__plain_${f.dataset}.csv`));
		}
		return {
			fetchMs,
			pipelineMs: t1 - t0 - fetchMs,
			pipeline,
			plainMs,
			bytes: fetched.reduce((s, f) => s + f.bytes.length, 0)
		};
	},

	/** Fetches a generated CSV into memory (not timed: /datos has the file's bytes too). */
	async load(name: string) {
		const response = await fetch(`data/${name}`);
		files.set(name, new Uint8Array(await response.arrayBuffer()));
		return files.get(name)!.length;
	},

	/** Integra's pipeline: the calls /datos makes for one file (analyse, then load). */
	async pipeline(name: string) {
		const e = need();
		const bytes = files.get(name)!.slice(); // the engine takes the buffer over
		const steps: Record<string, number> = {};
		let step = '';
		let mark = performance.now();
		const onStep = (s: string) => {
			const now = performance.now();
			if (step) steps[step] = (steps[step] ?? 0) + (now - mark);
			step = s;
			mark = now;
		};
		resetLongest();
		const t0 = performance.now();
		const prepared = await prepareImport(e, {
			fileName: name,
			bytes,
			dataset: 'activities',
			mode: 'replace',
			today: new Date().toISOString().slice(0, 10),
			locale: 'es',
			onStep
		});
		const report = await prepared.commit();
		const ms = performance.now() - t0;
		onStep('end');
		await new Promise((r) => setTimeout(r, 50)); // let the long-task observer report
		return {
			ms,
			steps,
			rows: report.rows,
			loaded: report.loaded,
			errors: report.errors,
			longestTaskMs: longest
		};
	},

	/** A bare read_csv of the same bytes into a table, on the same engine. */
	async bare(name: string) {
		const e = need();
		const bytes = files.get(name)!.slice();
		const t0 = performance.now();
		await e.registerBuffer(engineFile('__bench_bare.csv'), bytes);
		await e.exec(
			`CREATE OR REPLACE TABLE __bench_bare AS SELECT * FROM read_csv('${engineFile('__bench_bare.csv')}')`
		);
		const ms = performance.now() - t0;
		const [{ n }] = await e.query('SELECT count(*)::INTEGER AS n FROM __bench_bare');
		return { ms, rows: Number(n) };
	},

	/** The same aggregation on a table (district × month × type), read column-wise. */
	async aggregate(table: 'activities' | '__bench_bare') {
		const e = need();
		const t0 = performance.now();
		const result = await e.queryColumns(aggregateSql(table));
		return { ms: performance.now() - t0, groups: result.length };
	},

	async dropBare() {
		const e = need();
		await e.exec('DROP TABLE IF EXISTS __bench_bare');
		await e.dropFile(engineFile('__bench_bare.csv'));
	},

	/** papaparse (typed participants, ubigeo kept as text) then the same aggregation with d3-array. */
	async papa(name: string, keep = false) {
		const bytes = files.get(name)!;
		resetLongest();
		const t0 = performance.now();
		const text = new TextDecoder().decode(bytes);
		const result = Papa.parse<ActivityRow>(text, {
			header: true,
			skipEmptyLines: true,
			dynamicTyping: (field) => String(field).startsWith('participants_')
		});
		const t1 = performance.now();
		const groups = rollup(
			result.data,
			(v) => [v.length, sum(v, (d) => d.participants_total)],
			(d) => d.ubigeo,
			(d) => d.date.slice(0, 7),
			(d) => d.type
		);
		const t2 = performance.now();
		let n = 0;
		for (const months of groups.values()) for (const types of months.values()) n += types.size;
		if (keep) {
			parsed = result.data;
			// An index by year, built once (like the app's cube, not counted per click).
			byYear = new Map();
			for (const r of parsed) {
				const y = r.date.slice(0, 4);
				let list = byYear.get(y);
				if (!list) byYear.set(y, (list = []));
				list.push(r);
			}
		}
		await new Promise((r) => setTimeout(r, 50));
		return {
			parseMs: t1 - t0,
			aggregateMs: t2 - t1,
			rows: result.data.length,
			groups: n,
			longestTaskMs: longest
		};
	},

	/** The /actividades views for each filter state, with d3-array on the parsed rows. */
	filterClicks(states: FilterState[]) {
		return states.map((s) => {
			const t0 = performance.now();
			views(s);
			return performance.now() - t0;
		});
	},

	/** DuckDB's own accounting of its memory. */
	async engineMemory() {
		const e = need();
		const [m] = await e.query(
			'SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()'
		);
		const [size] = await e.query('PRAGMA database_size');
		return { duckdbMemoryBytes: Number(m.bytes), databaseSize: size };
	},

	freeParsed() {
		parsed = [];
		byYear = new Map();
	}
};

/** The demo files into typed tables with one read_csv each (column types from TABLE_DDL). */
async function typedLoad(e: Engine) {
	const files = await Promise.all(
		Object.entries(DEMO_FILES).map(async ([fileName, url]) => ({
			fileName,
			bytes: new Uint8Array(await (await fetch(url)).arrayBuffer())
		}))
	);
	for (const f of files) {
		const dataset = recogniseFile(f.fileName, f.bytes) as DatasetName;
		const columns = [
			...TABLE_DDL[dataset].matchAll(/^\s*(\w+) (VARCHAR|INTEGER|DOUBLE|DATE|TIMESTAMP|BOOLEAN)/gm)
		]
			.map(([, name, type]) => `'${name}': '${type}'`)
			.join(', ');
		await e.registerBuffer(engineFile(`${dataset}.csv`), f.bytes);
		await e.exec(
			`CREATE TABLE ${dataset} AS SELECT * FROM read_csv('${engineFile(`${dataset}.csv`)}', header = true, columns = {${columns}})`
		);
	}
}

function rowsIn(from: string, to: string): ActivityRow[] {
	const out: ActivityRow[][] = [];
	for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
		const list = byYear.get(String(y));
		if (list) out.push(list.filter((r) => r.date >= from && r.date <= to));
	}
	return out.flat();
}

/** Key figures (now and before), the trend by month × type, five cross-filtered breakdowns, districts. */
function views(s: FilterState) {
	const dims = Object.keys(s.values) as Dim[];
	const sets = Object.fromEntries(dims.map((d) => [d, new Set(s.values[d])])) as Record<
		Dim,
		Set<string>
	>;
	const matches = (r: ActivityRow, except: Dim | null) =>
		dims.every((d) => d === except || sets[d].size === 0 || sets[d].has(r[d]));
	const current = rowsIn(s.from, s.to);
	const previous = rowsIn(s.prevFrom, s.prevTo);
	const figures = (rows: ActivityRow[]) => {
		const f = rows.filter((r) => matches(r, null));
		return {
			activities: f.length,
			participants: sum(f, (r) => r.participants_total),
			women: sum(f, (r) => r.participants_women),
			men: sum(f, (r) => r.participants_men),
			migrants: sum(f, (r) => r.participants_migrants),
			districts: new Set(f.map((r) => r.ubigeo)).size,
			rows: f
		};
	};
	const now = figures(current);
	figures(previous);
	rollup(
		now.rows,
		(v) => v.length,
		(r) => r.date.slice(0, 7),
		(r) => r.type
	);
	for (const dim of ['type', 'audience', 'topic', 'modality', 'partner'] as Dim[]) {
		rollup(
			current.filter((r) => matches(r, dim)),
			(v) => [v.length, sum(v, (r) => r.participants_total)],
			(r) => r[dim]
		);
	}
	rollup(
		now.rows,
		(v) => [v.length, sum(v, (r) => r.participants_total), sum(v, (r) => r.participants_migrants)],
		(r) => r.ubigeo
	);
}

(window as unknown as { __harness: typeof harness }).__harness = harness;
document.getElementById('status')!.dataset.ready = 'true';
