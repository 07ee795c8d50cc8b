/**
 * The self-assessment model (DESIGN.md §4, assessments.csv): the indicators
 * of the loaded framework, a draft round of answers, and the rules a round
 * must meet to be marked complete. Pure: no engine, no storage, no DOM.
 */
import type { Locale } from '../i18n/types';
import type { Row } from '../engine/types';

/** In the order shown and keyed 1–5 in the workshop. */
export const ANSWERS = ['cumple', 'parcial', 'no_cumple', 'no_aplica', 'no_sabe'] as const;
export type Answer = (typeof ANSWERS)[number];

export function isAnswer(value: unknown): value is Answer {
	return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

/** A policy indicator of the framework, as the form shows it. */
export interface Indicator {
	id: string;
	domain: number;
	subarea: string | null;
	textEs: string;
	textEn: string | null;
	guidanceEs: string | null;
	guidanceEn: string | null;
	weight: number;
}

export interface DraftAnswer {
	/** null: not answered yet (the evidence may already be typed). */
	answer: Answer | null;
	evidence: string;
	source_url: string;
	/** Workshop notes: kept in the draft and its export (an extra column), not in the dashboards. */
	notes: string;
	/** ISO 8601, when this indicator last changed. */
	updated_at: string | null;
}

export type DraftStatus = 'draft' | 'completed';

export interface Draft {
	/** `ubigeo:round`: one draft per district and round. */
	id: string;
	ubigeo: string;
	round: string;
	status: DraftStatus;
	createdAt: string;
	updatedAt: string;
	completedAt: string | null;
	/** The round the answers were copied from, if any. */
	prefilledFrom: string | null;
	/** By indicator id; an indicator nobody touched has no entry. */
	answers: Record<string, DraftAnswer>;
	/**
	 * Server mode: the version of the round on the Integra server these
	 * answers are (sent from this device, or loaded from the server); the next
	 * send starts from it (`base_version`). Absent: never on the server.
	 */
	server?: DraftServer | null;
}

export interface DraftServer {
	version: number;
	/** ISO 8601, when this device sent it; null when it was loaded from the server. */
	sentAt: string | null;
}

export function draftId(ubigeo: string, round: string): string {
	return `${ubigeo}:${round}`;
}

/** `YYYY`, `YYYY-S1` or `YYYY-S2` (DESIGN.md §4): rounds sort as text. */
export const ROUND_PATTERN = /^\d{4}(-S[12])?$/;

export function isRoundName(text: string): boolean {
	return ROUND_PATTERN.test(text);
}

/**
 * The round a new assessment most likely is: this year, unless the district
 * already has it (in the data or as a draft); then this year's next semester.
 * Null when all of this year's names are taken.
 */
export function suggestRoundName(today: string, taken: readonly string[]): string | null {
	const year = today.slice(0, 4);
	const used = new Set(taken);
	const month = Number(today.slice(5, 7));
	const candidates = [year, month > 6 ? `${year}-S2` : `${year}-S1`, `${year}-S2`];
	return candidates.find((c) => !used.has(c)) ?? null;
}

/** Only http and https links are kept (DESIGN.md §9). Empty is valid: the link is optional. */
export function isHttpUrl(text: string): boolean {
	const value = text.trim();
	if (value === '') return true;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

export function blankAnswer(): DraftAnswer {
	return { answer: null, evidence: '', source_url: '', notes: '', updated_at: null };
}

export function emptyDraft(ubigeo: string, round: string, now: string): Draft {
	return {
		id: draftId(ubigeo, round),
		ubigeo,
		round,
		status: 'draft',
		createdAt: now,
		updatedAt: now,
		completedAt: null,
		prefilledFrom: null,
		answers: {}
	};
}

/** A row of the `assessments` table as the engine returns it. */
export interface AssessmentRow extends Row {
	indicator_id: string;
	answer: string;
	evidence: string | null;
	source_url: string | null;
	updated_at: string | null;
}

/** Answers copied from rows of another round (the district's latest). */
export function answersFromRows(rows: readonly AssessmentRow[]): Record<string, DraftAnswer> {
	const answers: Record<string, DraftAnswer> = {};
	for (const r of rows) {
		if (!isAnswer(r.answer)) continue;
		answers[r.indicator_id] = {
			answer: r.answer,
			evidence: r.evidence ?? '',
			source_url: r.source_url ?? '',
			notes: '',
			updated_at: r.updated_at
		};
	}
	return answers;
}

/** Whether an entry carries anything worth keeping (an answer or some text). */
export function hasContent(a: DraftAnswer | undefined): a is DraftAnswer {
	return !!a && (a.answer !== null || a.evidence !== '' || a.source_url !== '' || a.notes !== '');
}

/** Engine rows (`indicator_id`, `domain`, ...) → indicators, in natural id order within each domain. */
export function toIndicators(rows: readonly Row[]): Indicator[] {
	const collator = new Intl.Collator('en', { numeric: true });
	const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
	return rows
		.map((r) => ({
			id: String(r.indicator_id),
			domain: Number(r.domain),
			subarea: text(r.subarea),
			textEs: String(r.text_es ?? r.indicator_id),
			textEn: text(r.text_en),
			guidanceEs: text(r.guidance_es),
			guidanceEn: text(r.guidance_en),
			weight: r.weight === null || r.weight === undefined ? 1 : Number(r.weight)
		}))
		.sort((a, b) => a.domain - b.domain || collator.compare(a.id, b.id));
}

export function indicatorText(ind: Indicator, locale: Locale): string {
	return locale === 'en' ? (ind.textEn ?? ind.textEs) : ind.textEs;
}

export function indicatorGuidance(ind: Indicator, locale: Locale): string | null {
	return locale === 'en' ? (ind.guidanceEn ?? ind.guidanceEs) : ind.guidanceEs;
}

export interface SubareaGroup {
	/** null: indicators without a subarea. */
	name: string | null;
	indicators: Indicator[];
}

export interface DomainGroup {
	domain: number;
	subareas: SubareaGroup[];
	indicators: Indicator[];
}

/** Domains in order; within each, subareas in the order their first indicator appears. */
export function groupIndicators(indicators: readonly Indicator[]): DomainGroup[] {
	const domains: DomainGroup[] = [];
	for (const ind of indicators) {
		let d = domains.find((g) => g.domain === ind.domain);
		if (!d) {
			d = { domain: ind.domain, subareas: [], indicators: [] };
			domains.push(d);
		}
		d.indicators.push(ind);
		let s = d.subareas.find((g) => g.name === ind.subarea);
		if (!s) {
			s = { name: ind.subarea, indicators: [] };
			d.subareas.push(s);
		}
		s.indicators.push(ind);
	}
	return domains.sort((a, b) => a.domain - b.domain);
}

export type MissingReason = 'unanswered' | 'no_sabe' | 'evidence' | 'url';

export interface Missing {
	indicator: Indicator;
	reason: MissingReason;
}

/**
 * What stops the round from being marked complete, in form order: every
 * applicable indicator answered (no "No sabe"), evidence for every Cumple
 * and Parcial, and no source link that is not http(s).
 */
export function missingForFinish(
	indicators: readonly Indicator[],
	answers: Readonly<Record<string, DraftAnswer>>
): Missing[] {
	const missing: Missing[] = [];
	for (const indicator of indicators) {
		const a = answers[indicator.id];
		const answer = a?.answer ?? null;
		if (answer === null) missing.push({ indicator, reason: 'unanswered' });
		else if (answer === 'no_sabe') missing.push({ indicator, reason: 'no_sabe' });
		else if ((answer === 'cumple' || answer === 'parcial') && (a?.evidence ?? '').trim() === '')
			missing.push({ indicator, reason: 'evidence' });
		if (a && !isHttpUrl(a.source_url)) missing.push({ indicator, reason: 'url' });
	}
	return missing;
}

/** The answered indicators whose answer is not "cumple": what an action plan starts from. */
export function unmetIndicators(
	indicators: readonly Indicator[],
	answers: Readonly<Record<string, DraftAnswer>>
): { indicator: Indicator; answer: 'no_cumple' | 'parcial' }[] {
	return indicators.flatMap((indicator) => {
		const answer = answers[indicator.id]?.answer;
		return answer === 'no_cumple' || answer === 'parcial' ? [{ indicator, answer }] : [];
	});
}

/** The contract's rows for a round: one per indicator with an answer, in form order. */
export interface RoundRow {
	ubigeo: string;
	round: string;
	indicator_id: string;
	answer: Answer;
	evidence: string;
	source_url: string;
	updated_at: string | null;
}

export function roundRows(draft: Draft, indicators: readonly Indicator[]): RoundRow[] {
	return indicators.flatMap((ind) => {
		const a = draft.answers[ind.id];
		if (!a || a.answer === null) return [];
		return [
			{
				ubigeo: draft.ubigeo,
				round: draft.round,
				indicator_id: ind.id,
				answer: a.answer,
				evidence: a.evidence,
				source_url: a.source_url.trim(),
				updated_at: a.updated_at
			}
		];
	});
}
