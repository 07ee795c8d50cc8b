import { toCsv } from '../src/lib/data/csv-export';
import { importFiles, issuesToCsvRows, recogniseFile } from '../src/lib/data/import';
import type { Engine } from '../src/lib/engine/types';
import { tr, type Locale } from '../src/lib/i18n';
import { activityMetricsSql } from '../src/lib/metrics/activities';
import { domainScoresSql, overallScoresSql } from '../src/lib/metrics/assessment';
import {
	ACTIVITY_METRICS_EXPORT,
	DOMAIN_SCORES_EXPORT,
	OVERALL_SCORES_EXPORT,
	formatForExport,
	type TableExport
} from '../src/lib/metrics/export';
import type { SqlQuery } from '../src/lib/engine/types';

export interface MetricsRun {
	ok: boolean;
	/** file name → CSV text */
	outputs: Record<string, string>;
	/** short human summary of problems, for stderr; empty when clean */
	summary: string;
	/** notes for stderr that are no problem: the files that were ignored */
	notes: string[];
}

/**
 * The CLI's work without the file system, so tests can run it on the Node
 * engine directly: load with the app's pipeline, then compute with the app's
 * SQL. Metrics are written even when some rows had errors (from the rows
 * that loaded), but not when a required file or column is missing. A CSV
 * that is none of the contract's files (by its name or its headers: notes,
 * an export of something else) is left out with a note, not an error.
 */
export async function runMetrics(
	engine: Engine,
	files: { fileName: string; bytes: Uint8Array }[],
	opts: { today: string; locale: Locale }
): Promise<MetricsRun> {
	const contract = files.filter((f) => recogniseFile(f.fileName, f.bytes) !== null);
	const notes = files
		.filter((f) => !contract.includes(f))
		.map((f) => tr(opts.locale, 'cli.ignoredFile', { file: f.fileName }));
	const loaded = await importFiles(engine, contract, {
		mode: 'replace',
		today: opts.today,
		locale: opts.locale,
		cli: true
	});
	const outputs: Record<string, string> = {};
	const issueRows = issuesToCsvRows(loaded.reports, opts.locale);
	if (issueRows.length > 0) {
		outputs['validation_report.csv'] = toCsv(
			['file', 'line', 'column', 'severity', 'message'],
			issueRows
		);
	}
	const errors = loaded.reports.reduce((n, r) => n + r.errors, 0);
	const warnings = loaded.reports.reduce((n, r) => n + r.warnings, 0);
	const lines: string[] = [];
	const reported = new Set(loaded.reports.map((r) => r.dataset));
	for (const name of loaded.missingRequired.filter((n) => !reported.has(n))) {
		lines.push(tr(opts.locale, 'cli.missingFile', { file: `${name}.csv` }));
	}
	for (const r of loaded.reports) {
		if (r.missing.length > 0) {
			lines.push(
				tr(opts.locale, 'cli.missingColumns', { file: r.file, columns: r.missing.join(', ') })
			);
		} else if (r.errors > 0) {
			lines.push(
				tr(opts.locale, 'cli.fileErrors', { file: r.file, errors: r.errors, warnings: r.warnings })
			);
		}
	}
	const fatal =
		loaded.missingRequired.length > 0 ||
		loaded.reports.some(
			(r) => r.missing.length > 0 && (r.dataset === 'districts' || r.dataset === 'framework')
		);
	if (!fatal) {
		const tables: [TableExport, SqlQuery][] = [
			[DOMAIN_SCORES_EXPORT, domainScoresSql()],
			[OVERALL_SCORES_EXPORT, overallScoresSql()],
			[ACTIVITY_METRICS_EXPORT, activityMetricsSql()]
		];
		for (const [spec, query] of tables) {
			const rows = await engine.query(query.sql, query.params);
			outputs[spec.file] = toCsv(
				spec.columns.map(([c]) => c),
				formatForExport(spec, rows)
			);
		}
	}
	if (errors > 0 || fatal) {
		lines.push(tr(opts.locale, 'cli.summary', { errors, warnings }));
	}
	return { ok: errors === 0 && !fatal, outputs, summary: lines.join('\n'), notes };
}
