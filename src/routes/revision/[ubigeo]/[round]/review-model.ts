/**
 * A round beside the one before it, indicator by indicator, grouped by MGI
 * domain: pure data for the review page (no translation here: codes only).
 */
export interface ReviewAnswer {
	indicator_id: string;
	answer: string;
	evidence: string | null;
	source_url: string | null;
}

export interface ReviewComment {
	version: number;
	indicator_id: string;
	text: string;
	at: string;
	by: string | null;
}

export interface FrameworkIndicator {
	indicator_id: string;
	domain: number;
	text_es: string;
	text_en: string;
}

/**
 * - `changed`: both rounds answered, with different values
 * - `new`: answered now, not in the previous round
 * - `same`: the same value as before
 * - `none`: not answered in this round
 * - `first`: answered, and there is no previous round to compare with
 */
export type Change = 'changed' | 'new' | 'same' | 'none' | 'first';

export interface IndicatorRow {
	indicator: FrameworkIndicator;
	current: ReviewAnswer | null;
	previous: ReviewAnswer | null;
	change: Change;
	/** this round's comments on it, oldest first */
	comments: ReviewComment[];
}

export interface DomainGroup {
	domain: number;
	rows: IndicatorRow[];
}

export function changeOf(
	current: ReviewAnswer | null,
	previous: ReviewAnswer | null,
	hasPrevious: boolean
): Change {
	if (!current) return 'none';
	if (!hasPrevious) return 'first';
	if (!previous) return 'new';
	return current.answer === previous.answer ? 'same' : 'changed';
}

/**
 * Every indicator of the framework (and any answered one it lacks, under
 * its code's domain), in the framework's order, grouped by domain.
 */
export function reviewGroups(
	indicators: readonly FrameworkIndicator[],
	current: readonly ReviewAnswer[],
	previous: readonly ReviewAnswer[] | null,
	comments: readonly ReviewComment[]
): DomainGroup[] {
	const now = new Map(current.map((a) => [a.indicator_id, a]));
	const before = new Map((previous ?? []).map((a) => [a.indicator_id, a]));
	const all = [...indicators];
	const known = new Set(all.map((i) => i.indicator_id));
	for (const id of [...now.keys(), ...before.keys()])
		if (!known.has(id)) {
			known.add(id);
			// "D3.07" belongs to domain 3
			const domain = Number(/^D(\d+)\./.exec(id)?.[1] ?? 0);
			all.push({ indicator_id: id, domain, text_es: id, text_en: id });
		}
	const groups = new Map<number, IndicatorRow[]>();
	for (const indicator of all) {
		const id = indicator.indicator_id;
		const row: IndicatorRow = {
			indicator,
			current: now.get(id) ?? null,
			previous: before.get(id) ?? null,
			change: changeOf(now.get(id) ?? null, before.get(id) ?? null, previous !== null),
			comments: comments.filter((c) => c.indicator_id === id)
		};
		if (!groups.has(indicator.domain)) groups.set(indicator.domain, []);
		groups.get(indicator.domain)!.push(row);
	}
	return [...groups.entries()]
		.sort(([a], [b]) => a - b)
		.map(([domain, rows]) => ({ domain, rows }));
}

/** The comments to send: the non-empty drafts, trimmed, in the page's order. */
export function draftComments(
	drafts: Record<string, string>,
	order: readonly string[]
): { indicator_id: string; text: string }[] {
	return order
		.map((id) => ({ indicator_id: id, text: (drafts[id] ?? '').trim() }))
		.filter((c) => c.text !== '');
}
