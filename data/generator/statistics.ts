import { districtByUbigeo } from './districts';
import { STATISTIC_INDICATORS } from './framework';
import { dec, toCsv, type Cell } from './format';
import { createRng, type Rng } from './random';

export const STATISTIC_YEARS = [2022, 2023, 2024] as const;

export interface StatisticRow {
	ubigeo: string;
	period: string;
	indicatorId: string;
	value: string;
	numerator: string;
	denominator: string;
	sex: 'total' | 'mujer' | 'hombre';
	nationality: 'total' | 'peruana' | 'extranjera';
	source: string;
}

/** The districts that report statistics, and which indicators each one reports. */
const REPORTERS: [string, string[]][] = [
	['150101', ['E1.01', 'E1.02', 'E2.01', 'E2.02', 'E4.01', 'E4.02', 'E4.03', 'E5.01', 'E6.01']],
	['150132', ['E1.01', 'E2.01', 'E2.02', 'E4.01', 'E4.02', 'E4.03', 'E5.01', 'E6.01']],
	['150135', ['E1.01', 'E2.01', 'E2.02', 'E4.02', 'E4.03', 'E6.01']],
	['150117', ['E1.01', 'E2.02', 'E4.01', 'E4.03']],
	['150105', ['E1.01', 'E1.02', 'E2.01', 'E6.01']],
	['150122', ['E1.01', 'E1.02', 'E2.01', 'E2.02', 'E4.01', 'E4.02', 'E6.01']],
	['070101', ['E1.01', 'E2.01', 'E4.02', 'E5.01', 'E6.01']],
	['150140', ['E1.01', 'E2.02', 'E4.01', 'E4.03']],
	['150113', ['E1.01', 'E1.02', 'E2.01', 'E4.02']],
	['150115', ['E1.01', 'E2.01', 'E4.03', 'E5.01']],
	['150110', ['E1.01', 'E4.01', 'E5.01']],
	['150103', ['E1.01', 'E2.02', 'E4.02', 'E4.03', 'E5.01']],
	['150142', ['E1.01', 'E4.01', 'E5.01']],
	['150120', ['E1.01', 'E1.02', 'E2.01', 'E6.01']],
	['150136', ['E1.01', 'E2.02', 'E4.01']]
];

/** Districts that started reporting some indicators only in 2023. */
const STARTS_2023 = new Set(['150117:E4.03', '150135:E6.01', '070101:E4.02', '150142:E4.01']);

function split(rng: Rng, total: number, share: number): [number, number] {
	const a = Math.round(total * Math.min(0.95, Math.max(0.05, share + 0.04 * rng.normal())));
	return [a, total - a];
}

