import { tr, trUnder, type Locale } from '$lib/i18n';
import type { ExploreMetric } from '$lib/metrics/explore';

/** A metric's name, e.g. "Puntaje: Alianzas". Statistic names come from the framework. */
export function metricLabel(
	locale: Locale,
	m: ExploreMetric,
	statisticName: (id: string) => string | null = () => null
): string {
	switch (m.kind) {
		case 'overall':
			return tr(locale, 'exp.metric.overall');
		case 'score':
			return tr(locale, 'exp.metric.score', { domain: trUnder(locale, 'domain.', m.domain) });
		case 'completeness':
			return tr(locale, 'exp.metric.completeness', {
				domain: trUnder(locale, 'domain.', m.domain)
			});
		case 'activity':
			return tr(locale, `exp.metric.activity.${m.measure}`);
		case 'statistic':
			return statisticName(m.indicatorId) ?? m.indicatorId;
	}
}

/** Digits shown for a metric's values (scores and counts: 0; rates: 1). */
export function metricDigits(m: ExploreMetric): number {
	if (m.kind === 'activity') return m.measure === 'reach_per_1000_migrants' ? 1 : 0;
	if (m.kind === 'statistic') return 1;
	return 0;
}
