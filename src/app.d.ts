// See https://svelte.dev/docs/kit/types#app.d.ts
import type { User } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Error {
			/** a machine-readable code for API clients (see docs/api.md) */
			code?: string;
		}
		interface Locals {
			/** the signed-in person (server mode), or null */
			user: User | null;
			/**
			 * the data the pages show: what is published, or (staff who chose it)
			 * validated and submitted rounds too
			 */
			view: 'published' | 'in-progress';
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
