// Starts duckdb-wasm's own browser worker (its URL comes in `?worker=`), with
// one change. When `TransformStream` exists, duckdb-wasm pipes the wasm
// download through it to report progress and compiles a `new Response(...)`
// it built: a response without a URL, which Chromium can neither cache the
// compiled code of nor take it from the cache. Without it, duckdb-wasm calls
// `WebAssembly.instantiateStreaming(fetch(url))`, and a repeat visit compiles
// the 34 MB wasm from Chromium's code cache. Integra shows no download
// progress, so nothing is lost.
const script = new URL(self.location.href).searchParams.get('worker') ?? '';
const target = new URL(script, self.location.href);
// Only duckdb-wasm's worker from this origin: the query string must not load anything else.
if (
	target.origin !== self.location.origin ||
	!/\/duckdb-browser-(eh|mvp)[^/]*\.js$/.test(target.pathname)
) {
	throw new Error(`Not a DuckDB worker: ${script}`);
}
// A classic worker script, type-checked with the DOM's types: hence the casts.
const scope = /** @type {any} */ (self);
scope.TransformStream = undefined;
const warn = console.warn.bind(console);
console.warn = (...args) => {
	// duckdb-wasm says so when TransformStream is missing; expected here.
	if (String(args[0]).startsWith('instantiating without progress handler')) return;
	warn(...args);
};
scope.importScripts(target.href);
