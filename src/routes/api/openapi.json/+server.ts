import { json } from '@sveltejs/kit';
import { OPENAPI } from '$lib/server/http/openapi';

// The API's OpenAPI 3.1 document (docs/api.md explains it): public, the same for everyone.
export const GET = () => json(OPENAPI, { headers: { 'cache-control': 'public, max-age=300' } });
