import { STATIC_SITE } from '$lib/mode';
import type { User } from '$lib/server/auth/sessions';

// The browser-only build prerenders every screen to plain HTML for static
// hosting (data load in the browser after hydration). The Integra server
// renders each request from the store's published data instead.
export const prerender = STATIC_SITE;

export interface Workspace {
	/** the person signed in (id, email, name, role, ubigeos), or null */
	user: User | null;
	/** 'published', or 'in-progress' for staff who chose to see work in progress */
	view: 'published' | 'in-progress';
	/** false on the static site: no accounts, no server */
	serverMode: boolean;
}

/**
 * Who is signed in and what the pages show, for every screen. A universal
 * load, not a server one: with a server load at the root, the static site
 * would ask for a `__data.json` on every page it did not prerender (an
 * unknown district, one imported in the browser) and show an error instead
 * of the page. On the server the request runs in-process and its answer is
 * inlined in the HTML, so hydration asks nothing again; `invalidateAll()`
 * (after signing in or out) asks again.
 */
export async function load({ fetch }): Promise<Workspace> {
	if (STATIC_SITE) return { user: null, view: 'published', serverMode: false };
	const response = await fetch('/api/session');
	// the store down: nobody signed in; a page that needs the store says so itself (503)
	if (!response.ok) return { user: null, view: 'published', serverMode: true };
	const body = (await response.json()) as Omit<Workspace, 'serverMode'>;
	return { user: body.user, view: body.view, serverMode: true };
}
