import { STATIC_SITE } from '$lib/mode';

/**
 * Who is signed in and what the pages show, for every screen (server mode).
 * The static site is prerendered: nobody, the published data.
 */
export function load({ locals }) {
	return {
		/** the person signed in (id, email, name, role, ubigeos), or null */
		user: locals.user,
		/** 'published', or 'in-progress' for staff who chose to see work in progress */
		view: locals.view,
		/** false on the static site: no accounts, no server */
		serverMode: !STATIC_SITE
	};
}
