import type { User } from './auth/sessions';
import { ApiError } from './http/errors';
import { mustBeAllowed, seesAllWork } from './rounds/access';
import type { View } from './published';

/**
 * Which data a person asked the pages to show (POST /api/view). Only staff
 * (UIM, admin, analyst) may see work in progress; an official sees their
 * own district's work on its own screens, never the others' on the observatory.
 */
export function chooseView(user: User | null, body: unknown): View {
	mustBeStaff(user);
	const view = ((body ?? {}) as Record<string, unknown>).view;
	if (view !== 'published' && view !== 'in-progress')
		throw new ApiError('bad_request', 'view debe ser «published» o «in-progress».');
	return view;
}

/** 401 for nobody, 403 for an official: checked before the body is read. */
export function mustBeStaff(user: User | null): asserts user is User {
	mustBeAllowed(
		user,
		seesAllWork,
		'Solo el equipo de la UIM, administración y analistas pueden ver el trabajo en curso.'
	);
}
