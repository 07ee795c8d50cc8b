/** A timestamp from the database (a Date, or text from PGlite) as ISO 8601 in UTC. */
export const iso = (d: unknown) => new Date(d as string).toISOString();
