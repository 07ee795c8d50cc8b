import { prefetch } from '$lib/server/prerender-data';
import { pageEngine } from '$lib/server/page-engine';
import { keyFiguresSql } from '$lib/metrics/key-figures';
import { heatmapSql, roundsSql } from '$lib/metrics/assessment';
import { activityTrendSql } from '$lib/metrics/activities';
import { statisticIndicatorsSql } from '$lib/metrics/catalog';
import { mapMetricSql, metricTimesSql } from '$lib/metrics/map-metric';

// Computed on the server by the Node engine (at build time for the static
// site, per publication in server mode), for the default view (latest round,
// overall score, sorted by name), so the page shows real numbers before
// DuckDB starts in the browser.
export async function load({ locals }) {
	const e = await pageEngine(locals);
	const rounds = await prefetch(e, roundsSql());
	const round = (rounds.rows[0]?.round as string | undefined) ?? null;
	const overall = { kind: 'overall' } as const;
	return {
		rounds,
		keyFigures: await prefetch(e, keyFiguresSql(null)),
		heatmap: round ? await prefetch(e, heatmapSql(round)) : null,
		mapTimes: await prefetch(e, metricTimesSql(overall)),
		map: round ? await prefetch(e, mapMetricSql(overall, round)) : null,
		statistics: await prefetch(e, statisticIndicatorsSql()),
		trend: await prefetch(e, activityTrendSql())
	};
}
