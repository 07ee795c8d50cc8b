/**
 * The demo data (data/generate.ts): its files, districts, framework and
 * assessments. Activities, statistics and actions: demo-data-records.test.ts.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../data/generate';
import {
	type Row,
	COLUMNS,
	ANSWERS,
	ROUNDS,
	data,
	districts,
	framework,
	assessments,
	activities,
	actions,
	ubigeos,
	kindOf,
	domainOf,
	INTEGER,
	NUMBER,
	isCalendarDate
} from './demo-data.shared';

describe('demo data: files', () => {
	it('is deterministic', () => {
		expect(generateDemoData()).toEqual(data);
	});

	it('matches the committed CSV files in data/ (run `npm run demo-data` after changing the generator)', () => {
		for (const [name, text] of Object.entries(data)) {
			const committed = readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
			expect(committed === text, `${name} is out of date`).toBe(true);
		}
	});

	it('parses with papaparse into the contract columns, keeping codes as text', () => {
		for (const name of Object.keys(COLUMNS)) {
			const result = Papa.parse<Row>(data[name], {
				header: true,
				dynamicTyping: false,
				skipEmptyLines: true
			});
			expect(result.errors, name).toEqual([]);
			expect(result.meta.fields, name).toEqual(COLUMNS[name]);
		}
		expect(districts.find((d) => d.name === 'Callao')?.ubigeo).toBe('070101');
	});

	it('has the six files, UTF-8 without BOM, \\n line endings and a final newline', () => {
		expect(Object.keys(data).sort()).toEqual(Object.keys(COLUMNS).sort());
		for (const [name, text] of Object.entries(data)) {
			expect(text.charCodeAt(0), name).not.toBe(0xfeff);
			expect(text.includes('\r'), name).toBe(false);
			expect(text.endsWith('\n'), name).toBe(true);
			expect(text.split('\n')[0], name).toBe(COLUMNS[name].join(','));
		}
	});

	it('has no date after 2025-12-31', () => {
		const dates = [
			...activities.map((a) => a.date),
			...assessments.map((a) => a.updated_at.slice(0, 10)),
			...actions.flatMap((a) => [a.due_date, a.completed_on]).filter(Boolean)
		];
		expect(dates.every((d) => d <= '2025-12-31')).toBe(true);
	});
});

describe('demo data: districts', () => {
	it('lists the 43 districts of Lima and the 7 of Callao', () => {
		expect(districts).toHaveLength(50);
		expect(districts.filter((d) => d.province === 'Lima')).toHaveLength(43);
		const callao = districts.filter((d) => d.province === 'Callao');
		expect(callao).toHaveLength(7);
		expect(callao.every((d) => d.ubigeo.startsWith('0701'))).toBe(true);
		expect(callao.map((d) => d.name)).toContain('Callao');
		expect(districts.find((d) => d.ubigeo === '070101')?.name).toBe('Callao');
	});

	it('has unique 6-digit ubigeos', () => {
		expect(districts.every((d) => /^\d{6}$/.test(d.ubigeo))).toBe(true);
		expect(ubigeos.size).toBe(50);
	});

	it('gives every district its own grid cell', () => {
		const cells = districts.map((d) => `${d.grid_row},${d.grid_col}`);
		expect(districts.every((d) => INTEGER.test(d.grid_row) && INTEGER.test(d.grid_col))).toBe(true);
		expect(new Set(cells).size).toBe(50);
	});

	it('has integer populations with migrants ≤ population', () => {
		for (const d of districts) {
			expect(INTEGER.test(d.population) && INTEGER.test(d.migrant_population), d.name).toBe(true);
			expect(Number(d.migrant_population), d.name).toBeLessThanOrEqual(Number(d.population));
		}
	});
});

describe('demo data: framework', () => {
	const policy = framework.filter((f) => f.kind === 'policy');
	const statistic = framework.filter((f) => f.kind === 'statistic');

	it('has at least 60 policy indicators, 8 or more in each domain', () => {
		expect(policy.length).toBeGreaterThanOrEqual(60);
		for (const k of ['1', '2', '3', '4', '5', '6'])
			expect(policy.filter((f) => f.domain === k).length, `domain ${k}`).toBeGreaterThanOrEqual(8);
	});

	it('has at least 6 statistic indicators with unit and direction', () => {
		expect(statistic.length).toBeGreaterThanOrEqual(6);
		for (const s of statistic) {
			expect(['count', 'percent', 'per_1000']).toContain(s.unit);
			expect(['true', 'false']).toContain(s.higher_is_better);
			expect(s.weight).toBe('');
		}
	});

	it('has positive weights on policy rows, not all equal', () => {
		for (const p of policy) {
			expect(NUMBER.test(p.weight) && Number(p.weight) > 0, p.indicator_id).toBe(true);
			expect(p.unit + p.higher_is_better, p.indicator_id).toBe('');
		}
		expect(new Set(policy.map((p) => p.weight)).size).toBeGreaterThan(1);
	});

	it('has unique ids and texts in both languages', () => {
		expect(new Set(framework.map((f) => f.indicator_id)).size).toBe(framework.length);
		expect(framework.every((f) => f.text_es && f.text_en && f.subarea)).toBe(true);
	});
});

describe('demo data: assessments', () => {
	const roundsOf = new Map<string, Set<string>>();
	for (const a of assessments) {
		if (!roundsOf.has(a.ubigeo)) roundsOf.set(a.ubigeo, new Set());
		roundsOf.get(a.ubigeo)?.add(a.round);
	}

	it('covers at least 20 districts over the rounds 2022 to 2024', () => {
		expect(roundsOf.size).toBeGreaterThanOrEqual(20);
		expect([...new Set(assessments.map((a) => a.round))].sort()).toEqual(ROUNDS);
	});

	it('has a district that joined in 2024 and one that joined in 2023', () => {
		const joined = [...roundsOf.values()].map((r) => [...r].sort().join(' '));
		expect(joined).toContain('2024');
		expect(joined).toContain('2023 2024');
	});

	it('uses all five answers', () => {
		expect([...new Set(assessments.map((a) => a.answer))].sort()).toEqual([...ANSWERS].sort());
	});

	it('has a unique key and valid references to districts and policy indicators', () => {
		const keys = new Set(assessments.map((a) => `${a.ubigeo}|${a.round}|${a.indicator_id}`));
		expect(keys.size).toBe(assessments.length);
		expect(assessments.every((a) => ubigeos.has(a.ubigeo))).toBe(true);
		expect(assessments.every((a) => kindOf.get(a.indicator_id) === 'policy')).toBe(true);
	});

	it('has ISO timestamps within the round year and only https links', () => {
		for (const a of assessments) {
			expect(a.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
			expect(a.updated_at.slice(0, 4)).toBe(a.round);
			expect(isCalendarDate(a.updated_at.slice(0, 10))).toBe(true);
			if (a.source_url) expect(a.source_url).toMatch(/^https:\/\/\S+$/);
		}
		expect(assessments.some((a) => a.source_url)).toBe(true);
	});

	it('leaves one whole domain unanswered in at least one district-round', () => {
		const answered = new Set(
			assessments
				.filter((a) => ['cumple', 'parcial', 'no_cumple'].includes(a.answer))
				.map((a) => `${a.ubigeo}|${a.round}|${domainOf.get(a.indicator_id)}`)
		);
		const districtRounds = new Set(assessments.map((a) => `${a.ubigeo}|${a.round}`));
		const gaps = [...districtRounds].flatMap((dr) =>
			['1', '2', '3', '4', '5', '6']
				.filter((k) => !answered.has(`${dr}|${k}`))
				.map((k) => `${dr}|${k}`)
		);
		expect(gaps.length).toBeGreaterThanOrEqual(1);
		// ...but most 2024 district-rounds answer something in every domain.
		const rounds2024 = [...districtRounds].filter((dr) => dr.endsWith('|2024'));
		const gaps2024 = new Set(
			gaps.filter((g) => g.split('|')[1] === '2024').map((g) => g.split('|')[0])
		);
		expect(gaps2024.size).toBeLessThan(rounds2024.length / 2);
	});

	it('has evidence that needs CSV quoting (commas and quotes)', () => {
		expect(assessments.some((a) => a.evidence.includes(','))).toBe(true);
		expect(assessments.some((a) => a.evidence.includes('"'))).toBe(true);
	});
});
