import { tr, trUnder, formatNumber, type Locale } from '$lib/i18n';

export interface DomainFact {
	domain: number;
	score: number | null;
	level: string | null;
	change: number | null;
	completeness: number | null;
	answered: number;
	applicable: number;
}

export interface IndicatorFact {
	indicator_id: string;
	domain: number;
	text: string;
	answer: string | null;
}

export interface Narrative {
	strengths: string[];
	potential: string[];
}

const STRONG = new Set(['avanzado', 'consolidado']);
/** How many unmet indicators to name per domain; the full list is in the table below it. */
const NAMED = 3;

/**
 * "Áreas bien desarrolladas" and "áreas con potencial de desarrollo", built
 * only from the round's data: each sentence restates a score, a level, a
 * change or an answer, and nothing is inferred beyond them.
 */
export function buildNarrative(
	domains: DomainFact[],
	indicators: IndicatorFact[],
	previousRound: string | null,
	locale: Locale
): Narrative {
	const n = (v: number) => formatNumber(v, locale);
	const name = (d: number) => trUnder(locale, 'domain.', d);
	// inside a sentence the level is a common noun: "nivel avanzado"
	const level = (l: string | null) => trUnder(locale, 'level.', l).toLocaleLowerCase(locale);
	const met = (d: number) => indicators.filter((i) => i.domain === d && i.answer === 'cumple');
	const unmet = (d: number) =>
		indicators.filter(
			(i) => i.domain === d && (i.answer === 'no_cumple' || i.answer === 'parcial')
		);
	const changeText = (f: DomainFact) =>
		f.change === null || previousRound === null
			? ''
			: ' ' +
				tr(
					locale,
					f.change >= 0.5 ? 'narrative.up' : f.change <= -0.5 ? 'narrative.down' : 'narrative.flat',
					{
						change: n(Math.abs(f.change)),
						round: previousRound
					}
				);

	const scored = domains.filter((f) => f.score !== null);
	const strengths: string[] = [];
	const potential: string[] = [];

	for (const f of [...scored].sort((a, b) => b.score! - a.score! || a.domain - b.domain)) {
		if (!STRONG.has(f.level ?? '')) continue;
		strengths.push(
			tr(locale, 'narrative.strong', {
				domain: name(f.domain),
				score: n(f.score!),
				level: level(f.level),
				met: met(f.domain).length,
				applicable: f.applicable
			}) + changeText(f)
		);
	}
	for (const f of scored) {
		if (STRONG.has(f.level ?? '') || f.change === null || f.change < 10) continue;
		strengths.push(
			tr(locale, 'narrative.improved', {
				domain: name(f.domain),
				change: n(f.change),
				round: previousRound ?? ''
			})
		);
	}
	if (strengths.length === 0 && scored.length > 0) {
		const best = [...scored].sort((a, b) => b.score! - a.score! || a.domain - b.domain)[0];
		strengths.push(
			tr(locale, 'narrative.noneStrong', { domain: name(best.domain), score: n(best.score!) })
		);
	}

	for (const f of [...scored].sort((a, b) => a.score! - b.score! || a.domain - b.domain)) {
		if (STRONG.has(f.level ?? '')) continue;
		const gaps = unmet(f.domain);
		const named = gaps.slice(0, NAMED).map((i) => `${i.indicator_id} ${i.text}`);
		potential.push(
			tr(locale, 'narrative.weak', {
				domain: name(f.domain),
				score: n(f.score!),
				level: level(f.level),
				gaps: gaps.length
			}) +
				changeText(f) +
				(named.length ? ' ' + tr(locale, 'narrative.gapsNamed', { list: named.join('; ') }) : '')
		);
	}
	for (const f of domains) {
		if (f.score === null && f.applicable > 0) {
			potential.push(tr(locale, 'narrative.unanswered', { domain: name(f.domain) }));
		} else if (f.completeness !== null && f.completeness < 100 && f.score !== null) {
			potential.push(
				tr(
					locale,
					f.applicable - f.answered === 1 ? 'narrative.incomplete.one' : 'narrative.incomplete',
					{
						domain: name(f.domain),
						missing: f.applicable - f.answered
					}
				)
			);
		}
	}
	return { strengths, potential };
}
