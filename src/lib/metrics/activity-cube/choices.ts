import type { SqlQuery } from '../../engine/types';
import { districtListSql } from '../catalog';

// Choices for the filters of /actividades and the form that logs an activity.

/** Years with activities, newest first: `year`. */
export function activityYearsSql(): SqlQuery {
	return {
		sql: 'SELECT DISTINCT year(date)::INTEGER AS year FROM activities ORDER BY year DESC',
		params: []
	};
}

/** Districts for the filters and the form: `ubigeo, name, province` (the catalog's one list). */
export const districtChoicesSql = districtListSql;

/** Partners named in the activities, for the filter: `partner` (`''` is none). */
export function partnerChoicesSql(): SqlQuery {
	return {
		sql: `SELECT DISTINCT coalesce(partner, '') AS partner FROM activities ORDER BY partner`,
		params: []
	};
}
