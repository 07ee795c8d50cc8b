import { STATIC_SITE } from '$lib/mode';

// The browser-only build prerenders every screen to plain HTML for static
// hosting (data load in the browser after hydration). The Integra server
// renders each request from the store's published data instead.
export const prerender = STATIC_SITE;
