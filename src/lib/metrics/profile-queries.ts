import type { SqlQuery } from '../engine/types';
import { activityMetricsSql } from './activities';
import { domainScoresSql, overallScoresSql } from './assessment';
import {
	activityBreakdownSql,
	districtActionsSql,
	districtRoundsSql,
	districtSql,
	districtStatisticsSql,
	indicatorAnswersSql
} from './profile';

/**
 * Every query of one district profile, by name. The page runs them live; the
 * build runs the same list in Node to prerender the page. `round` is the
 * round whose indicators are listed.
 */
export function profileQueries(ubigeo: string, round: string | null) {
	const queries = {
		district: districtSql(ubigeo),
		rounds: districtRoundsSql(ubigeo),
		domainScores: domainScoresSql({ ubigeo }),
		overallScores: overallScoresSql({ ubigeo }),
		activityYears: activityMetricsSql({ ubigeo }),
		byType: activityBreakdownSql(ubigeo, 'type'),
		byAudience: activityBreakdownSql(ubigeo, 'audience'),
		statistics: districtStatisticsSql(ubigeo),
		actions: districtActionsSql(ubigeo),
		indicators: round ? indicatorAnswersSql(ubigeo, round) : null
	} satisfies Record<string, SqlQuery | null>;
	return queries;
}

export type ProfileQueryName = keyof ReturnType<typeof profileQueries>;
