import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { api, readJson } from '$lib/server/http/respond';
import { ApiError } from '$lib/server/http/errors';
import { serverStore } from '$lib/server/db/context';
import { signIn } from '$lib/server/auth/accounts';
import { ABSOLUTE_LIMIT_MS, endSession, SESSION_COOKIE } from '$lib/server/auth/sessions';

// Sign in: `{ "email", "password" }` → the session cookie and who you are.
export const POST: RequestHandler = api(async ({ request, cookies, getClientAddress, url }) => {
	const body = await readJson(request);
	const { email, password } = (body ?? {}) as Record<string, unknown>;
	if (typeof email !== 'string' || typeof password !== 'string' || !email || !password)
		throw new ApiError('bad_request', 'Escriba su correo y su contraseña.');
	const result = await signIn(await serverStore(), email, password, getClientAddress(), new Date());
	if (!result.ok && result.reason === 'throttled')
		throw new ApiError(
			'too_many_attempts',
			`Demasiados intentos fallidos. Espere ${result.retryAfter} s antes de volver a intentarlo.`,
			{ retry_after: result.retryAfter },
			{ 'retry-after': String(result.retryAfter) }
		);
	if (!result.ok) throw new ApiError('unauthenticated', 'Correo o contraseña incorrectos.');
	cookies.set(SESSION_COOKIE, result.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		// Secure whenever the server is reached over HTTPS (behind a proxy: ORIGIN=https://…)
		secure: url.protocol === 'https:' && !dev,
		// the server ends it sooner after 8 h without a request (IDLE_LIMIT_MS)
		maxAge: ABSOLUTE_LIMIT_MS / 1000
	});
	return json({ user: result.user });
});

// Who is signed in (null for nobody), and which data the pages show them.
export const GET: RequestHandler = api(async ({ locals }) =>
	json({ user: locals.user, view: locals.view })
);

// Sign out: the session ends on the server, not only in this browser.
export const DELETE: RequestHandler = api(async ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await endSession(await serverStore(), token, new Date());
	cookies.delete(SESSION_COOKIE, { path: '/' });
	return new Response(null, { status: 204 });
});
