/**
 * Run right after opening, in every adapter. Parquet, JSON and ICU are not
 * built into the wasm: with autoload on, a query that needs one tries to
 * download it and never returns offline. With it off, it fails at once.
 */
export const SAFE_SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false'
].join(';\n');

/**
 * The only folder DuckDB may read once locked: every file Integra hands it
 * (`registerText`, `registerBuffer`) is named inside it (`engineFile`). It is
 * a virtual folder of the engine's own file system, not a folder of the disk.
 */
export const FILE_DIR = '/integra/';

/** The name under which a file Integra registers is read (`read_csv(engineFile('x.csv'))`). */
export function engineFile(name: string): string {
	return FILE_DIR + name;
}

/**
 * Run after SAFE_SETTINGS, before anything else can reach the engine. With
 * external access off, DuckDB opens no file, URL or extension but the files
 * registered in FILE_DIR: `read_csv('http://…')`, `ATTACH`, `INSTALL` and
 * `LOAD` fail at once, so user SQL (the console, a shared link) cannot send
 * the loaded data anywhere. The lock makes every later `SET` fail, so no
 * statement can turn access back on or point extensions at another host.
 */
export const LOCKDOWN = [
	`SET allowed_directories = ['${FILE_DIR}']`,
	'SET enable_external_access = false',
	'SET lock_configuration = true'
].join(';\n');

/**
 * `SET memory_limit` for a limit such as "48MB", or '' for none. Applied
 * before LOCKDOWN, since no SET works after it: a limit is chosen when an
 * instance starts (tests, and trying a phone's memory on a laptop).
 */
export function memoryLimitSql(limit: string | null | undefined): string {
	if (!limit) return '';
	if (!isMemoryLimit(limit)) throw new Error(`Not a memory limit: "${limit}" (e.g. 48MB)`);
	return `SET memory_limit = '${limit}'`;
}

/** A size DuckDB takes as a memory limit, such as "48MB" or "1.5GiB". */
export function isMemoryLimit(limit: string): boolean {
	return /^\d{1,6}(\.\d{1,3})?\s?(KB|MB|GB|KiB|MiB|GiB)$/i.test(limit);
}

/** Refuses a file name outside FILE_DIR, which DuckDB could not read once locked. */
export function checkFileName(name: string): void {
	if (!name.startsWith(FILE_DIR) || name.includes('/../')) {
		throw new Error(`Engine files are named with engineFile(): "${name}" is outside ${FILE_DIR}`);
	}
}

export const DEFAULT_TIMEOUT_MS = 30_000;
