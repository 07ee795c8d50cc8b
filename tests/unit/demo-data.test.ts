import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../data/generate';

type Row = Record<string, string>;

/** Column names and order of the data contract (DESIGN.md §4), written out again on purpose. */
const COLUMNS: Record<string, string[]> = {
	'districts.csv': [
		'ubigeo',
		'name',
		'province',
		'department',
		'population',
		'migrant_population',
		'grid_row',
		'grid_col'
	],
	'framework.csv': [
		'indicator_id',
		'domain',
		'subarea',
		'kind',
		'text_es',
		'text_en',
		'guidance_es',
		'guidance_en',
		'weight',
		'unit',
		'higher_is_better'
	],
	'assessments.csv': [
		'ubigeo',
		'round',
		'indicator_id',
		'answer',
		'evidence',
		'source_url',
		'updated_at'
	],
	'statistics.csv': [
		'ubigeo',
		'period',
		'indicator_id',
		'value',
		'numerator',
		'denominator',
		'sex',
		'nationality',
		'source'
	],
	'activities.csv': [
		'activity_id',
		'date',
		'ubigeo',
		'type',
		'audience',
		'topic',
		'modality',
		'participants_total',
		'participants_women',
		'participants_men',
		'participants_migrants',
		'partner'
	],
	'actions.csv': [
		'action_id',
		'ubigeo',
		'indicator_id',
		'description',
		'responsible',
		'due_date',
		'status',
		'completed_on'
	]
};

const TYPES = [
	'sesion_informativa',
	'conversatorio',
	'desayuno_migratorio',
	'asistencia_tecnica',
	'capacitacion',
	'campana',
	'otro'
];
const AUDIENCES = [
	'entidad_publica',
	'gobierno_local',
	'sector_privado',
	'sociedad_civil',
	'comunidad_migrante',
	'comunidad_acogida',
	'cooperacion_internacional',
	'academia'
];
const TOPICS = [
	'regularizacion',
	'salud',
	'educacion',
	'trabajo',
	'proteccion_nna',
	'trata',
	'violencia_genero',
	'discriminacion',
	'integracion',
	'gobernanza',
	'otro'
];
const MODALITIES = ['presencial', 'virtual', 'mixta'];
const ANSWERS = ['cumple', 'parcial', 'no_cumple', 'no_aplica', 'no_sabe'];
const STATUSES = ['pendiente', 'en_curso', 'completada', 'cancelada'];
const YEARS = ['2021', '2022', '2023', '2024'];
const ROUNDS = ['2022', '2023', '2024'];

const data = generateDemoData();

/** Parsed as text, as the importer does: `dynamicTyping` would turn `070101` into 70101. */
function parse(name: string): Row[] {
	const result = Papa.parse<Row>(data[name], {
		header: true,
		dynamicTyping: false,
		skipEmptyLines: true
	});
	if (result.errors.length > 0) throw new Error(`${name}: ${JSON.stringify(result.errors[0])}`);
	return result.data;
}

const districts = parse('districts.csv');
const framework = parse('framework.csv');
const assessments = parse('assessments.csv');
const activities = parse('activities.csv');
const statistics = parse('statistics.csv');
const actions = parse('actions.csv');

const ubigeos = new Set(districts.map((d) => d.ubigeo));
const kindOf = new Map(framework.map((f) => [f.indicator_id, f.kind]));
const domainOf = new Map(framework.map((f) => [f.indicator_id, f.domain]));

const INTEGER = /^\d+$/;
const NUMBER = /^-?\d+(\.\d{1,2})?$/;

