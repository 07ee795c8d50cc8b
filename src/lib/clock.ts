/**
 * The one clock of the app. Every "now" and every "today" comes from here, so
 * that a person reads the same date on every screen (the district profile and
 * the self-assessment form judge "overdue" against the same day), and so that
 * tests can fix the time instead of reading the machine's.
 *
 * "Today" is the user's local calendar date (the browser's time zone): after
 * 19:00 in Lima the UTC date is already tomorrow, which is not the date the
 * official has on the wall. Instants that are stored (`updated_at`,
 * `loaded_at`, `logged_at`) stay ISO 8601 in UTC.
 *
 * A browser and Node utility: it imports no folder of src/lib.
 */

let fixedNow: number | null = null;

/** Now, in milliseconds since the epoch (the fixed time while a test set one). */
export function nowMs(): number {
	return fixedNow ?? Date.now();
}

/** Now, as an ISO 8601 instant in UTC: what a stored timestamp holds. */
export function nowIso(): string {
	return new Date(nowMs()).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar date, `YYYY-MM-DD`, at instant `at` in `timeZone` (default:
 * the user's, i.e. the browser's or the process's time zone).
 */
export function localDate(at: number | Date, timeZone?: string): string {
	const date = typeof at === 'number' ? new Date(at) : at;
	if (timeZone === undefined) {
		return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	}
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).formatToParts(date);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today, the user's local date, `YYYY-MM-DD`. */
export function localToday(timeZone?: string): string {
	return localDate(nowMs(), timeZone);
}

/**
 * Fixes "now" for a test (an ISO instant or milliseconds); `null` goes back
 * to the real clock. The browser's end-to-end tests use Playwright's clock
 * instead, which fixes `Date` itself.
 */
export function setNow(at: string | number | null): void {
	fixedNow = at === null ? null : typeof at === 'number' ? at : Date.parse(at);
	if (fixedNow !== null && Number.isNaN(fixedNow)) {
		fixedNow = null;
		throw new Error(`setNow: not an instant: ${String(at)}`);
	}
}
