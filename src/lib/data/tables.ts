/**
 * The typed tables every metric reads. Column names and order follow the data
 * contract (DESIGN.md §4). Codes stay VARCHAR: `070101` is Callao, and a
 * number would lose the zero.
 */
export const TABLE_DDL = {
	districts: `CREATE TABLE districts (
		ubigeo VARCHAR PRIMARY KEY,
		name VARCHAR NOT NULL,
		province VARCHAR NOT NULL,
		department VARCHAR,
		population INTEGER,
		migrant_population INTEGER,
		grid_row INTEGER,
		grid_col INTEGER
	)`,
	framework: `CREATE TABLE framework (
		indicator_id VARCHAR PRIMARY KEY,
		domain INTEGER NOT NULL,
		subarea VARCHAR,
		kind VARCHAR NOT NULL,
		text_es VARCHAR,
		text_en VARCHAR,
		guidance_es VARCHAR,
		guidance_en VARCHAR,
		weight DOUBLE NOT NULL DEFAULT 1,
		unit VARCHAR,
		higher_is_better BOOLEAN
	)`,
	assessments: `CREATE TABLE assessments (
		ubigeo VARCHAR NOT NULL,
		round VARCHAR NOT NULL,
		indicator_id VARCHAR NOT NULL,
		answer VARCHAR NOT NULL,
		evidence VARCHAR,
		source_url VARCHAR,
		updated_at TIMESTAMP
	)`,
	statistics: `CREATE TABLE statistics (
		ubigeo VARCHAR NOT NULL,
		period VARCHAR NOT NULL,
		indicator_id VARCHAR NOT NULL,
		value DOUBLE NOT NULL,
		numerator DOUBLE,
		denominator DOUBLE,
		sex VARCHAR NOT NULL DEFAULT 'total',
		nationality VARCHAR NOT NULL DEFAULT 'total',
		source VARCHAR
	)`,
	activities: `CREATE TABLE activities (
		activity_id VARCHAR NOT NULL,
		date DATE NOT NULL,
		ubigeo VARCHAR NOT NULL,
		type VARCHAR NOT NULL,
		audience VARCHAR NOT NULL,
		topic VARCHAR NOT NULL,
		modality VARCHAR NOT NULL,
		participants_total INTEGER NOT NULL,
		participants_women INTEGER,
		participants_men INTEGER,
		participants_migrants INTEGER,
		partner VARCHAR
	)`,
	actions: `CREATE TABLE actions (
		action_id VARCHAR NOT NULL,
		ubigeo VARCHAR NOT NULL,
		indicator_id VARCHAR,
		description VARCHAR NOT NULL,
		responsible VARCHAR,
		due_date DATE,
		status VARCHAR NOT NULL,
		completed_on DATE
	)`
} as const;

export type DatasetName = keyof typeof TABLE_DDL;

/** The columns of actions.csv in the contract's order: the plan's form, export and server rows. */
export const ACTION_CSV_COLUMNS = [
	'action_id',
	'ubigeo',
	'indicator_id',
	'description',
	'responsible',
	'due_date',
	'status',
	'completed_on'
] as const;

/** Load order: references point backwards (districts and framework first). */
export const DATASET_NAMES: DatasetName[] = [
	'districts',
	'framework',
	'assessments',
	'statistics',
	'activities',
	'actions'
];

export const REQUIRED_DATASETS: DatasetName[] = ['districts', 'framework'];

/** Drop and recreate every typed table, empty. Optional datasets then still exist for the metrics. */
export function createTablesSql(): string {
	return DATASET_NAMES.map((n) => `DROP TABLE IF EXISTS ${n};\n${TABLE_DDL[n]};`).join('\n');
}
