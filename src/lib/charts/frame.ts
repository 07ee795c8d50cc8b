import { formatNumber } from '$lib/i18n';
import { i18n } from '$lib/i18n/locale.svelte';

/**
 * The ids a chart gets from `ChartFrame`'s `chart` snippet: its `<svg>` is
 * labelled by the frame's heading and described by the frame's sentence.
 */
export interface FrameIds {
	/** Id of the title, from ChartFrame (required). */
	titleId: string;
	/** Id of the description, from ChartFrame (required). */
	descriptionId: string;
}

/** The props the charts share beside their data and their size. */
export interface ChartProps<K = string> extends FrameIds {
	/** Formats a value; default `localeNumber`. */
	format?: (value: number) => string;
	/** Called with a mark's key (its row, line, category or domain) when it is activated; default none (marks only show their tooltip). */
	onselect?: (key: K) => void;
}

/** The charts' default format: 0 decimals in the current locale. */
export const localeNumber = (value: number): string => formatNumber(value, i18n.locale);
