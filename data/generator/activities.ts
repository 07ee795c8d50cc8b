import { DISTRICTS } from './districts';
import { cmp, daysInMonth, isoDate, pad, toCsv, weekday, type Cell } from './format';
import { createRng, type Rng } from './random';

export const ACTIVITY_YEARS = [2021, 2022, 2023, 2024] as const;

export const TYPES = [
	'sesion_informativa',
	'conversatorio',
	'desayuno_migratorio',
	'asistencia_tecnica',
	'capacitacion',
	'campana',
	'otro'
] as const;
export const AUDIENCES = [
	'entidad_publica',
	'gobierno_local',
	'sector_privado',
	'sociedad_civil',
	'comunidad_migrante',
	'comunidad_acogida',
	'cooperacion_internacional',
	'academia'
] as const;
export const TOPICS = [
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
] as const;
export const MODALITIES = ['presencial', 'virtual', 'mixta'] as const;
export const PARTNERS = ['OIM', 'ACNUR', 'UNICEF', 'GIZ', 'OIT', 'Cáritas', 'HIAS'] as const;

type ActivityType = (typeof TYPES)[number];
type Audience = (typeof AUDIENCES)[number];
type Topic = (typeof TOPICS)[number];
type Modality = (typeof MODALITIES)[number];
type Partner = (typeof PARTNERS)[number];

export interface ActivityRow {
	activityId: string;
	date: string;
	ubigeo: string;
	type: ActivityType;
	audience: Audience;
	topic: Topic;
	modality: Modality;
	total: number;
	women: number;
	men: number;
	migrants: number;
	partner: Partner | '';
}

/** Roughly 540 activities in 2021, growing to about 650 in 2024. */
const TARGET: Record<number, number> = { 2021: 540, 2022: 578, 2023: 612, 2024: 648 };

/** Districts the team never reached. */
export const NEVER_REACHED = ['150129', '150124']; // San Bartolo, Pucusana

/** Small or remote districts reached only in some years. */
export const REACHED_ONLY_IN: Record<string, number[]> = {
	'150138': [2024], // Santa María del Mar
	'150127': [2023], // Punta Negra
	'070105': [2022, 2024], // La Punta
	'150126': [2022, 2024], // Punta Hermosa
	'150109': [2022, 2023, 2024] // Cieneguilla
};

/** Districts with an active self-assessment get more technical assistance. */
const PRIORITY = new Set([
	'150101',
	'150132',
	'150135',
	'150117',
	'150105',
	'150115',
	'070101',
	'150103',
	'150110'
]);

/** Few activities in the summer holidays and late December; peaks in June–July and October–November. */
const MONTH_WEIGHT = [0.35, 0.45, 0.9, 1.0, 1.1, 1.45, 1.35, 1.0, 1.1, 1.45, 1.4, 0.55];

/** Peruvian public holidays on fixed dates, plus Holy Thursday and Good Friday. */
const FIXED_HOLIDAYS = [
	'01-01',
	'05-01',
	'06-29',
	'07-28',
	'07-29',
	'08-30',
	'10-08',
	'11-01',
	'12-08',
	'12-25'
];
const HOLY_WEEK: Record<number, string[]> = {
	2021: ['04-01', '04-02'],
	2022: ['04-14', '04-15'],
	2023: ['04-06', '04-07'],
	2024: ['03-28', '03-29']
};

const TYPE_WEIGHT: Record<ActivityType, number> = {
	sesion_informativa: 30,
	asistencia_tecnica: 20,
	capacitacion: 14,
	conversatorio: 10,
	desayuno_migratorio: 8,
	campana: 12,
	otro: 6
};

const AUDIENCE_BY_TYPE: Record<ActivityType, Partial<Record<Audience, number>>> = {
	sesion_informativa: {
		comunidad_migrante: 35,
		comunidad_acogida: 10,
		gobierno_local: 15,
		entidad_publica: 12,
		sociedad_civil: 12,
		sector_privado: 6,
		academia: 5,
		cooperacion_internacional: 5
	},
	asistencia_tecnica: {
		gobierno_local: 70,
		entidad_publica: 20,
		sociedad_civil: 5,
		cooperacion_internacional: 5
	},
	capacitacion: {
		gobierno_local: 35,
		entidad_publica: 30,
		sector_privado: 12,
		sociedad_civil: 13,
		academia: 10
	},
	conversatorio: {
		academia: 20,
		sociedad_civil: 25,
		cooperacion_internacional: 15,
		entidad_publica: 15,
		gobierno_local: 10,
		comunidad_migrante: 15
	},
	desayuno_migratorio: {
		gobierno_local: 35,
		sociedad_civil: 20,
		comunidad_migrante: 25,
		sector_privado: 10,
		cooperacion_internacional: 10
	},
	campana: { comunidad_migrante: 65, comunidad_acogida: 35 },
	otro: {
		comunidad_migrante: 25,
		comunidad_acogida: 15,
		sociedad_civil: 20,
		gobierno_local: 15,
		entidad_publica: 10,
		academia: 15
	}
};

