/**
 * The activities cube. The activities dashboard (/actividades) reads a pre-aggregated cube, not
 * the raw rows, so that a filter click stays fast on a million activities
 * (issue 7). Its tables, rebuilt when the data change:
 *
 * - `__activity_cube`: activities summed by day × district × type ×
 *   audience × topic × modality × partner, sorted by day (so a period only
 *   touches its row groups). The dimensions are ENUMs built from the data:
 *   filtering and grouping compare one byte, not strings.
 * - `__activity_cube_m`: the same summed by month, once per dimension
 *   (GROUPING SETS). With no filter but a whole-month period, every view
 *   reads a few hundred rows from here.
 * - `__activity_cube_c`: the measures by month × the five categories,
 *   without geography, plus the districts reached as a bit set. With several
 *   category filters and no district or province one, the key figures, the
 *   breakdowns and the trend read it: about a third of the day cube's rows
 *   for a year (the district code is what multiplies the combinations).
 * - `__activity_cube_cy`: the same by year, for periods of whole years.
 * - `__activity_xf_<part>_<category>`: the cross-filter indexes, refilled
 *   for the selection on screen while the page is idle, so that the next
 *   click in a category reads a few hundred rows (`crossIndexSql`).
 *
 * Each view is "filtered by every selection except its own" (Mosaic's
 * cross-filter): the bars by type ignore the type filter, so the other types
 * stay visible and clickable. Every query here is a pure function of the
 * filters; user values only travel as parameters, through `TRY_CAST` to the
 * ENUM, so an unknown value matches nothing instead of failing (and a
 * VARCHAR comparison would cast the whole column).
 *
 * Measures follow DESIGN.md §5 and `ACTIVITY_METRICS_CTE`: women_share uses
 * only the activities that recorded both women and men, migrant_share only
 * those that recorded migrants.
 *
 * One file per concern: filters.ts (what a user selects), periods.ts (date
 * arithmetic), schema.ts (table and ENUM names, measures), build.ts (the
 * DDL), where.ts and source.ts (which table a view reads, filtered how),
 * parts.ts (the parts of the views), views.ts (their SQL), neighbours.ts
 * (the statements to plan ahead), cross-index.ts (the cross-filter
 * indexes), rows.ts (the raw-rows table) and choices.ts (the filters'
 * choices). This file is the public face, what the app uses: import from
 * here; the tests reach the inner parts through their own files.
 */

export {
	CATEGORY_DIMS,
	emptyFilters,
	type ActivityFilters,
	type CategoryDim,
	type Period,
	type SelectionDim
} from './filters';
export {
	addDays,
	effectivePeriod,
	lastDayOfMonth,
	monthAligned,
	monthPeriod,
	monthsOf,
	previousPeriod,
	yearAligned
} from './periods';
export { DISTRICT_BITS } from './schema';
export { addActivityToCubeSql, buildCubeSql, cubeDistrictCountSql } from './build';
export type { ViewOptions } from './source';
export { activityFiguresSql, breakdownSql, breakdownsSql, districtsSql, trendSql } from './views';
export { shapeNeighbours } from './neighbours';
export { crossIndexSql, recreateCrossIndexesSql } from './cross-index';
export {
	ACTIVITY_COLUMNS,
	activityRowsSql,
	TABLE_COLUMNS,
	type ActivityColumn,
	type TableColumn
} from './rows';
export { activityYearsSql, districtChoicesSql, partnerChoicesSql } from './choices';
