import { describe, expect, it } from 'vitest';
import {
	clearSelections,
	formatUrl,
	hasSelections,
	parseUrl,
	setValues,
	toFilters,
	toggleMonth,
	toggleValue
} from './url-state';
import { effectivePeriod } from '$lib/metrics/activity-cube';

const parse = (q: string) =>
	parseUrl(new URLSearchParams(q), { type: ['conversatorio', 'campana'], modality: ['virtual'] });

describe('/actividades URL state', () => {
	it('defaults to the latest year, nothing selected, newest activities first', () => {
		const s = parse('');
		expect(toFilters(s, 2024).period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
		expect(hasSelections(s)).toBe(false);
		expect(s.sort).toEqual({ column: 'date', descending: true });
		expect(s.stacked).toBe(true);
		expect(formatUrl(s)).toBe('');
	});

	it('reads years, a span of years, or a date range (years win)', () => {
		expect(toFilters(parse('anio=2022'), 2024).period).toEqual({
			from: '2022-01-01',
			to: '2022-12-31'
		});
		expect(toFilters(parse('anio=2024-2022'), 2024).period).toEqual({
			from: '2022-01-01',
			to: '2024-12-31'
		});
		expect(toFilters(parse('desde=2024-07-01&hasta=2024-03-15'), 2024).period).toEqual({
			from: '2024-03-15',
			to: '2024-07-01'
		});
		expect(parse('anio=2023&desde=2024-01-01&hasta=2024-02-01').range).toBeNull();
	});

	it('drops malformed values instead of passing them on', () => {
		const s = parse(
			'anio=20x4&desde=2024-02-30&hasta=2024-03-01&mes=2024-13&distrito=15010&distrito=150101&tipo=DROP&tipo=campana&modalidad=virtual&orden=-evil&pagina=-3'
		);
		expect(s.years).toBeNull();
		expect(s.range).toBeNull(); // 30 February does not exist
		expect(s.month).toBeNull();
		expect(s.districts).toEqual(['150101']);
		expect(s.type).toEqual(['campana']);
		expect(s.modality).toEqual(['virtual']);
		expect(s.sort.column).toBe('date');
		expect(s.page).toBe(1);
	});

	it('keeps a clicked month only inside the period, and clips it to a range', () => {
		expect(toFilters(parse('anio=2024&mes=2023-05'), 2024).month).toBeNull();
		const f = toFilters(parse('desde=2024-03-15&hasta=2024-07-01&mes=2024-03'), 2024);
		expect(f.month).toBe('2024-03');
		expect(effectivePeriod(f)).toEqual({ from: '2024-03-15', to: '2024-03-31' });
	});

	it('round-trips through the URL, lists as repeated parameters, partner "none" as empty', () => {
		const q =
			'anio=2022-2024&mes=2023-04&provincia=Callao&distrito=070101&tipo=conversatorio&tipo=campana&socio=&socio=OIM&orden=participants_total&pagina=3&apilar=0';
		const s = parse(q);
		expect(s.partner).toEqual(['', 'OIM']);
		expect(formatUrl(s)).toBe(`?${q}`);
		expect(parse(formatUrl(s).slice(1))).toEqual(s);
	});

	it('selects a clicked value alone, releases it on a second click, and goes back to page 1', () => {
		let s = { ...parse('tipo=conversatorio&tipo=campana'), page: 4 };
		s = toggleValue(s, 'type', 'conversatorio'); // selected: release it, keep the other
		expect(s.type).toEqual(['campana']);
		expect(s.page).toBe(1);
		s = toggleValue(s, 'audience', 'academia');
		expect(s.audience).toEqual(['academia']);
		s = toggleValue(s, 'audience', 'sociedad_civil'); // another value replaces it
		expect(s.audience).toEqual(['sociedad_civil']);
		s = toggleValue(s, 'audience', 'sociedad_civil');
		expect(s.audience).toEqual([]);
		s = toggleMonth(s, '2024-03');
		expect(s.month).toBe('2024-03');
		expect(toggleMonth(s, '2024-03').month).toBeNull();
		s = setValues(s, 'districts', ['150101', '150101', '070101']);
		expect(s.districts).toEqual(['150101', '070101']);
		const cleared = clearSelections(s);
		expect(hasSelections(cleared)).toBe(false);
		expect(cleared.years).toEqual(s.years);
	});
});
