import { describe, expect, it } from 'vitest';
import { suppressSmallCounts, SUPPRESSED } from './open-data';

describe('suppressSmallCounts', () => {
	it('replaces counts of 1 to 4 with "<5" and keeps 0, 5 and empty values', () => {
		const rows = [{ n: 0 }, { n: 1 }, { n: '4' }, { n: 5 }, { n: '' }, { n: null }, { n: 4.5 }];
		expect(suppressSmallCounts(rows, ['n']).map((r) => r.n)).toEqual([
			0,
			SUPPRESSED,
			SUPPRESSED,
			5,
			'',
			null,
			SUPPRESSED
		]);
	});

	it('only touches the named columns, and only the rows it applies to', () => {
		const rows = [
			{ unit: 'count', value: 3, year: 2 },
			{ unit: 'percent', value: 3, year: 2 }
		];
		expect(suppressSmallCounts(rows, ['value'], (r) => r.unit === 'count')).toEqual([
			{ unit: 'count', value: SUPPRESSED, year: 2 },
			{ unit: 'percent', value: 3, year: 2 }
		]);
	});
});
