import type { User } from '../auth/sessions';
import { canReadUnpublished, isOfficialOf, mustBeAllowed } from '../rounds/access';

/**
 * Who may do what with a district's action plan (DESIGN.md §10), checked on
 * the server whatever the page showed.
 *
 * | action                               | admin | uim | official (own ubigeo) | analyst | anonymous |
 * | read the plan, its history and authors | yes | yes | own ubigeos only      | yes     | no        |
 * | change an action (a new version)     | no    | no  | own ubigeos only      | no      | no        |
 * | the published actions.csv (current)  | yes   | yes | yes                   | yes     | yes       |
 */
/** The plan in progress is read like a round in progress. */
export const canReadPlan = canReadUnpublished;

export function mustReadPlan(user: User | null, ubigeo: string): asserts user is User {
	mustBeAllowed(
		user,
		(u) => canReadPlan(u, ubigeo),
		'Solo los funcionarios de este distrito y el equipo de la UIM pueden ver su plan de acción en curso.'
	);
}

export function mustPlanFor(user: User | null, ubigeo: string): asserts user is User {
	mustBeAllowed(
		user,
		(u) => isOfficialOf(u, ubigeo),
		'Solo un funcionario o funcionaria de este distrito puede cambiar su plan de acción.'
	);
}
