import { prefetch } from '$lib/server/prerender-data';
import { keyFiguresSql, heatmapSql } from '$lib/metrics/key-figures';
import { roundsSql } from '$lib/metrics/assessment';

// Computed at build time by the Node engine from data/, so the prerendered
// page shows real numbers before DuckDB starts in the browser.
export async function load() {
	const rounds = await prefetch(roundsSql());
	const round = (rounds.rows[0]?.round as string | undefined) ?? null;
	return {
		rounds,
		keyFigures: await prefetch(keyFiguresSql()),
		heatmap: round ? await prefetch(heatmapSql(round)) : null
	};
}
