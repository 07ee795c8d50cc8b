/**
 * npm run -s validate -- [--type TYPE] [--json] [--lang es|en] [--today YYYY-MM-DD]
 *                        [--encoding ENC] [--delimiter D] FILE...
 *
 * Checks CSV files with the app's own import pipeline, on the same DuckDB
 * build (Node blocking adapter), and prints the validation report: one
 * summary line per file and its problems, or with --json one JSON object per
 * file and line (`file, encoding, delimiter, type, rows, columns, errors,
 * warnings, issues`). TYPE is a dataset of the contract (districts,
 * framework, assessments, statistics, activities, actions) or `table` (any
 * CSV, as a generic table); without it, each file is recognised by its name
 * and headers. Exit 0 when every file is valid (warnings allowed), 1 when any
 * has errors or the command line is wrong; never a stack trace.
 */
import { validateCli } from './validate-cli';

validateCli(process.argv.slice(2)).then(({ code, stdout, stderr }) => {
	process.stdout.write(stdout);
	process.stderr.write(stderr);
	process.exit(code);
});
