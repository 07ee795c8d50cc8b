/** A district's rounds as its rounds page lists them (pure). */
import type { Row } from '../engine/types';
import { isRoundName, type Draft, type Indicator } from './model';

/** 'data': from the loaded datasets; 'local': completed in this browser; 'draft': being answered. */
export type RoundKind = 'draft' | 'local' | 'data';

export interface RoundItem {
	round: string;
	kind: RoundKind;
	/** Overall score (drafts have none here). */
	score: number | null;
	complete: boolean;
	/** Drafts: indicators answered so far. */
	answered: number;
	/** Drafts: last saved; local rounds: completed. */
	savedAt: string | null;
}

/** Newest first; a round in the engine's data wins over a draft of the same name. */
export function listRounds(
	overall: readonly Row[],
	drafts: readonly Draft[],
	indicators: readonly Indicator[]
): RoundItem[] {
	const local = new Map(drafts.map((d) => [d.round, d]));
	const list: RoundItem[] = overall.map((r) => {
		const d = local.get(String(r.round));
		return {
			round: String(r.round),
			kind: d?.status === 'completed' ? 'local' : 'data',
			score: typeof r.score === 'number' ? r.score : null,
			complete: r.complete === true,
			answered: 0,
			savedAt: d?.completedAt ?? null
		};
	});
	for (const d of drafts) {
		if (d.status !== 'draft' || list.some((x) => x.round === d.round)) continue;
		list.push({
			round: d.round,
			kind: 'draft',
			score: null,
			complete: false,
			answered: indicators.filter((i) => d.answers[i.id]?.answer).length,
			savedAt: d.updatedAt
		});
	}
	return list.sort((a, b) => b.round.localeCompare(a.round));
}

/** Why a name cannot start a new round: not a round name, a round of the data, a draft here. */
export type NameProblem = 'format' | 'exists' | 'draft';

export function nameProblem(
	name: string,
	dataRounds: readonly string[],
	drafts: readonly Draft[]
): NameProblem | null {
	if (!isRoundName(name)) return 'format';
	if (dataRounds.includes(name)) return 'exists';
	if (drafts.some((d) => d.round === name)) return 'draft';
	return null;
}