function isCalendarDate(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const t = new Date(Date.UTC(y, mo - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function countBy<T>(items: T[], key: (x: T) => string): Map<string, number> {
	const m = new Map<string, number>();
	for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
	return m;
}

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

describe('demo data: activities', () => {
	it('has at least 500 activities in each year from 2021 to 2024', () => {
		const perYear = countBy(activities, (a) => a.date.slice(0, 4));
		expect([...perYear.keys()].sort()).toEqual(YEARS);
		for (const y of YEARS) expect(perYear.get(y), y).toBeGreaterThanOrEqual(500);
	});

	it('uses every type, audience, topic and modality, and nothing else', () => {
		expect([...new Set(activities.map((a) => a.type))].sort()).toEqual([...TYPES].sort());
		expect([...new Set(activities.map((a) => a.audience))].sort()).toEqual([...AUDIENCES].sort());
		expect([...new Set(activities.map((a) => a.topic))].sort()).toEqual([...TOPICS].sort());
		expect([...new Set(activities.map((a) => a.modality))].sort()).toEqual([...MODALITIES].sort());
	});

	it('has consistent participant counts, none above 1,000', () => {
		for (const a of activities) {
			const [total, women, men, migrants] = [
				a.participants_total,
				a.participants_women,
				a.participants_men,
				a.participants_migrants
			];
			expect(
				[total, women, men, migrants].every((v) => INTEGER.test(v)),
				a.activity_id
			).toBe(true);
			expect(Number(women) + Number(men), a.activity_id).toBeLessThanOrEqual(Number(total));
			expect(Number(migrants), a.activity_id).toBeLessThanOrEqual(Number(total));
			expect(Number(total), a.activity_id).toBeLessThanOrEqual(1000);
		}
	});

	it('has unique ids, valid dates in date order and known districts and partners', () => {
		expect(new Set(activities.map((a) => a.activity_id)).size).toBe(activities.length);
		expect(activities.every((a) => isCalendarDate(a.date))).toBe(true);
		const dates = activities.map((a) => a.date);
		expect(dates).toEqual([...dates].sort());
		expect(activities.every((a) => ubigeos.has(a.ubigeo))).toBe(true);
		const partners = ['', 'OIM', 'ACNUR', 'UNICEF', 'GIZ', 'OIT', 'Cáritas', 'HIAS'];
		expect(activities.every((a) => partners.includes(a.partner))).toBe(true);
	});

	it('leaves some districts without any activity in some years', () => {
		const reached = new Set(activities.map((a) => `${a.ubigeo}|${a.date.slice(0, 4)}`));
		const missing = districts.flatMap((d) => YEARS.filter((y) => !reached.has(`${d.ubigeo}|${y}`)));
		expect(missing.length).toBeGreaterThan(0);
	});
});

describe('demo data: statistics', () => {
	it('references districts and statistic indicators, with valid splits and numbers', () => {
		expect(statistics.length).toBeGreaterThan(0);
		for (const s of statistics) {
			expect(ubigeos.has(s.ubigeo)).toBe(true);
			expect(kindOf.get(s.indicator_id)).toBe('statistic');
			expect(s.period).toMatch(/^\d{4}$/);
			expect(['total', 'mujer', 'hombre']).toContain(s.sex);
			expect(['total', 'peruana', 'extranjera']).toContain(s.nationality);
			expect(s.value).toMatch(NUMBER);
			if (s.numerator) expect(s.numerator).toMatch(INTEGER);
			if (s.denominator) expect(s.denominator).toMatch(INTEGER);
		}
		const keys = new Set(
			statistics.map((s) => `${s.ubigeo}|${s.period}|${s.indicator_id}|${s.sex}|${s.nationality}`)
		);
		expect(keys.size).toBe(statistics.length);
	});

	it('has count splits that add up to the total', () => {
		const unit = new Map(framework.map((f) => [f.indicator_id, f.unit]));
		const value = new Map(
			statistics.map((s) => [
				`${s.ubigeo}|${s.period}|${s.indicator_id}|${s.sex}|${s.nationality}`,
				s.value
			])
		);
		let checked = 0;
		for (const s of statistics) {
			if (unit.get(s.indicator_id) !== 'count' || s.sex !== 'total' || s.nationality !== 'total')
				continue;
			const k = `${s.ubigeo}|${s.period}|${s.indicator_id}`;
			for (const [a, b] of [
				['mujer|total', 'hombre|total'],
				['total|peruana', 'total|extranjera']
			]) {
				const x = value.get(`${k}|${a}`);
				const y = value.get(`${k}|${b}`);
				if (x === undefined || y === undefined) continue;
				expect(Number(x) + Number(y), k).toBe(Number(s.value));
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
	});
});

describe('demo data: actions', () => {
	it('has plans of 3 to 8 actions for at least 8 assessed districts', () => {
		const perDistrict = countBy(actions, (a) => a.ubigeo);
		expect(perDistrict.size).toBeGreaterThanOrEqual(8);
		for (const [u, n] of perDistrict) {
			expect(
				assessments.some((a) => a.ubigeo === u),
				u
			).toBe(true);
			expect(n, u).toBeGreaterThanOrEqual(3);
			expect(n, u).toBeLessThanOrEqual(8);
		}
		expect(new Set(actions.map((a) => a.action_id)).size).toBe(actions.length);
	});

	it('uses all four statuses, with completed_on only when completed', () => {
		expect([...new Set(actions.map((a) => a.status))].sort()).toEqual([...STATUSES].sort());
		for (const a of actions) {
			expect(a.description.length).toBeGreaterThan(0);
			expect(isCalendarDate(a.due_date), a.action_id).toBe(true);
			expect(a.due_date >= '2024-01-01' && a.due_date <= '2025-12-31', a.action_id).toBe(true);
			if (a.status === 'completada') expect(isCalendarDate(a.completed_on), a.action_id).toBe(true);
			else expect(a.completed_on, a.action_id).toBe('');
		}
	});

	it('links to indicators that were gaps in the latest round', () => {
		const latest = new Map<string, string>();
		for (const a of assessments)
			if ((latest.get(a.ubigeo) ?? '') < a.round) latest.set(a.ubigeo, a.round);
		const answer = new Map(
			assessments.map((a) => [`${a.ubigeo}|${a.round}|${a.indicator_id}`, a.answer])
		);
		const linked = actions.filter((a) => a.indicator_id);
		expect(linked.length).toBeGreaterThan(0);
		expect(actions.some((a) => !a.indicator_id)).toBe(true);
		for (const a of linked) {
			const ans = answer.get(`${a.ubigeo}|${latest.get(a.ubigeo)}|${a.indicator_id}`);
			expect(['no_cumple', 'parcial'], a.action_id).toContain(ans);
		}
	});
});
