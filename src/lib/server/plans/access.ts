import type { User } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { mustSignIn } from '../rounds/access';

/**
 * Who may do what with a district's action plan (DESIGN.md §10), checked on
 * the server whatever the page showed.
 *
 * | action                               | admin | uim | official (own ubigeo) | analyst | anonymous |
 * | read the plan, its history and authors | yes | yes | own ubigeos only      | yes     | no        |
 * | change an action (a new version)     | no    | no  | own ubigeos only      | no      | no        |
 * | the published actions.csv (current)  | yes   | yes | yes                   | yes     | yes       |
 */
export function canReadPlan(user: User | null, ubigeo: string): boolean {
	if (!user) return false;
	if (user.role === 'official') return user.ubigeos.includes(ubigeo);
	return true;
}

export function mustReadPlan(user: User | null, ubigeo: string): asserts user is User {
	mustSignIn(user);
	if (!canReadPlan(user, ubigeo))
		throw new ApiError(
			'forbidden',
			'Solo los funcionarios de este distrito y el equipo de la UIM pueden ver su plan de acción en curso.'
		);
}

export function mustPlanFor(user: User | null, ubigeo: string): asserts user is User {
	mustSignIn(user);
	if (user.role !== 'official' || !user.ubigeos.includes(ubigeo))
		throw new ApiError(
			'forbidden',
			'Solo un funcionario o funcionaria de este distrito puede cambiar su plan de acción.'
		);
}