const TOPIC_BY_TYPE: Record<ActivityType, Partial<Record<Topic, number>>> = {
	sesion_informativa: {
		regularizacion: 30,
		salud: 10,
		educacion: 8,
		trabajo: 12,
		proteccion_nna: 8,
		trata: 8,
		violencia_genero: 8,
		discriminacion: 6,
		integracion: 6,
		otro: 4
	},
	asistencia_tecnica: {
		gobernanza: 55,
		proteccion_nna: 15,
		integracion: 10,
		salud: 5,
		educacion: 5,
		regularizacion: 10
	},
	capacitacion: {
		gobernanza: 20,
		proteccion_nna: 15,
		trata: 15,
		violencia_genero: 12,
		discriminacion: 12,
		regularizacion: 14,
		salud: 6,
		integracion: 6
	},
	conversatorio: {
		integracion: 25,
		discriminacion: 20,
		trabajo: 15,
		gobernanza: 15,
		educacion: 10,
		violencia_genero: 10,
		otro: 5
	},
	desayuno_migratorio: { gobernanza: 40, integracion: 30, trabajo: 15, regularizacion: 15 },
	campana: {
		regularizacion: 45,
		salud: 25,
		educacion: 10,
		trabajo: 10,
		discriminacion: 5,
		trata: 5
	},
	otro: { otro: 50, integracion: 20, salud: 15, educacion: 15 }
};

/** [min, max] participants in person. */
const SIZE: Record<ActivityType, [number, number]> = {
	sesion_informativa: [10, 70],
	asistencia_tecnica: [4, 25],
	capacitacion: [12, 55],
	conversatorio: [20, 90],
	desayuno_migratorio: [15, 40],
	campana: [80, 650],
	otro: [8, 60]
};

const WOMEN_SHARE: Record<Audience, number> = {
	comunidad_migrante: 0.62,
	comunidad_acogida: 0.6,
	gobierno_local: 0.58,
	entidad_publica: 0.55,
	sector_privado: 0.45,
	sociedad_civil: 0.66,
	cooperacion_internacional: 0.6,
	academia: 0.55
};

/** [min, max] share of migrants among participants. */
const MIGRANT_SHARE: Record<Audience, [number, number]> = {
	comunidad_migrante: [0.75, 0.98],
	comunidad_acogida: [0.05, 0.3],
	gobierno_local: [0, 0.08],
	entidad_publica: [0, 0.08],
	sociedad_civil: [0.2, 0.6],
	sector_privado: [0, 0.2],
	cooperacion_internacional: [0.05, 0.3],
	academia: [0.02, 0.2]
};

const PARTNER_WEIGHT: Record<Partner, number> = {
	OIM: 28,
	ACNUR: 20,
	UNICEF: 12,
	GIZ: 9,
	OIT: 7,
	Cáritas: 12,
	HIAS: 12
};

/** Which partners usually back which topics. */
const PARTNER_TOPICS: Partial<Record<Topic, Partner[]>> = {
	proteccion_nna: ['UNICEF'],
	educacion: ['UNICEF'],
	trabajo: ['OIT', 'GIZ'],
	regularizacion: ['OIM', 'ACNUR'],
	trata: ['OIM'],
	violencia_genero: ['ACNUR', 'HIAS'],
	salud: ['OIM', 'Cáritas'],
	gobernanza: ['OIM', 'GIZ'],
	integracion: ['ACNUR', 'Cáritas']
};

function isHoliday(year: number, month: number, day: number): boolean {
	const md = `${pad(month)}-${pad(day)}`;
	return FIXED_HOLIDAYS.includes(md) || (HOLY_WEEK[year] ?? []).includes(md);
}

function pickDate(rng: Rng, year: number, allowSaturday: boolean): string {
	const months: Record<string, number> = {};
	MONTH_WEIGHT.forEach((w, i) => (months[String(i + 1)] = w));
	const month = Number(rng.weighted(months));
	// Offices close for the holidays: nothing after 19 December.
	const lastDay = month === 12 ? 19 : daysInMonth(year, month);
	for (;;) {
		const day = rng.int(1, lastDay);
		const wd = weekday(year, month, day);
		if (wd === 0 || (wd === 6 && !allowSaturday) || isHoliday(year, month, day)) continue;
		return isoDate(year, month, day);
	}
}

function clamp(x: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, x));
}

