/** The clock, in one place: when a file was loaded, and "today" for dates in the future. */
export function nowIso(): string {
	return new Date().toISOString();
}

/** Today's date (UTC), `YYYY-MM-DD`. */
export function today(): string {
	return nowIso().slice(0, 10);
}
