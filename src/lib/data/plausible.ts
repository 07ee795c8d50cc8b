/**
 * Values that are possible but implausible against the district they name
 * (issue 18 §1): an activity with more migrant participants than the
 * district has migrants (310 from a district of 40), or more participants
 * than the district has people. Each is a warning on its line (the row is
 * loaded): the figure, or the district's population, is likely mistyped.
 * Checked against the districts the import is validated against (the
 * loaded ones, or those a batch of files will leave).
 */
import type { DatasetName } from './tables';

export interface PlausibilityCheck {
	/** The issue code (a warning: see WARNING_CODES). */
	code: string;
	/** The column of the row that is compared, and where the issue is reported. */
	column: string;
	/** The district's column it must not exceed. */
	districtColumn: 'population' | 'migrant_population';
}

const CHECKS: Partial<Record<DatasetName, readonly PlausibilityCheck[]>> = {
	activities: [
		{
			code: 'migrants_above_district',
			column: 'participants_migrants',
			districtColumn: 'migrant_population'
		},
		{
			code: 'participants_above_population',
			column: 'participants_total',
			districtColumn: 'population'
		}
	]
};

/** The plausibility checks of a dataset (each row's `ubigeo` names its district). */
export function plausibilityChecks(dataset: DatasetName): readonly PlausibilityCheck[] {
	return CHECKS[dataset] ?? [];
}