export function generateStatistics(seed: number): StatisticRow[] {
	const rng = createRng(seed, 'statistics');
	const rows: StatisticRow[] = [];
	const source = new Map(STATISTIC_INDICATORS.map((s) => [s.id, s.source]));

	for (const [ubigeo, indicators] of REPORTERS) {
		const d = districtByUbigeo(ubigeo);
		const mig = d.migrantPopulation;
		const effort = 0.7 + 0.6 * rng.next();
		for (const id of indicators) {
			const base = rng.next();
			STATISTIC_YEARS.forEach((year, yi) => {
				if (yi === 0 && STARTS_2023.has(`${ubigeo}:${id}`)) return;
				const growth = 1 + 0.18 * yi + 0.08 * rng.normal();
				const period = String(year);
				const src = source.get(id) ?? '';
				const push = (
					value: string,
					sex: StatisticRow['sex'] = 'total',
					nationality: StatisticRow['nationality'] = 'total',
					numerator = '',
					denominator = ''
				) =>
					rows.push({
						ubigeo,
						period,
						indicatorId: id,
						value,
						numerator,
						denominator,
						sex,
						nationality,
						source: src
					});

				switch (id) {
					case 'E1.01': {
						const total = Math.max(1, Math.round(mig * (0.002 + 0.004 * base) * effort * growth));
						const [f, m] = split(rng, total, 0.52);
						push(String(total));
						push(String(f), 'mujer');
						push(String(m), 'hombre');
						break;
					}
					case 'E1.02':
						push(String(Math.max(0, Math.round((1 + 10 * base) * (1 + 0.3 * rng.normal())))));
						break;
					case 'E2.01': {
						const total = Math.max(5, Math.round(mig * (0.01 + 0.04 * base) * effort * growth));
						const [f, m] = split(rng, total, 0.6);
						const [foreign, peruvian] = split(rng, total, 0.88);
						push(String(total));
						push(String(f), 'mujer');
						push(String(m), 'hombre');
						push(String(peruvian), 'total', 'peruana');
						push(String(foreign), 'total', 'extranjera');
						break;
					}
					case 'E2.02': {
						const den = Math.max(20, Math.round(d.population * (0.0015 + 0.001 * base)));
						const share = Math.min(1, 0.45 + 0.2 * base + 0.15 * yi + 0.04 * rng.normal());
						const num = Math.min(den, Math.round(den * share));
						push(dec((100 * num) / den), 'total', 'total', String(num), String(den));
						break;
					}
					case 'E4.01': {
						const total = Math.max(3, Math.round(mig * (0.008 + 0.02 * base) * effort * growth));
						const [f, m] = split(rng, total, 0.5);
						push(String(total));
						push(String(f), 'mujer');
						push(String(m), 'hombre');
						break;
					}
					case 'E4.02': {
						// Women (and their children) enrol more often than men.
						const denF = Math.round(mig * 0.51);
						const denM = mig - denF;
						const rate = 0.15 + 0.15 * base + 0.05 * yi;
						const numF = Math.round(denF * Math.min(0.95, rate * 1.25 + 0.02 * rng.normal()));
						const numM = Math.round(denM * Math.min(0.95, rate * 0.75 + 0.02 * rng.normal()));
						push(
							dec((100 * (numF + numM)) / mig),
							'total',
							'total',
							String(numF + numM),
							String(mig)
						);
						push(dec((100 * numF) / denF), 'mujer', 'total', String(numF), String(denF));
						push(dec((100 * numM) / denM), 'hombre', 'total', String(numM), String(denM));
						break;
					}
					case 'E4.03': {
						const total = Math.max(20, Math.round(d.population * (0.002 + 0.004 * base) * growth));
						const [f, m] = split(rng, total, 0.48);
						const [foreign, peruvian] = split(rng, total, 0.2 + 0.15 * yi * base);
						push(String(total));
						push(String(f), 'mujer');
						push(String(m), 'hombre');
						push(String(peruvian), 'total', 'peruana');
						push(String(foreign), 'total', 'extranjera');
						break;
					}
					case 'E5.01':
						push(String(Math.max(0, Math.round(1 + 6 * base + 1.5 * rng.normal()))));
						break;
					case 'E6.01': {
						const num = Math.round(mig * (0.01 + 0.05 * base) * effort * growth);
						push(dec((1000 * num) / mig), 'total', 'total', String(num), String(mig));
						break;
					}
				}
			});
		}
	}
	return rows;
}

export const STATISTIC_COLUMNS = [
	'ubigeo',
	'period',
	'indicator_id',
	'value',
	'numerator',
	'denominator',
	'sex',
	'nationality',
	'source'
] as const;

export function statisticsCsv(rows: readonly StatisticRow[]): string {
	const cells: Record<string, Cell>[] = rows.map((r) => ({
		ubigeo: r.ubigeo,
		period: r.period,
		indicator_id: r.indicatorId,
		value: r.value,
		numerator: r.numerator,
		denominator: r.denominator,
		sex: r.sex,
		nationality: r.nationality,
		source: r.source
	}));
	return toCsv(STATISTIC_COLUMNS, cells);
}
