/**
 * A round as `assessments.csv` rows (DESIGN.md §4), and back: export a draft,
 * read a file (ours or a colleague's), and say what applying it would change.
 */
import { DATASET_SPECS, columnSpec } from '../data/schema';
import type { CsvCell } from '../data/csv-export';
import type { MessageKey } from '../i18n';
import {
	allowedValue,
	csvText,
	missingColumnsProblem,
	normalizeTimestamp,
	normalizeUbigeo,
	readCsv,
	type FileProblem
} from './csv-file';
import {
	ANSWERS,
	isHttpUrl,
	isRoundName,
	hasContent,
	type Answer,
	type Draft,
	type DraftAnswer,
	type Indicator
} from './model';

/** The contract's columns, then `notes` (an extra column: the importer keeps and ignores it). */
export const ROUND_COLUMNS = [
	'ubigeo',
	'round',
	'indicator_id',
	'answer',
	'evidence',
	'source_url',
	'updated_at',
	'notes'
];

const spec = DATASET_SPECS.assessments;
const answerSpec = columnSpec(spec, 'answer');
const NOTES_HEADERS = ['notes', 'notas', 'notas_taller'];

/** `assessments-150101-2025.csv`: the importer on /datos recognises it by its name. */
export function roundFileName(ubigeo: string, round: string): string {
	return `assessments-${ubigeo}-${round}.csv`;
}

/**
 * Every indicator that holds something, in form order. An indicator with
 * text but no answer yet is written as `no_sabe`, the contract's word for
 * "unanswered", so that no typed evidence is left out of the file.
 */
export function roundCsv(draft: Draft, indicators: readonly Indicator[]): string {
	const rows: Record<string, CsvCell>[] = [];
	for (const ind of indicators) {
		const a = draft.answers[ind.id];
		if (!hasContent(a)) continue;
		rows.push({
			ubigeo: draft.ubigeo,
			round: draft.round,
			indicator_id: ind.id,
			answer: a.answer ?? 'no_sabe',
			evidence: a.evidence,
			source_url: a.source_url,
			updated_at: a.updated_at,
			notes: a.notes
		});
	}
	return csvText(ROUND_COLUMNS, rows);
}

/** What a file says about one indicator; a field the file has no column for is undefined. */
export interface IncomingAnswer {
	answer: Answer;
	evidence?: string;
	source_url?: string;
	notes?: string;
	updated_at: string | null;
}

export interface ParsedRound {
	/** The round read from the file (for this district), or null when none. */
	round: string | null;
	/** Other rounds of this district in the file, not read. */
	otherRounds: string[];
	/** Rows of other districts, not read. */
	otherDistricts: number;
	answers: Record<string, IncomingAnswer>;
	problems: FileProblem[];
}

export interface ParseRoundOptions {
	ubigeo: string;
	/** The round being edited: read it when the file has it, else the file's latest round. */
	round: string;
	indicators: readonly Indicator[];
}

/**
 * Reads a round from a CSV file. A row with an error is left out and named
 * (line, column, what to do): an unknown indicator, an answer out of the set,
 * a link that is not http(s), a round name off the contract, a repeated
 * indicator. Rows of other districts are counted and left out.
 */
