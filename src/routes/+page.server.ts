import { prefetch } from '$lib/server/prerender-data';
import { keyFiguresSql } from '$lib/metrics/key-figures';
import { heatmapSql, roundsSql } from '$lib/metrics/assessment';
import { activityTrendSql } from '$lib/metrics/activities';
import { statisticIndicatorsSql } from '$lib/metrics/catalog';
import { mapMetricSql, metricTimesSql } from '$lib/metrics/map-metric';

// Computed at build time by the Node engine from data/, for the default view
// (latest round, overall score, sorted by name), so the prerendered page
// shows real numbers before DuckDB starts in the browser.
export async function load() {
	const rounds = await prefetch(roundsSql());
	const round = (rounds.rows[0]?.round as string | undefined) ?? null;
	const overall = { kind: 'overall' } as const;
	return {
		rounds,
		keyFigures: await prefetch(keyFiguresSql(null)),
		heatmap: round ? await prefetch(heatmapSql(round)) : null,
		mapTimes: await prefetch(metricTimesSql(overall)),
		map: round ? await prefetch(mapMetricSql(overall, round)) : null,
		statistics: await prefetch(statisticIndicatorsSql()),
		trend: await prefetch(activityTrendSql())
	};
}
