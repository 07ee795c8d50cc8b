import { describe, expect, it } from 'vitest';
import { monthAligned, monthsOf, previousPeriod } from './periods';
import { Y2024 } from './test-fixture';

/** The period before `from`–`to`, as `[from, to]`. */
function before(from: string, to: string): [string, string] {
	const p = previousPeriod({ from, to });
	return [p.from, p.to];
}

describe('periods', () => {
	it('compares whole years with the same number of years before', () => {
		expect(before(Y2024.from, Y2024.to)).toEqual(['2023-01-01', '2023-12-31']);
		expect(before('2022-01-01', '2024-12-31')).toEqual(['2019-01-01', '2021-12-31']);
	});

	it('compares whole months with the months before, whatever their days', () => {
		// March 2024 (31 days) → February 2024 (29 days: a leap year)
		expect(before('2024-03-01', '2024-03-31')).toEqual(['2024-02-01', '2024-02-29']);
		// January–February 2024 → November–December 2023
		expect(before('2024-01-01', '2024-02-29')).toEqual(['2023-11-01', '2023-12-31']);
	});

	it('compares any other range with the same number of days just before', () => {
		// 15 March to 1 July 2024 is 17 + 30 + 31 + 30 + 1 = 109 days;
		// 109 days before 15 March 2024 (over 29 February) is 27 November 2023
		expect(before('2024-03-15', '2024-07-01')).toEqual(['2023-11-27', '2024-03-14']);
		expect(before('2024-05-05', '2024-05-05')).toEqual(['2024-05-04', '2024-05-04']);
	});

	it('knows month-aligned periods and lists their months', () => {
		expect(monthAligned(Y2024)).toBe(true);
		expect(monthAligned({ from: '2024-02-01', to: '2024-02-29' })).toBe(true);
		expect(monthAligned({ from: '2023-02-01', to: '2023-02-29' })).toBe(false);
		expect(monthAligned({ from: '2024-03-15', to: '2024-03-31' })).toBe(false);
		expect(monthsOf({ from: '2023-11-27', to: '2024-02-03' })).toEqual([
			'2023-11',
			'2023-12',
			'2024-01',
			'2024-02'
		]);
	});
});
