/**
 * Step 3 for a contract dataset: map the file's headers to the dataset's
 * columns (detect.ts), check on the data that a weakly named code column
 * holds codes, and say what is missing or shadowed.
 */
import type { Engine } from '../../engine/types';
import { mapHeaders } from '../detect';
import { columnSpec, type DatasetSpec } from '../schema';
import { codeShareSql } from './sql/checks';
import type { IssueParams, Severity } from './issues';
import type { RegisteredSource } from './registered';

/** Share of non-empty values that must look like codes for a weakly named column to be kept. */
const CODE_SHARE = 0.8;

export interface MappedColumns {
	/** Canonical column → header of the file. */
	mapping: Record<string, string>;
	/** The same, in the dataset's column order (for the report). */
	ordered: Record<string, string>;
	/** Required canonical columns not found. */
	missing: string[];
}

type IssueSink = (
	severity: Severity,
	code: string,
	key: string,
	params: IssueParams,
	line: number | null,
	column: string | null
) => void;

/**
 * `sourceView` creates the text view `source` of the registered file (once);
 * `issue` records the warnings. Missing required columns are only returned:
 * the caller refuses the file.
 */
export async function mapColumns(
	engine: Engine,
	spec: DatasetSpec,
	columns: string[],
	header: string[],
	given: Record<string, string> | undefined,
	ctx: { reg: RegisteredSource; source: string; sourceView: () => Promise<void> },
	issue: IssueSink
): Promise<MappedColumns> {
	const m = mapHeaders(spec, columns, given, header);
	for (const weak of m.weak) {
		const col = m.mapping[weak];
		const share = codeShareSql(ctx.source, col);
		await ctx.sourceView();
		const [row] = await ctx.reg.read(() => engine.query(share.sql, share.params));
		const codes = Number(row.codes);
		const nonEmpty = Number(row.nonEmpty);
		if (nonEmpty === 0 || codes / nonEmpty < CODE_SHARE) {
			delete m.mapping[weak];
			issue('warning', 'column_not_codes', 'import.columns.not_codes', { header: col }, null, col);
			if (columnSpec(spec, weak).required) m.missing.push(weak);
		}
	}
	const ordered = Object.fromEntries(
		spec.columns.filter((c) => c.name in m.mapping).map((c) => [c.name, m.mapping[c.name]])
	);
	const missing = spec.columns.filter((c) => m.missing.includes(c.name)).map((c) => c.name);
	if (missing.length > 0) return { mapping: m.mapping, ordered, missing };
	for (const s of m.shadowed) {
		const at = columns.indexOf(s.header);
		// A header written twice was renamed (`ubigeo` → `ubigeo_1`) to stage it: name it as written.
		const repeated = header[at] !== s.header;
		issue(
			'warning',
			'column_duplicate',
			repeated ? 'import.columns.repeated' : 'import.columns.duplicate',
			repeated
				? { header: header[at], position: at + 1, name: s.header }
				: { header: s.header, column: s.column, source: m.mapping[s.column] },
			null,
			s.header
		);
	}
	return { mapping: m.mapping, ordered, missing };
}

/** "ubigeo, participants_total (participantes)": canonical names with the first Spanish synonym. */
export function columnList(spec: DatasetSpec, names: readonly string[]): string {
	return names
		.map((n) => {
			const syn = columnSpec(spec, n).synonyms[0];
			return syn ? `${n} (${syn})` : n;
		})
		.join(', ');
}
