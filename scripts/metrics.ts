/**
 * npm run metrics -- --data DIR --out DIR [--today YYYY-MM-DD] [--lang es|en]
 *
 * Reads the data-contract CSVs from DIR, validates and loads them with the
 * app's own import pipeline, computes every metric with the app's own SQL on
 * the same DuckDB build (Node blocking adapter), and writes CSV reports.
 * Exit 0: valid input (warnings allowed). Exit 1: errors, with a summary on
 * stderr and no stack trace.
 */
import { metricsCli } from './metrics-cli';

metricsCli(process.argv.slice(2)).then(({ code, stdout, stderr }) => {
	process.stderr.write(stderr);
	process.stdout.write(stdout);
	process.exit(code);
});
