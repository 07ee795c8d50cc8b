import type { SqlQuery } from '../engine/types';

/** What the loaded data offer to choose from: districts and statistic indicators, for pickers. */

/** Every district, for the picker: `ubigeo, name, province`. */
export function districtListSql(): SqlQuery {
	return {
		sql: 'SELECT ubigeo, name, province FROM districts ORDER BY name COLLATE NOACCENT.NOCASE, ubigeo',
		params: []
	};
}

/** Statistic indicators and their names, for the metric pickers: `indicator_id, text_es, text_en, unit`. */
export function statisticIndicatorsSql(): SqlQuery {
	return {
		sql: `SELECT indicator_id, text_es, text_en, unit FROM framework WHERE kind = 'statistic' ORDER BY indicator_id`,
		params: []
	};
}
