/**
 * The action plan (DESIGN.md §4, actions.csv): what a district will do about
 * the indicators it does not meet yet. Pure: ids, dates, overdue, CSV.
 */
import { DATASET_SPECS, columnSpec } from '../data/schema';
import { parseLocaleDate } from '../data/sniff';
import { ACTION_STATUSES, type ActionStatus, type PlanAction } from '../data/records';
import { ACTION_CSV_COLUMNS } from '../data/tables';
import type { Row } from '../engine/types';
import type { MessageKey } from '../i18n';
import {
	allowedValue,
	csvText,
	missingColumnsProblem,
	normalizeUbigeo,
	readCsv,
	type FileProblem
} from './csv-file';

// one definition of an action for the plan's form and the server (data/records.ts)
export { ACTION_STATUSES, type ActionStatus, type PlanAction };

export const ACTION_COLUMNS: (keyof PlanAction)[] = [...ACTION_CSV_COLUMNS];

export function isStatus(value: unknown): value is ActionStatus {
	return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
	return ISO_DATE.test(text) && parseLocaleDate(text, 'ymd') === text;
}

/** Engine rows of the `actions` table → actions (dates already ISO strings). */
export function toActions(rows: readonly Row[]): PlanAction[] {
	const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
	return rows.map((r) => ({
		action_id: String(r.action_id),
		ubigeo: String(r.ubigeo),
		indicator_id: text(r.indicator_id),
		description: String(r.description ?? ''),
		responsible: text(r.responsible),
		due_date: text(r.due_date)?.slice(0, 10) ?? null,
		status: isStatus(r.status) ? r.status : 'pendiente',
		completed_on: text(r.completed_on)?.slice(0, 10) ?? null
	}));
}

/** `PA-150101-07`: the next number after the district's highest, as the demo data write them. */
export function nextActionId(ubigeo: string, existing: Iterable<string>): string {
	const pattern = new RegExp(`^PA-${ubigeo}-(\\d+)$`);
	let max = 0;
	for (const id of existing) {
		const m = pattern.exec(id);
		if (m) max = Math.max(max, Number(m[1]));
	}
	return `PA-${ubigeo}-${String(max + 1).padStart(2, '0')}`;
}

/** Still open (pendiente, en curso) and due before `today` (both `YYYY-MM-DD`). */
export function isOverdue(action: PlanAction, today: string): boolean {
	return (
		(action.status === 'pendiente' || action.status === 'en_curso') &&
		action.due_date !== null &&
		action.due_date < today
	);
}

/** Days past the due date (0 when not overdue). */
export function daysOverdue(action: PlanAction, today: string): number {
	if (!isOverdue(action, today) || !action.due_date) return 0;
	return Math.round((Date.parse(today) - Date.parse(action.due_date)) / 86_400_000);
}

/**
 * A status change: `completed_on` is set to `today` when an action becomes
 * completada (kept if it already had one), and cleared otherwise, as the
 * contract's rule asks.
 */
export function withStatus(action: PlanAction, status: ActionStatus, today: string): PlanAction {
	return {
		...action,
		status,
		completed_on: status === 'completada' ? (action.completed_on ?? today) : null
	};
}

export type ActionProblem = 'description' | 'due_date' | 'completed_on' | 'indicator';

/** Fields that would make the row an error in actions.csv. */
export function actionProblems(
	action: PlanAction,
	indicatorIds: ReadonlySet<string>
): ActionProblem[] {
	const problems: ActionProblem[] = [];
	if (action.description.trim() === '') problems.push('description');
	if (action.due_date !== null && !isIsoDate(action.due_date)) problems.push('due_date');
	if (action.completed_on !== null && !isIsoDate(action.completed_on))
		problems.push('completed_on');
	if (action.indicator_id !== null && !indicatorIds.has(action.indicator_id))
		problems.push('indicator');
	return problems;
}

/** Open and overdue first, then by due date (none last), then by id. */
export function sortActions(actions: readonly PlanAction[], today: string): PlanAction[] {
	const rank = (a: PlanAction) =>
		isOverdue(a, today) ? 0 : a.status === 'pendiente' || a.status === 'en_curso' ? 1 : 2;
	return [...actions].sort(
		(a, b) =>
			rank(a) - rank(b) ||
			(a.due_date ?? '9999').localeCompare(b.due_date ?? '9999') ||
			a.action_id.localeCompare(b.action_id)
	);
}

