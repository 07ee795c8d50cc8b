/**
 * Import issues are stored as a message key with its parameters, not as
 * text: the screen, the command line and the CSV report translate them
 * where they show them (`issueText`), so a switch of language re-renders
 * the report without reading the file again.
 *
 * `message` is kept on every issue as a convenience: the text in the locale
 * the import was asked in (the CLI, the server and the tests read it). It is
 * computed when read, from the key and parameters.
 */
import { formatNumber, hasKey, tr, type Locale } from '../../i18n';

export type Severity = 'error' | 'warning';

/** A parameter of an issue's message: plain, a number to format, or another message (a label). */
export type IssueParam =
	string | number | { number: number } | { key: string; params?: Record<string, string | number> };

export type IssueParams = Record<string, IssueParam>;

export interface ImportIssue {
	file: string;
	/** Line in the file (header = 1); null for a problem with the whole file. */
	line: number | null;
	/** The column as named in the file (or the canonical name when it is absent). */
	column: string | null;
	severity: Severity;
	code: string;
	/** The message key (`import.…`) and its parameters: what is wrong and what to do. */
	key: string;
	params: IssueParams;
	/** The message in the locale the import was asked in (see the module comment). */
	readonly message: string;
}

function paramText(p: IssueParam, locale: Locale): string | number {
	if (typeof p !== 'object') return p;
	if ('number' in p) return formatNumber(p.number, locale);
	return message(locale, p.key, p.params);
}

/**
 * Keys are built from the check's code (`import.issue.${code}`) and come back
 * from stored reports, so they are checked when shown, not typed: an unknown
 * one shows as itself (the pipeline's tests check every code has a message).
 */
function message(locale: Locale, key: string, params?: Record<string, string | number>): string {
	return hasKey(key) ? tr(locale, key, params) : key;
}

/** The issue's message in `locale`. */
export function issueText(
	issue: Pick<ImportIssue, 'file' | 'key' | 'params'>,
	locale: Locale
): string {
	const params: Record<string, string | number> = { file: issue.file };
	for (const [k, v] of Object.entries(issue.params)) params[k] = paramText(v, locale);
	return message(locale, issue.key, params);
}

/** What an issue says of its file: how grave, its code, its message and where (line, column). */
export type IssueWhat = [
	severity: Severity,
	code: string,
	key: string,
	params?: IssueParams,
	line?: number | null,
	column?: string | null
];

/**
 * An issue. `locale` is only the language of its `message` convenience;
 * the issue itself holds the key and parameters.
 */
export function makeIssue(
	locale: Locale,
	file: string,
	...[severity, code, key, params = {}, line = null, column = null]: IssueWhat
): ImportIssue {
	return {
		file,
		line,
		column,
		severity,
		code,
		key,
		params,
		get message() {
			return issueText(this, locale);
		}
	};
}

export interface IssueKind {
	code: string;
	severity: Severity;
	count: number;
}

/** Totals by kind of a list of issues (for reports whose every issue is listed). */
export function countKinds(issues: readonly ImportIssue[]): IssueKind[] {
	const map = new Map<string, IssueKind>();
	for (const i of issues) {
		const k = `${i.severity}:${i.code}`;
		const kind = map.get(k) ?? { code: i.code, severity: i.severity, count: 0 };
		kind.count++;
		map.set(k, kind);
	}
	return sortKinds([...map.values()]);
}

/** Errors first, then the most frequent, then by code. */
export function sortKinds(kinds: IssueKind[]): IssueKind[] {
	return kinds.sort(
		(a, b) =>
			(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
			b.count - a.count ||
			a.code.localeCompare(b.code)
	);
}

/** A row of `validation_report.csv` (a type alias, so it fits `Record<string, CsvCell>`). */
export type ReportCsvRow = {
	file: string;
	line: number | null;
	column: string | null;
	severity: Severity;
	message: string;
};

/** Rows for `validation_report.csv`: one per issue, in report order, in `locale`. */
export function issuesToCsvRows(
	reports: readonly { issues: readonly ImportIssue[] }[],
	locale?: Locale
): ReportCsvRow[] {
	return reports.flatMap((r) =>
		r.issues.map((i) => ({
			file: i.file,
			line: i.line,
			column: i.column,
			severity: i.severity,
			message: locale ? issueText(i, locale) : i.message
		}))
	);
}