function makeActivity(rng: Rng, year: number, ubigeo: string): Omit<ActivityRow, 'activityId'> {
	const type = rng.weighted(TYPE_WEIGHT);
	const audience = rng.weighted(AUDIENCE_BY_TYPE[type] as Record<Audience, number>);
	const topic = rng.weighted(TOPIC_BY_TYPE[type] as Record<Topic, number>);
	const virtualShare = { 2021: 0.55, 2022: 0.3, 2023: 0.17, 2024: 0.13 }[year] ?? 0.15;
	let modality: Modality = 'presencial';
	if (type !== 'campana' && type !== 'desayuno_migratorio') {
		const r = rng.next();
		if (r < virtualShare) modality = 'virtual';
		else if (r < virtualShare + 0.08) modality = 'mixta';
	}
	const allowSaturday = (type === 'campana' || type === 'otro') && rng.chance(0.35);
	const date = pickDate(rng, year, allowSaturday);

	const [lo, hi] = SIZE[type];
	let total = lo + Math.round((hi - lo) * rng.next() ** 1.6);
	if (modality === 'virtual' && type !== 'asistencia_tecnica')
		total = Math.round(total * (1.3 + 0.7 * rng.next()));
	if (modality === 'mixta') total = Math.round(total * 1.2);
	total = clamp(total, 1, 1000);

	// Sex is recorded from the sign-in sheet; at campaigns and some virtual events not everyone signs.
	const recordedShare =
		type === 'campana' && rng.chance(0.2)
			? 0.5 + 0.4 * rng.next()
			: rng.chance(0.02)
				? 0.6 + 0.3 * rng.next()
				: 1;
	const recorded = Math.round(total * recordedShare);
	const womenShare = clamp(WOMEN_SHARE[audience] + 0.1 * rng.normal(), 0.1, 0.95);
	const women = Math.round(recorded * womenShare);
	const men = recorded - women;

	const [mlo, mhi] = MIGRANT_SHARE[audience];
	const migrants = clamp(Math.round(total * (mlo + (mhi - mlo) * rng.next())), 0, total);

	let partner: Partner | '' = '';
	if (rng.chance(0.55)) {
		const weights = { ...PARTNER_WEIGHT };
		for (const p of PARTNER_TOPICS[topic] ?? []) weights[p] *= 3;
		partner = rng.weighted(weights);
	}
	return { date, ubigeo, type, audience, topic, modality, total, women, men, migrants, partner };
}

/** How many activities each district gets in a year: more where more migrants live. */
function allocate(rng: Rng, year: number): Map<string, number> {
	const weights = new Map<string, number>();
	for (const d of DISTRICTS) {
		if (NEVER_REACHED.includes(d.ubigeo)) continue;
		const only = REACHED_ONLY_IN[d.ubigeo];
		if (only && !only.includes(year)) continue;
		const priority = PRIORITY.has(d.ubigeo) ? 1.35 : 1;
		weights.set(d.ubigeo, d.migrantPopulation ** 0.8 * priority * (0.8 + 0.4 * rng.next()));
	}
	let sum = 0;
	for (const w of weights.values()) sum += w;
	const counts = new Map<string, number>();
	for (const [u, w] of weights) counts.set(u, Math.max(1, Math.round((TARGET[year] * w) / sum)));
	return counts;
}

export function generateActivities(seed: number): ActivityRow[] {
	const rng = createRng(seed, 'activities');
	const out: ActivityRow[] = [];
	const order = new Map(DISTRICTS.map((d, i) => [d.ubigeo, i]));
	for (const year of ACTIVITY_YEARS) {
		const rows: Omit<ActivityRow, 'activityId'>[] = [];
		for (const [ubigeo, n] of allocate(rng, year)) {
			for (let i = 0; i < n; i++) rows.push(makeActivity(rng, year, ubigeo));
		}
		// Stable sort: same-day activities keep the district order.
		rows.sort(
			(a, b) => cmp(a.date, b.date) || (order.get(a.ubigeo) ?? 0) - (order.get(b.ubigeo) ?? 0)
		);
		rows.forEach((r, i) => out.push({ activityId: `ACT-${year}-${pad(i + 1, 4)}`, ...r }));
	}
	return out;
}

export const ACTIVITY_COLUMNS = [
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
] as const;

export function activitiesCsv(rows: readonly ActivityRow[]): string {
	const cells: Record<string, Cell>[] = rows.map((r) => ({
		activity_id: r.activityId,
		date: r.date,
		ubigeo: r.ubigeo,
		type: r.type,
		audience: r.audience,
		topic: r.topic,
		modality: r.modality,
		participants_total: String(r.total),
		participants_women: String(r.women),
		participants_men: String(r.men),
		participants_migrants: String(r.migrants),
		partner: r.partner
	}));
	return toCsv(ACTIVITY_COLUMNS, cells);
}
