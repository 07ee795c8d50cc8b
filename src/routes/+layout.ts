// Every screen is prerendered to plain HTML for static hosting; data are
// loaded in the browser after hydration.
export const prerender = true;
