/**
 * Run right after opening, in every adapter. Parquet, JSON and ICU are not
 * built into the wasm: with autoload on, a query that needs one tries to
 * download it and never returns offline. With it off, it fails at once.
 */
export const SAFE_SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false'
].join(';\n');

export const DEFAULT_TIMEOUT_MS = 30_000;
