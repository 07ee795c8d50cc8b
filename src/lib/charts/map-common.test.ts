import { describe, expect, it } from 'vitest';
import { stackLegend, styleDistricts } from './map-common';
import { NO_DATA_FILL } from './color';

describe('styleDistricts', () => {
	const districts = [
		{ ubigeo: '01', name: 'Lurín', value: 0 },
		{ ubigeo: '02', name: 'Lurigancho', value: 100 },
		{ ubigeo: '03', name: 'Comas', value: null },
		{ ubigeo: '04', name: 'Ate', value: 50 }
	];

	it('classifies by equal intervals and keys the result by district', () => {
		// [0, 100] in 2 classes: break at 50, which goes to the upper class
		const { choropleth, styles } = styleDistricts(districts, 'equal', 2);
		expect(choropleth.classes.map((c) => c.count)).toEqual([1, 2]);
		expect(choropleth.noData.count).toBe(1);
		expect(styles.get('01')?.classIndex).toBe(0);
		expect(styles.get('04')?.classIndex).toBe(1);
		expect(styles.get('03')?.fill).toBe(NO_DATA_FILL);
	});

	it('gives unique short labels, or the caller’s', () => {
		const { styles } = styleDistricts(districts, 'quantile', 3);
		expect([...styles.values()].map((s) => s.short)).toEqual(['LURN', 'LURO', 'COM', 'ATE']);
		const custom = styleDistricts(districts, 'quantile', 3, 'YlGnBu', (d) => d.ubigeo);
		expect(custom.styles.get('02')?.short).toBe('02');
	});
});

describe('stackLegend', () => {
	it('wraps the heading and long entries and stacks them', () => {
		const legend = stackLegend(
			'Población migrante por distrito',
			[
				{ kind: 'class', fill: '#fff', text: '0 a 10 (3)' },
				{ kind: 'auto', fill: '#fff', text: 'Contorno discontinuo: ubicación automática' }
			],
			20
		);
		// "Población migrante" (18) / "por distrito"
		expect(legend.heading).toEqual([
			{ text: 'Población migrante', y: 14 },
			{ text: 'por distrito', y: 32 }
		]);
		// 2 lines × 18 + 16 = 52; entries start 12 below
		expect(legend.methodY).toBe(52);
		expect(legend.entries.map((e) => [e.y, e.lines])).toEqual([
			[64, ['0 a 10 (3)']],
			// wrapped at 16: "Contorno" / "discontinuo:" / "ubicación" / "automática"
			[88, ['Contorno', 'discontinuo:', 'ubicación', 'automática']]
		]);
		// 88 + 24 + 3 × 16 = 160
		expect(legend.height).toBe(160);
	});
});
