import { afterEach, describe, expect, it } from 'vitest';
import { localDate, localToday, nowIso, nowMs, setNow } from './clock';

afterEach(() => setNow(null));

describe('clock', () => {
	it('gives the fixed instant while a test sets one', () => {
		setNow('2026-03-31T04:30:00.000Z');
		expect(nowMs()).toBe(Date.UTC(2026, 2, 31, 4, 30));
		expect(nowIso()).toBe('2026-03-31T04:30:00.000Z');
	});

	it('refuses a text that is no instant', () => {
		expect(() => setNow('mañana')).toThrow(/not an instant/);
	});

	// 23:30 in Lima (UTC−5, no summer time) is 04:30 UTC of the next day.
	it("gives Lima's date at 23:30 Lima time, not the UTC date", () => {
		setNow('2026-03-31T04:30:00.000Z');
		expect(localToday('America/Lima')).toBe('2026-03-30');
		expect(localToday('UTC')).toBe('2026-03-31');
	});

	it('turns over at local midnight', () => {
		expect(localDate(Date.parse('2026-03-31T04:59:59Z'), 'America/Lima')).toBe('2026-03-30');
		expect(localDate(Date.parse('2026-03-31T05:00:00Z'), 'America/Lima')).toBe('2026-03-31');
		expect(localDate(Date.parse('2026-03-30T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-03-31');
	});

	it("without a zone, reads the machine's calendar fields (whatever its zone)", () => {
		const at = new Date(2026, 0, 5, 23, 30); // local 5 Jan 23:30, wherever this runs
		expect(localDate(at)).toBe('2026-01-05');
	});
});
