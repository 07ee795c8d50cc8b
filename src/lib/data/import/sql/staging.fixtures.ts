/** Fixtures of the SQL step tests: a staging table as the pipeline sees it, and its usual options. */
import { quoteIdent, quoteLiteral } from '../../../engine/sql';
import type { Engine } from '../../../engine/types';
import { fileEngine } from '../test-engine';
import { DATASET_SPECS } from '../../schema';
import { createTablesSql } from '../../tables';
import type { SqlDialect } from './convert';

/** Dot decimals, day-first dates: the dialect most fixtures are written in. */
export const COMMA: SqlDialect = { decimalComma: false, dateOrder: 'dmy' };

/** The headers of a full activities.csv: the contract's column names, in its order. */
export const ACTIVITY_HEADERS = DATASET_SPECS.activities.columns.map((c) => c.name);

/** Each header maps to the column of the same name. */
export const identity = (headers: string[]) => Object.fromEntries(headers.map((h) => [h, h]));

/** The cells of staging rows, as read from a file: text, or null for an empty cell. */
export type Cells = (string | null)[][];

let seq = 0;

/** A new all-VARCHAR table of `rows`, `__line` = 2, 3, … (what the staging view gives); its name. */
async function stagingTable(engine: Engine, headers: string[], rows: Cells): Promise<string> {
	const name = `stg_${++seq}`;
	const cols = ['__line INTEGER', ...headers.map((h) => `${quoteIdent(h)} VARCHAR`)];
	await engine.exec(`CREATE TABLE ${quoteIdent(name)} (${cols.join(', ')})`);
	if (rows.length === 0) return name;
	const values = rows.map(
		(r, i) =>
			`(${[String(i + 2), ...r.map((v) => (v === null ? 'NULL' : quoteLiteral(v)))].join(', ')})`
	);
	await engine.exec(`INSERT INTO ${quoteIdent(name)} VALUES ${values.join(', ')}`);
	return name;
}

/** The two districts and two indicators that the fast path's reference checks look up. */
export async function seedReferences(engine: Engine): Promise<void> {
	await engine.exec(createTablesSql());
	await engine.exec(`INSERT INTO districts (ubigeo, name, province) VALUES
		('150101', 'Lima', 'Lima'), ('070101', 'Callao', 'Callao');
	INSERT INTO framework (indicator_id, domain, kind, weight) VALUES
		('D1.01', 1, 'policy', 1), ('E1', 4, 'statistic', 1);`);
}

/**
 * The test file's engine (`setUp` runs once it has started) and `staging`,
 * which makes a new staging table of `rows` in it and gives its name.
 */
export function stagingEngine(setUp?: (engine: Engine) => Promise<void>) {
	const engine = fileEngine(setUp);
	const staging = (headers: string[], rows: Cells) => stagingTable(engine, headers, rows);
	return { engine, staging };
}

/** `stagingEngine` with the reference districts and indicators seeded (`seedReferences`). */
export const seededStagingEngine = () => stagingEngine(seedReferences);
