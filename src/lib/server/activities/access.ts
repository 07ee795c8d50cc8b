import type { User } from '../auth/sessions';
import { mustBeAllowed, seesAllWork } from '../rounds/access';

/**
 * Who may do what with logged activities (DESIGN.md §10), checked on the
 * server whatever the page showed.
 *
 * | action                      | admin | uim | official | analyst | anonymous               |
 * | read who logged what (API)  | yes   | yes | no       | yes     | no                      |
 * | log an activity             | no    | yes | no       | no      | no                      |
 * | the published activities.csv| yes   | yes | yes      | yes     | yes (contract columns)  |
 */
export function mustReadActivities(user: User | null): asserts user is User {
	mustBeAllowed(
		user,
		seesAllWork,
		'El registro de actividades es del equipo de la UIM; las actividades publicadas están en /api/published/activities.csv.'
	);
}

export function mustLogActivities(user: User | null): asserts user is User {
	mustBeAllowed(
		user,
		(u) => u.role === 'uim',
		'Solo el equipo de la UIM puede registrar actividades.'
	);
}
