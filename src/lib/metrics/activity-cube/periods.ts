import type { ActivityFilters, Period, SelectionDim } from './filters';

// Plain UTC arithmetic on ISO strings: no time zone enters.

function parseIso(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

function iso(d: Date): string {
	return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	const d = parseIso(date);
	d.setUTCDate(d.getUTCDate() + days);
	return iso(d);
}

export function lastDayOfMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return iso(new Date(Date.UTC(y, m, 0)));
}

export function monthPeriod(month: string): Period {
	return { from: `${month}-01`, to: lastDayOfMonth(month.slice(0, 7)) };
}

/** Starts on the 1st and ends on the last day of a month. */
export function monthAligned(p: Period): boolean {
	return p.from.endsWith('-01') && p.to === lastDayOfMonth(p.to.slice(0, 7));
}

/** Whole calendar years. */
export function yearAligned(p: Period): boolean {
	return p.from.slice(5) === '01-01' && p.to.slice(5) === '12-31';
}

function shiftMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const total = y * 12 + (m - 1) + n;
	return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * The period of the same length just before `p`: the same number of whole
 * years or whole months when `p` is made of them (so 2024 is compared with
 * 2023, and March with February, whatever their days), else the same number
 * of days. It always ends the day before `p` starts.
 */
export function previousPeriod(p: Period): Period {
	if (monthAligned(p)) {
		const first = p.from.slice(0, 7);
		const last = p.to.slice(0, 7);
		const [fy, fm] = first.split('-').map(Number);
		const [ly, lm] = last.split('-').map(Number);
		const months = (ly - fy) * 12 + (lm - fm) + 1;
		return { from: `${shiftMonths(first, -months)}-01`, to: addDays(p.from, -1) };
	}
	const days = Math.round((parseIso(p.to).getTime() - parseIso(p.from).getTime()) / 86_400_000) + 1;
	return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}

/** The months (`YYYY-MM`) a period touches, in order. */
export function monthsOf(p: Period): string[] {
	const out: string[] = [];
	const last = p.to.slice(0, 7);
	for (let m = p.from.slice(0, 7); m <= last; m = shiftMonths(m, 1)) out.push(m);
	return out;
}

/**
 * The period the views other than the trend see: the clicked month (within
 * the period, when the period starts or ends inside it), else the period.
 */
export function effectivePeriod(f: ActivityFilters, except: SelectionDim | null = null): Period {
	if (!f.month || except === 'month') return f.period;
	const m = monthPeriod(f.month);
	return {
		from: m.from > f.period.from ? m.from : f.period.from,
		to: m.to < f.period.to ? m.to : f.period.to
	};
}
