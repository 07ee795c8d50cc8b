import type { User } from '../auth/sessions';
import { ApiError } from '../http/errors';

/**
 * Who may do what with rounds (DESIGN.md §10). Every handler asks here, on
 * the server, whatever the page showed or hid.
 *
 * | action                          | admin | uim | official (own ubigeo) | analyst | anonymous |
 * | read published                  | yes   | yes | yes                   | yes     | yes       |
 * | read submitted, returned, …     | yes   | yes | own ubigeos only      | yes     | no        |
 * | submit a version                | no    | no  | own ubigeos only      | no      | no        |
 * | return, validate                | no    | yes | no                    | no      | no        |
 * | publish                         | yes   | no  | no                    | no      | no        |
 * | audit log                       | yes   | no  | no                    | no      | no        |
 */
export function mustSignIn(user: User | null): asserts user is User {
	if (!user) throw new ApiError('unauthenticated', 'Inicie sesión para hacer esto.');
}

/** 401 for nobody; 403 with `refusal` for a signed-in user `allowed` turns down. */
export function mustBeAllowed(
	user: User | null,
	allowed: (user: User) => boolean,
	refusal: string
): asserts user is User {
	mustSignIn(user);
	if (!allowed(user)) throw new ApiError('forbidden', refusal);
}

/** An official of this district: the one who submits its self-assessment and changes its plan. */
export function isOfficialOf(user: User, ubigeo: string): boolean {
	return user.role === 'official' && user.ubigeos.includes(ubigeo);
}

export function canReadUnpublished(user: User | null, ubigeo: string): boolean {
	if (!user) return false;
	if (user.role === 'official') return user.ubigeos.includes(ubigeo);
	return true;
}

/** Staff who may see work in progress of every district. */
export function seesAllWork(user: User | null): boolean {
	return !!user && user.role !== 'official';
}

export function mustSubmitFor(user: User | null, ubigeo: string): asserts user is User {
	mustBeAllowed(
		user,
		(u) => isOfficialOf(u, ubigeo),
		'Solo un funcionario o funcionaria de este distrito puede enviar su autoevaluación.'
	);
}

export function mustReview(user: User | null): asserts user is User {
	mustBeAllowed(
		user,
		(u) => u.role === 'uim',
		'Solo el equipo de la UIM puede devolver o validar rondas.'
	);
}

export function mustBeAdmin(user: User | null): asserts user is User {
	mustBeAllowed(
		user,
		(u) => u.role === 'admin',
		'Solo una cuenta de administración puede hacer esto.'
	);
}
