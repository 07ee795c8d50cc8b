import type { Handle, HandleServerError } from '@sveltejs/kit';
import { building } from '$app/environment';
import { STATIC_SITE } from '$lib/mode';
import { serverStore } from '$lib/server/db/context';
import { StoreUnavailable } from '$lib/server/db/store';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/sessions';
import { errorResponse } from '$lib/server/http/respond';
import { ApiError } from '$lib/server/http/errors';
import { VIEW_COOKIE } from '$lib/server/view';
import { viewTag } from '$lib/server/published';
import { cachedPage, compressed, keepPage, respondWith } from '$lib/server/http/page-cache';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.view = 'published';
	// The static site is prerendered: no store, nobody signed in.
	if (building || STATIC_SITE) return resolve(event);

	const api = event.url.pathname.startsWith('/api/');
	// SvelteKit checks the origin of form posts; the API takes JSON, so it
	// checks every write itself: a browser sends Origin on every POST, and a
	// script must send the server's own address.
	if (api && WRITES.has(event.request.method)) {
		const origin = event.request.headers.get('origin');
		if (origin !== event.url.origin)
			return errorResponse(
				new ApiError(
					'forbidden',
					'Petición rechazada: el encabezado Origin debe ser la dirección de este servidor.'
				)
			);
	}

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		try {
			event.locals.user = await sessionUser(await serverStore(), token, new Date());
		} catch (error) {
			if (!(error instanceof StoreUnavailable)) throw error;
			// the API says so; a page that needs the store says so itself (503)
			if (api) return errorResponse(error);
		}
		if (!event.locals.user) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	}
	const role = event.locals.user?.role;
	if (role && role !== 'official' && event.cookies.get(VIEW_COOKIE) === 'in-progress')
		event.locals.view = 'in-progress';

	// Anonymous visitors all see the published data: their pages are rendered
	// once per publication (src/lib/server/http/page-cache.ts). Keyed by the
	// address asked for, not event.url: SvelteKit strips `/__data.json` and
	// `x-sveltekit-invalidated` from event.url, so a page's HTML and its data
	// (what a client-side navigation fetches) would share one entry.
	const asked = new URL(event.request.url);
	const pageKey =
		event.request.method === 'GET' &&
		!token &&
		!api &&
		!event.url.pathname.startsWith('/prefetch/tables/')
			? await publishedTag().then((tag) => tag && `${tag} ${asked.pathname}${asked.search}`)
			: null;
	if (pageKey) {
		const hit = cachedPage(pageKey);
		if (hit) return respondWith(event.request, hit);
		const response = await resolve(event);
		const kept = await keepPage(pageKey, response);
		return kept ? respondWith(event.request, kept) : compressed(event.request, response);
	}
	return compressed(event.request, await resolve(event));
};

/** The published data's version, or null when the store cannot say (the page then says so itself). */
async function publishedTag(): Promise<string | null> {
	try {
		return await viewTag(await serverStore(), 'published');
	} catch (error) {
		if (error instanceof StoreUnavailable) return null;
		throw error;
	}
}

export const handleError: HandleServerError = ({ error, status }) => {
	if (error instanceof StoreUnavailable)
		return {
			message: 'La base de datos de Integra no responde. Inténtelo de nuevo en unos minutos.',
			code: 'unavailable'
		};
	// The details go to the server's log, never to the page.
	if (status >= 500) console.error(error);
	return { message: 'Error interno del servidor.', code: 'internal' };
};
