/**
 * Which Integra this build is (svelte.config.js): the browser-only site of
 * plain files (`npm run build:static`), or the Integra server (`npm start`,
 * `npm run dev`) with accounts and the round workflow.
 */
export const STATIC_SITE = import.meta.env.VITE_INTEGRA_STATIC === '1';
export const SERVER_MODE = !STATIC_SITE;
