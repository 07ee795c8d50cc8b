import { parseMapMetric, type MapMetric } from '$lib/metrics/map-metric';
import type { ClassMethod } from '$lib/charts/classify';
import { urlParam } from '$lib/url-state.svelte';

export type HeatmapSort = 'name' | 'province' | 'overall';

/**
 * The observatory's selections, read from the URL: `ronda`, `orden`,
 * `metrica`, `tiempo`, `clasif`, `distrito`. Absent values mean the
 * defaults the page was prerendered with.
 */
export class ObservatoryView {
	/** The round chosen, or null for the latest. */
	round = $derived(urlParam('ronda'));
	sort = $derived<HeatmapSort>(parseSort(urlParam('orden')));
	metric = $derived<MapMetric>(parseMapMetric(urlParam('metrica')));
	/** The year or period for activity and statistic metrics, or null for the latest. */
	time = $derived(urlParam('tiempo'));
	method = $derived<ClassMethod>(urlParam('clasif') === 'equal' ? 'equal' : 'quantile');
	district = $derived(urlParam('distrito'));
}

function parseSort(text: string | null): HeatmapSort {
	return text === 'province' || text === 'overall' ? text : 'name';
}
