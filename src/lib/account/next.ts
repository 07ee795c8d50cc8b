/**
 * Where to go after signing in (`/entrar?next=…`): a path of this site only.
 * A full address, `//host/…` or `/\host` (both leave the site in a browser)
 * and anything else become the observatory, so a link cannot send someone
 * who just signed in to another site.
 */
export function safeNext(raw: string | null | undefined): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
	// control characters (a tab or newline inside `/\t/host`) are dropped by URL parsers
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(raw)) return '/';
	return raw;
}
