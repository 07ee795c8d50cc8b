/** What this run of the bench measures, and how often: the command line and BENCH_RUNS. */

export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
export const CLICKS = 30;
export const args = new Set(process.argv.slice(2));
/** `--only=pages,import,activities` while iterating (activities needs import). */
export const only = [...args]
	.find((a) => a.startsWith('--only='))
	?.slice(7)
	.split(',');
export const part = (name: string) => !only || only.includes(name);
export const started = Date.now();
export const log = (s: string) =>
	console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`);
