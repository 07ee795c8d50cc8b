import { prefetchEntries } from '$lib/server/prerender-data';

// Only the list of pages to prerender lives here. There is deliberately no
// server `load`: a district loaded later in the browser (an imported
// dataset) has no prerendered page, and its profile is built client-side.
export const entries = prefetchEntries;
