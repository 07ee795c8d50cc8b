import { describe, expect, it } from 'vitest';
import { formatExport, formatNumber } from './format';

describe('formatExport', () => {
	it.each([
		[62.5, '62.5'],
		[0.25, '0.3'], // half away from zero
		[-0.25, '-0.3'],
		[1.05, '1.1'], // 1.05 is 1.0499999… in binary; the contract means the decimal 1.05
		[2.675, '2.7'],
		[-12.35, '-12.4'],
		[-0.04, '0.0'], // rounds to zero: no "-0.0"
		[100, '100.0'],
		[66.66666666666667, '66.7']
	])('%d → %s', (value, expected) => {
		expect(formatExport(value)).toBe(expected);
	});

	it('leaves an empty value empty', () => {
		expect(formatExport(null)).toBe('');
		expect(formatExport(undefined)).toBe('');
	});
});

describe('formatNumber', () => {
	it('uses es-PE grouping and leaves empty values empty', () => {
		expect(formatNumber(1234567, 'es')).toMatch(/^1[,.\u00a0\u202f]?234[,.\u00a0\u202f]?567$/);
		expect(formatNumber(null, 'es')).toBe('');
	});
});
