import type { User } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { mustSignIn } from '../rounds/access';

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
	mustSignIn(user);
	if (user.role === 'official')
		throw new ApiError(
			'forbidden',
			'El registro de actividades es del equipo de la UIM; las actividades publicadas están en /api/published/activities.csv.'
		);
}

export function mustLogActivities(user: User | null): asserts user is User {
	mustSignIn(user);
	if (user.role !== 'uim')
		throw new ApiError('forbidden', 'Solo el equipo de la UIM puede registrar actividades.');
}
