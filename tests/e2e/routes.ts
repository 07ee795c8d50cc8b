import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The app's page routes, from the `+page.svelte` files in src/routes (route groups
 * dropped), so that screens added later are checked too. `value` turns each path
 * segment into what the URL holds: a real code for a dynamic one (`[ubigeo]`).
 */
export function pageRoutes(value: (segment: string) => string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name === '+page.svelte') {
				const segments = relative('src/routes', dir)
					.split(sep)
					.filter((s) => s !== '' && !/^\(.*\)$/.test(s))
					.map(value);
				out.push(`/${segments.join('/')}`);
			}
		}
	};
	walk('src/routes');
	return out.sort();
}
