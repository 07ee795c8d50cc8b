/** Level thresholds of DESIGN.md §5, applied to the unrounded score. */
export const LEVELS = ['inicial', 'en_desarrollo', 'avanzado', 'consolidado'] as const;
export type Level = (typeof LEVELS)[number];

/** The same thresholds as SQL, so levels are classified by the engine like every metric. */
export function levelCaseSql(scoreExpr: string): string {
	return `CASE
		WHEN ${scoreExpr} IS NULL THEN NULL
		WHEN ${scoreExpr} < 40 THEN 'inicial'
		WHEN ${scoreExpr} < 70 THEN 'en_desarrollo'
		WHEN ${scoreExpr} < 90 THEN 'avanzado'
		ELSE 'consolidado' END`;
}
