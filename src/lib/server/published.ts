import { createNodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import type { DemoFile } from '../data/demo-files';
import { importFiles } from '../data/import';
import { toCsv } from '../data/csv-export';
import { DATASET_SPECS } from '../data/schema';
import { readDemoFiles } from './demo-files';
import type { Queryable } from './db/store';
import { assessmentRows, publicationVersion } from './rounds/service';
import { activityRows } from './activities/service';
import { currentItems } from './plans/service';
import { mergeIntoCsv, serverRecordsStamp } from './records/merge-csv';

/**
 * What the public sees, in server mode: the reference datasets (districts,
 * framework, statistics, activities, actions) from the data folder, and
 * `assessments.csv` made of the published rounds in the store. Staff may ask
 * for work in progress instead (validated and submitted rounds too).
 */
export type View = 'published' | 'in-progress';

const ASSESSMENT_COLUMNS = DATASET_SPECS.assessments.columns.map((c) => c.name);

export async function assessmentsCsv(db: Queryable, view: View): Promise<Uint8Array> {
	const rows = await assessmentRows(db, view);
	return new TextEncoder().encode(toCsv(ASSESSMENT_COLUMNS, rows) + '\n');
}

/**
 * The contract's CSV files as the given view has them. In both views,
 * activities.csv and actions.csv are the reference file's rows with the
 * server's records merged in (docs/server-records.md): every activity the
 * UIM logged, and every action of a plan at its current version.
 */
export async function viewFiles(
	db: Queryable,
	view: View,
	referenceDir: string
): Promise<DemoFile[]> {
	const reference = readDemoFiles(referenceDir).filter((f) => f.fileName !== 'assessments.csv');
	const server = {
		'activities.csv': ['activities', await activityRows(db)],
		'actions.csv': ['actions', await currentItems(db)]
	} as const;
	const files = reference.map((f) => {
		const mine = server[f.fileName as keyof typeof server];
		return mine ? { ...f, bytes: mergeIntoCsv(f.bytes, mine[0], mine[1]) } : f;
	});
	for (const [fileName, [dataset, rows]] of Object.entries(server))
		if (rows.length && !files.some((f) => f.fileName === fileName))
			files.push({ fileName, bytes: mergeIntoCsv(new Uint8Array(), dataset, rows) });
	return [...files, { fileName: 'assessments.csv', bytes: await assessmentsCsv(db, view) }];
}

/**
 * A tag that changes whenever the view's data change: the publication
 * number for the public view; for work in progress, the latest change of
 * any round. Used for ETags and to know when an engine is stale.
 */
export async function viewTag(db: Queryable, view: View): Promise<string> {
	// logged activities and action-plan changes are public once stored (docs/server-records.md)
	const records = await serverRecordsStamp(db);
	if (view === 'published') return `p${await publicationVersion(db)}.${records}`;
	// no spaces: the tag goes into ETags
	const [row] = await db.query<{ t: string }>(
		`SELECT coalesce(floor(extract(epoch FROM max(updated_at)) * 1000), 0)::bigint::text
		        || '.' || count(*)::text AS t FROM rounds`
	);
	return `w${row.t}.${records}`;
}

/**
 * The districts and framework of the reference data, loaded once: what a
 * submitted round is checked against (they change with a new deployment of
 * the reference files, not with a publication).
 */
let reference: Promise<Engine> | null = null;
export function referenceEngine(referenceDir: string): Promise<Engine> {
	reference ??= (async () => {
		const e = await createNodeEngine();
		const files = readDemoFiles(referenceDir).filter((f) =>
			['districts.csv', 'framework.csv'].includes(f.fileName)
		);
		await importFiles(e, files, { mode: 'replace', today: '9999-12-31', locale: 'es' });
		return e;
	})();
	reference.catch(() => (reference = null));
	return reference;
}

interface Loaded {
	tag: string;
	engine: Promise<Engine>;
}
const engines = new Map<View, Loaded>();

/**
 * A Node DuckDB loaded with the view's datasets, through the import
 * pipeline (the same checks as the browser's). Kept while the view's tag
 * stays the same; a new publication loads a fresh one and closes the old.
 */
export async function viewEngine(db: Queryable, view: View, referenceDir: string): Promise<Engine> {
	const tag = await viewTag(db, view);
	const loaded = engines.get(view);
	if (loaded?.tag === tag) return loaded.engine;
	const engine = (async () => {
		const e = await createNodeEngine();
		await importFiles(e, await viewFiles(db, view, referenceDir), {
			mode: 'replace',
			today: '9999-12-31',
			locale: 'es'
		});
		return e;
	})();
	engines.set(view, { tag, engine });
	engine.catch(() => engines.delete(view));
	// the old engine may still be answering a request: close it a little later
	if (loaded)
		setTimeout(() => void loaded.engine.then((old) => old.close()).catch(() => {}), 30_000).unref();
	return engine;
}
