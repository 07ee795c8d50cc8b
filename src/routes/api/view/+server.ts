import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { api, readJson } from '$lib/server/http/respond';
import { chooseView, mustBeStaff } from '$lib/server/view-switch';
import { VIEW_COOKIE } from '$lib/server/view';

// Staff choose what the pages show: `{ "view": "published" | "in-progress" }`.
// src/hooks.server.ts reads the cookie back on every request (and ignores it for officials).
export const POST: RequestHandler = api(async ({ locals, request, cookies, url }) => {
	mustBeStaff(locals.user);
	const view = chooseView(locals.user, await readJson(request));
	cookies.set(VIEW_COOKIE, view, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:' && !dev
	});
	return json({ view });
});
