import { error, redirect } from '@sveltejs/kit';
import { STATIC_SITE } from '$lib/mode';
import type { User } from '$lib/server/auth/sessions';

/**
 * The review screens are for the UIM team and analysts (issue 13 §3). The
 * server decides: anonymous visitors are sent to sign in and come back
 * here; officials get a 403. The static site has no accounts: no such page.
 */
export function staffOnly(locals: App.Locals, url: URL): User {
	if (STATIC_SITE)
		error(404, { message: 'La revisión de rondas necesita el servidor de Integra.' });
	const user = locals.user;
	if (!user) redirect(303, `/entrar?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (user.role !== 'uim' && user.role !== 'admin' && user.role !== 'analyst')
		error(403, {
			message: 'La revisión de rondas es para el equipo de la UIM y las personas analistas.',
			code: 'forbidden'
		});
	return user;
}

/** Who may return or validate: the same rule as the API (src/lib/server/rounds/access.ts). */
export const mayReview = (user: User) => user.role === 'uim';