export function actionsFileName(ubigeo: string): string {
	return `actions-${ubigeo}.csv`;
}

export function actionsCsv(actions: readonly PlanAction[]): string {
	return csvText(
		ACTION_COLUMNS,
		actions.map((a) => ({ ...a }))
	);
}

export interface ParsedActions {
	actions: PlanAction[];
	otherDistricts: number;
	problems: FileProblem[];
}

const spec = DATASET_SPECS.actions;
const statusSpec = columnSpec(spec, 'status');

/** Reads actions.csv rows for one district; a row with an error is left out and named. */
export function parseActionsCsv(
	bytes: Uint8Array,
	opts: { ubigeo: string; indicatorIds: ReadonlySet<string> }
): ParsedActions {
	const file = readCsv(bytes, spec);
	const result: ParsedActions = { actions: [], otherDistricts: 0, problems: [] };
	if (file.missing.length) {
		result.problems.push(missingColumnsProblem(file));
		return result;
	}
	const seen = new Map<string, number>();
	for (const r of file.records) {
		const cell = (c: string) => (r.get(c) ?? '').trim();
		const optional = (c: string) => (cell(c) === '' ? null : cell(c));
		const problem = (column: string, key: MessageKey, params: Record<string, string> = {}) =>
			result.problems.push({ line: r.line, column, key, params });
		if (normalizeUbigeo(cell('ubigeo')) !== opts.ubigeo) {
			result.otherDistricts++;
			continue;
		}
		const id = cell('action_id');
		if (id === '') {
			problem('action_id', 'assess.import.problem.required', { value: '' });
			continue;
		}
		if (seen.has(id)) {
			problem('action_id', 'assess.import.problem.duplicate', {
				value: id,
				line: String(seen.get(id))
			});
			continue;
		}
		const status = allowedValue(cell('status'), ACTION_STATUSES, statusSpec.valueSynonyms, (k, p) =>
			problem('status', k, p)
		);
		if (status === null) continue;
		const date = (c: string): string | null | false => {
			const raw = optional(c);
			if (raw === null) return null;
			const iso = parseLocaleDate(raw, file.dateOrder);
			if (iso === null) {
				problem(c, 'assess.import.problem.date', { value: raw });
				return false;
			}
			return iso;
		};
		const due = date('due_date');
		const completed = date('completed_on');
		if (due === false || completed === false) continue;
		const action: PlanAction = {
			action_id: id,
			ubigeo: opts.ubigeo,
			indicator_id: optional('indicator_id'),
			description: (r.get('description') ?? '').trim(),
			responsible: optional('responsible'),
			due_date: due,
			status,
			completed_on: completed
		};
		const bad = actionProblems(action, opts.indicatorIds);
		if (bad.includes('description')) {
			problem('description', 'assess.import.problem.required', { value: '' });
			continue;
		}
		if (bad.includes('indicator')) {
			problem('indicator_id', 'assess.import.problem.indicator', {
				value: action.indicator_id ?? ''
			});
			continue;
		}
		seen.set(id, r.line);
		result.actions.push(action);
	}
	return result;
}

export interface ActionChange {
	action: PlanAction;
	kind: 'new' | 'changed';
	fields: { field: keyof PlanAction; from: string | null; to: string | null }[];
}

/** What importing would change: new actions, and changed fields of existing ones. */
export function diffActions(
	current: readonly PlanAction[],
	incoming: readonly PlanAction[]
): ActionChange[] {
	const byId = new Map(current.map((a) => [a.action_id, a]));
	const out: ActionChange[] = [];
	for (const action of incoming) {
		const now = byId.get(action.action_id);
		if (!now) {
			out.push({ action, kind: 'new', fields: [] });
			continue;
		}
		const fields = ACTION_COLUMNS.filter((c) => (now[c] ?? null) !== (action[c] ?? null)).map(
			(field) => ({ field, from: now[field] ?? null, to: action[field] ?? null })
		);
		if (fields.length) out.push({ action, kind: 'changed', fields });
	}
	return out;
}