export function parseRoundCsv(bytes: Uint8Array, opts: ParseRoundOptions): ParsedRound {
	const file = readCsv(bytes, spec, NOTES_HEADERS);
	const result: ParsedRound = {
		round: null,
		otherRounds: [],
		otherDistricts: 0,
		answers: {},
		problems: []
	};
	if (file.missing.length) {
		result.problems.push(missingColumnsProblem(file));
		return result;
	}
	const known = new Set(opts.indicators.map((i) => i.id));
	const has = (c: string) => file.columns.has(c);
	const notesColumn = NOTES_HEADERS.find(has);
	const byRound = new Map<string, { line: number; id: string; value: IncomingAnswer }[]>();

	for (const r of file.records) {
		const cell = (c: string) => r.get(c) ?? '';
		const problem = (column: string, key: MessageKey, params: Record<string, string> = {}) =>
			result.problems.push({ line: r.line, column, key, params });
		if (normalizeUbigeo(cell('ubigeo')) !== opts.ubigeo) {
			result.otherDistricts++;
			continue;
		}
		const round = cell('round').trim();
		if (!isRoundName(round)) {
			problem('round', 'assess.import.problem.round', { value: round });
			continue;
		}
		const id = cell('indicator_id').trim();
		if (!known.has(id)) {
			problem('indicator_id', 'assess.import.problem.indicator', { value: id });
			continue;
		}
		const answer = allowedValue(cell('answer'), ANSWERS, answerSpec.valueSynonyms, (k, p) =>
			problem('answer', k, p)
		);
		if (answer === null) continue;
		const url = cell('source_url').trim();
		if (!isHttpUrl(url)) {
			problem('source_url', 'assess.import.problem.url', { value: url });
			continue;
		}
		const updated = cell('updated_at');
		const updatedAt = normalizeTimestamp(updated);
		if (updated.trim() !== '' && updatedAt === null) {
			problem('updated_at', 'assess.import.problem.timestamp', { value: updated });
		}
		const value: IncomingAnswer = { answer, updated_at: updatedAt };
		if (has('evidence')) value.evidence = cell('evidence');
		if (has('source_url')) value.source_url = url;
		if (notesColumn) value.notes = cell(notesColumn);
		const rows = byRound.get(round) ?? [];
		byRound.set(round, rows);
		const first = rows.find((x) => x.id === id);
		if (first) {
			problem('indicator_id', 'assess.import.problem.duplicate', {
				value: id,
				line: String(first.line)
			});
			continue;
		}
		rows.push({ line: r.line, id, value });
	}

	const rounds = [...byRound.keys()].sort();
	const chosen = byRound.has(opts.round) ? opts.round : (rounds.at(-1) ?? null);
	result.round = chosen;
	result.otherRounds = rounds.filter((r) => r !== chosen);
	for (const row of chosen ? (byRound.get(chosen) ?? []) : []) result.answers[row.id] = row.value;
	return result;
}

export type AnswerField = 'answer' | 'evidence' | 'source_url' | 'notes';
const FIELDS: AnswerField[] = ['answer', 'evidence', 'source_url', 'notes'];

export interface FieldChange {
	field: AnswerField;
	from: string | null;
	to: string | null;
}

export interface IndicatorChange {
	indicator: Indicator;
	/** 'new': nothing was there; 'changed': at least one field differs. */
	kind: 'new' | 'changed';
	changes: FieldChange[];
}

/** What applying the file would change, indicator by indicator, in form order. */
export function diffRound(
	current: Readonly<Record<string, DraftAnswer>>,
	incoming: Readonly<Record<string, IncomingAnswer>>,
	indicators: readonly Indicator[]
): IndicatorChange[] {
	const out: IndicatorChange[] = [];
	for (const indicator of indicators) {
		const next = incoming[indicator.id];
		if (!next) continue;
		const now = current[indicator.id];
		const changes: FieldChange[] = [];
		for (const field of FIELDS) {
			const to = next[field];
			if (to === undefined) continue;
			const from = now ? now[field] : null;
			if ((from ?? '') !== (to ?? '')) changes.push({ field, from: from || null, to: to || null });
		}
		if (changes.length) out.push({ indicator, kind: hasContent(now) ? 'changed' : 'new', changes });
	}
	return out;
}

/** The answers after applying the file: fields the file has replace ours; the rest stay. */
export function applyRound(
	current: Readonly<Record<string, DraftAnswer>>,
	incoming: Readonly<Record<string, IncomingAnswer>>,
	changed: readonly IndicatorChange[],
	now: string
): Record<string, DraftAnswer> {
	const next: Record<string, DraftAnswer> = { ...current };
	for (const { indicator } of changed) {
		const inc = incoming[indicator.id];
		const base = current[indicator.id];
		next[indicator.id] = {
			answer: inc.answer,
			evidence: inc.evidence ?? base?.evidence ?? '',
			source_url: inc.source_url ?? base?.source_url ?? '',
			notes: inc.notes ?? base?.notes ?? '',
			updated_at: inc.updated_at ?? now
		};
	}
	return next;
}
