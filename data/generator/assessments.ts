import { districtByUbigeo, municipalAcronym, type District } from './districts';
import { POLICY_INDICATORS, type EvidenceKind, type PolicyIndicator } from './framework';
import { addDays, cmp, daysInMonth, isoDate, pad, slug, toCsv, weekday, type Cell } from './format';
import { createRng, type Rng } from './random';

export const ROUNDS = ['2022', '2023', '2024'] as const;
export type Round = (typeof ROUNDS)[number];
export type Answer = 'cumple' | 'parcial' | 'no_cumple' | 'no_aplica' | 'no_sabe';

export interface AssessmentRow {
	ubigeo: string;
	round: Round;
	indicatorId: string;
	answer: Answer;
	evidence: string;
	sourceUrl: string;
	updatedAt: string;
}

/**
 * The assessed districts and their capacity per round (roughly the share of
 * indicators met; null = no self-assessment that round). Municipal elections
 * in October 2022 brought new authorities in January 2023, which explains the
 * districts that slip in 2023.
 */
const PROFILES: [string, number | null, number | null, number | null][] = [
	// steady improvers
	['150101', 0.45, 0.6, 0.76], // Lima
	['150132', 0.35, 0.5, 0.66], // San Juan de Lurigancho
	['150117', 0.3, 0.42, 0.55], // Los Olivos
	['150135', 0.4, 0.5, 0.62], // San Martín de Porres
	['150105', 0.25, 0.4, 0.55], // Breña
	['150122', 0.58, 0.7, 0.84], // Miraflores
	['070101', 0.35, 0.45, 0.58], // Callao
	['150140', 0.5, 0.6, 0.7], // Santiago de Surco
	['150113', 0.4, 0.5, 0.6], // Jesús María
	['150115', 0.3, 0.38, 0.5], // La Victoria
	['070102', 0.3, 0.4, 0.45], // Bellavista
	// stalled
	['150110', 0.3, 0.32, 0.3], // Comas
	['150103', 0.4, 0.42, 0.44], // Ate
	['150142', 0.35, 0.35, 0.37], // Villa El Salvador
	['150112', 0.25, 0.27, 0.26], // Independencia
	['150108', 0.3, 0.33, 0.31], // Chorrillos
	['150133', 0.2, 0.22, 0.25], // San Juan de Miraflores
	// slipped after the change of authorities
	['150120', 0.62, 0.45, 0.5], // Magdalena del Mar
	['150136', 0.55, 0.4, 0.42], // San Miguel
	['150125', 0.4, 0.28, 0.3], // Puente Piedra
	['150116', 0.5, 0.45, 0.38], // Lince
	['150128', 0.35, 0.3, 0.45], // Rímac: slipped, then recovered
	// late joiners
	['070106', null, 0.25, 0.38], // Ventanilla, from 2023
	['150106', null, null, 0.3] // Carabayllo, only 2024
];

/** District-rounds that leave one whole domain unanswered, so their overall score is empty. */
export const EMPTY_DOMAINS: { ubigeo: string; round: Round; domain: number }[] = [
	{ ubigeo: '150106', round: '2024', domain: 5 },
	{ ubigeo: '150128', round: '2022', domain: 3 }
];

/** District-rounds that answered every applicable indicator (`complete` in DESIGN.md §5). */
export const COMPLETE_ROUNDS: { ubigeo: string; round: Round }[] = [
	{ ubigeo: '150122', round: '2024' },
	{ ubigeo: '150101', round: '2024' },
	{ ubigeo: '150140', round: '2023' }
];

/** Some domains are harder than others everywhere (partnerships and crises lag behind). */
const DOMAIN_BIAS: Record<number, number> = { 1: 0.05, 2: 0, 3: -0.06, 4: 0.02, 5: -0.1, 6: -0.02 };

const MONTHS = [
	'enero',
	'febrero',
	'marzo',
	'abril',
	'mayo',
	'junio',
	'julio',
	'agosto',
	'setiembre',
	'octubre',
	'noviembre',
	'diciembre'
];

/** Initials of the office that signs a report or directive, e.g. `GDS` for Gerencia de Desarrollo Social. */
function officeAcronym(office: string): string {
	if (office === 'DEMUNA') return 'DEMUNA';
	return office
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(' ')
		.filter((w) => !['de', 'del', 'la', 'los', 'las', 'y', 'a', 'al'].includes(w))
		.map((w) => w[0].toUpperCase())
		.join('');
}

function dmy(date: string): string {
	const [y, m, d] = date.split('-');
	return `${d}/${m}/${y}`;
}

/** A working day in the given month (Monday to Friday). */
function workingDay(rng: Rng, year: number, month: number): string {
	for (;;) {
		const day = rng.int(1, daysInMonth(year, month));
		const wd = weekday(year, month, day);
		if (wd !== 0 && wd !== 6) return isoDate(year, month, day);
	}
}

interface Evidence {
	text: string;
	url: string;
}

/** Document numbers grow through the year, as in a real municipal register. */
class Numbering {
	private next = new Map<string, number>();
	constructor(private rng: Rng) {}
	take(key: string, start: [number, number]): number {
		const n = this.next.get(key) ?? this.rng.int(start[0], start[1]);
		this.next.set(key, n + this.rng.int(3, 40));
		return n;
	}
}

function documentEvidence(
	rng: Rng,
	numbers: Numbering,
	district: District,
	ind: PolicyIndicator,
	docDate: string
): Evidence {
	const [kind, detailRaw] = ind.evidence;
	const detail = rng.pick(detailRaw.split('|'));
	const year = docDate.slice(0, 4);
	const acr = municipalAcronym(district);
	const inst = `muni${slug(district.name)}`;
	const office = officeAcronym(ind.office);
	const gobId = () => String(rng.int(2100000, 6900000));
	let text: string;
	let url = '';
	switch (kind) {
		case 'ordenanza': {
			const n = numbers.take(`${district.ubigeo}-ord-${year}`, [180, 620]);
			text = `Ordenanza Municipal N.° ${pad(n, 3)}-${year}-${acr}, ${detail}`;
			if (rng.chance(0.65))
				url = `https://www.gob.pe/institucion/${inst}/normas-legales/${gobId()}-${pad(n, 3)}-${year}-${acr.toLowerCase()}`;
			break;
		}
		case 'resolucion': {
			const n = numbers.take(`${district.ubigeo}-ra-${year}`, [20, 380]);
			text = `Resolución de Alcaldía N.° ${pad(n, 4)}-${year}-${acr}, ${detail}`;
			if (rng.chance(0.55))
				url = `https://www.gob.pe/institucion/${inst}/normas-legales/${gobId()}-${pad(n, 4)}-${year}-${acr.toLowerCase()}`;
			break;
		}
		case 'directiva': {
			const n = numbers.take(`${district.ubigeo}-dir-${year}`, [1, 12]);
			text = `Directiva N.° ${pad(n, 3)}-${year}-${office}-${acr} "${detail}"`;
			if (rng.chance(0.4))
				url = `https://www.gob.pe/institucion/${inst}/normas-legales/${gobId()}-directiva-n-${pad(n, 3)}-${year}-${office.toLowerCase()}-${acr.toLowerCase()}`;
			break;
		}
		case 'convenio': {
			const signed = dmy(docDate);
			text = rng.chance(0.75)
				? `Convenio con ${detail} suscrito el ${signed}`
				: `Carta de entendimiento con ${detail}, firmada el ${signed}`;
			if (rng.chance(0.3))
				url = `https://www.gob.pe/institucion/${inst}/informes-publicaciones/${gobId()}-convenio-con-${slugWords(detail)}`;
			break;
		}
		case 'registro': {
			const month = MONTHS[Number(docDate.slice(5, 7)) - 1];
			text = `Captura del ${detail} con el campo «nacionalidad» (${month} ${year})`;
			break;
		}
		case 'informe': {
			const n = numbers.take(`${district.ubigeo}-inf-${office}-${year}`, [8, 160]);
			const head = `Informe N.° ${pad(n, 3)}-${year}-${office}-${acr}`;
			text = detail.includes('{n}')
				? `${head}: ${detail.replace('{n}', String(rng.int(12, 420)))}`
				: `${head} sobre ${detail}`;
			break;
		}
		case 'acta':
			text = `Acta ${detail} del ${dmy(docDate)}`;
			break;
		case 'plan': {
			const y = Number(year);
			const n = numbers.take(`${district.ubigeo}-ord-${year}`, [180, 620]);
			text = `${detail} ${y}-${y + rng.int(2, 3)}, aprobado por Ordenanza Municipal N.° ${pad(n, 3)}-${year}-${acr}`;
			if (rng.chance(0.5))
				url = `https://www.gob.pe/institucion/${inst}/normas-legales/${gobId()}-${pad(n, 3)}-${year}-${acr.toLowerCase()}`;
			break;
		}
		case 'publicacion':
			if (rng.chance(0.5)) {
				text = `Nota de prensa del ${dmy(docDate)}: ${detail}`;
				url = `https://www.gob.pe/institucion/${inst}/noticias/${gobId()}-${slugWords(detail)}`;
			} else {
				text = `Publicación en las redes sociales de la municipalidad: ${detail} (${dmy(docDate)})`;
			}
			break;
		case 'lista':
			text = `Lista de asistencia: ${detail}, ${dmy(docDate)}`;
			break;
	}
	return { text, url };
}

function slugWords(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.split('-')
		.slice(0, 8)
		.join('-');
}

function partialEvidence(rng: Rng, ind: PolicyIndicator, year: number): string {
	const [kind] = ind.evidence;
	const reviewer = ind.office === 'DEMUNA' ? 'Gerencia de Asesoría Jurídica' : ind.office;
	const common = [
		`Avance parcial; se completará en ${year + 1}`,
		`Coordinaciones iniciadas por oficio en ${MONTHS[rng.int(1, 9)]} ${year}`
	];
	const byKind: Record<EvidenceKind, string[]> = {
		ordenanza: [
			'Proyecto de ordenanza presentado al Concejo Municipal',
			`Borrador de ordenanza en revisión por la ${reviewer}`,
			'La ordenanza vigente no menciona la nacionalidad'
		],
		resolucion: [
			`Propuesta de resolución en revisión por la ${reviewer}`,
			'Designación verbal, sin resolución'
		],
		directiva: [
			`Borrador de directiva en revisión por la ${reviewer}`,
			'Se aplica en la práctica, sin norma aprobada',
			'El personal indica que "se atiende a todos", pero no hay protocolo escrito'
		],
		plan: [
			'El plan menciona a la población migrante, sin metas ni presupuesto',
			'Plan en actualización'
		],
		convenio: [
			'Convenio en negociación',
			'Acuerdo verbal, pendiente de formalizar',
			'Actividades puntuales, sin acuerdo firmado'
		],
		registro: [
			'Solo algunos registros tienen el campo de nacionalidad',
			'Se registra en papel, no en el sistema'
		],
		informe: [
			'Se atiende a personas migrantes, pero no hay registro sistemático',
			'Solo en algunos programas, no en todos'
		],
		acta: ['Participación ocasional, sin actas', 'Acuerdo verbal, pendiente de formalizar'],
		publicacion: ['Publicaciones aisladas, sin campaña', 'Información desactualizada en el portal'],
		lista: ['Solo una parte del personal fue capacitada', 'Actividad realizada hace más de un año']
	};
	return rng.pick([...byKind[kind], ...common]);
}

/** Documents that stay valid from round to round; minutes, lists and posts must be recent. */
const DURABLE: EvidenceKind[] = ['ordenanza', 'resolucion', 'directiva', 'convenio', 'plan'];

/** The same date, or the next Monday to Friday. */
function workingDayFrom(date: string): string {
	let d = date;
	for (;;) {
		const [y, m, day] = d.split('-').map(Number);
		const wd = weekday(y, m, day);
		if (wd !== 0 && wd !== 6) return d;
		d = addDays(d, 1);
	}
}

export interface AssessmentResult {
	rows: AssessmentRow[];
	/** The latest round of each assessed district. */
	latestRound: Map<string, Round>;
}

export function generateAssessments(seed: number): AssessmentResult {
	const rng = createRng(seed, 'assessments');
	const numbers = new Numbering(rng);
	const rows: AssessmentRow[] = [];
	const latestRound = new Map<string, Round>();

	// Fixed per indicator: some are easier everywhere.
	const ease = new Map<string, number>();
	for (const ind of POLICY_INDICATORS)
		ease.set(ind.id, DOMAIN_BIAS[ind.domain] + 0.1 * rng.normal());

	for (const [ubigeo, ...caps] of PROFILES) {
		const district = districtByUbigeo(ubigeo);
		const domainOffset = [0, 1, 2, 3, 4, 5, 6].map(() => 0.1 * rng.normal());
		const persistent = new Map<string, number>();
		const notApplicable = new Set<string>();
		for (const ind of POLICY_INDICATORS) {
			persistent.set(ind.id, 0.14 * rng.normal());
			const smallDistrict = district.population < 100000;
			if (ind.notApplicableEs && rng.chance(smallDistrict ? 0.5 : 0.25)) notApplicable.add(ind.id);
		}
		const previous = new Map<string, { answer: Answer; evidence: Evidence }>();

		ROUNDS.forEach((round, ri) => {
			const cap = caps[ri];
			if (cap === null) return;
			latestRound.set(ubigeo, round);
			const year = Number(round);
			const workshop = workingDay(rng, year, rng.int(4, 11));
			const complete = COMPLETE_ROUNDS.some((c) => c.ubigeo === ubigeo && c.round === round);
			const skipRate = complete ? 0 : [0.05, 0.035, 0.02][ri];
			const unsureRate = complete ? 0 : 0.02 + 0.06 * (1 - cap);
			const emptyDomain = EMPTY_DOMAINS.find(
				(e) => e.ubigeo === ubigeo && e.round === round
			)?.domain;

			for (const ind of POLICY_INDICATORS) {
				const updatedAt = (() => {
					const date = workingDayFrom(addDays(workshop, rng.int(0, 14)));
					return `${date}T${pad(rng.int(13, 22))}:${pad(rng.int(0, 59))}:00Z`;
				})();
				let answer: Answer;
				let evidence: Evidence = { text: '', url: '' };

				if (ind.domain === emptyDomain) {
					// The team skipped this section: a few "no sabe", the rest blank.
					if (!rng.chance(0.4)) continue;
					answer = 'no_sabe';
				} else if (notApplicable.has(ind.id)) {
					answer = 'no_aplica';
					evidence = { text: ind.notApplicableEs ?? '', url: '' };
				} else if (rng.chance(skipRate)) {
					continue;
				} else if (rng.chance(unsureRate)) {
					answer = 'no_sabe';
					if (rng.chance(0.3)) evidence = { text: `Consultar con ${ind.office}`, url: '' };
				} else {
					const latent =
						cap +
						domainOffset[ind.domain] +
						(ease.get(ind.id) ?? 0) +
						(persistent.get(ind.id) ?? 0) +
						0.06 * rng.normal();
					answer = latent >= 0.58 ? 'cumple' : latent >= 0.3 ? 'parcial' : 'no_cumple';
					const prev = previous.get(ind.id);
					if (answer === 'cumple') {
						if (
							prev?.answer === 'cumple' &&
							prev.evidence.text &&
							DURABLE.includes(ind.evidence[0])
						) {
							// The same ordinance still stands: keep its reference.
							evidence = prev.evidence;
						} else if (rng.chance(0.9)) {
							const durable = DURABLE.includes(ind.evidence[0]);
							const docYear = year - (prev || !durable ? 0 : rng.pick([0, 0, 1, 2]));
							const docMonth =
								docYear === year
									? rng.int(1, Math.max(1, Number(workshop.slice(5, 7)) - 1))
									: rng.int(1, 12);
							evidence = documentEvidence(
								rng,
								numbers,
								district,
								ind,
								workingDay(rng, docYear, docMonth)
							);
						} else {
							evidence = { text: 'Verificado en la visita de asistencia técnica', url: '' };
						}
					} else if (answer === 'parcial') {
						if (rng.chance(0.8)) evidence = { text: partialEvidence(rng, ind, year), url: '' };
					} else if (rng.chance(0.12)) {
						evidence = {
							text: rng.pick([
								'No se cuenta con el documento',
								`Pendiente para ${year + 1}`,
								'No hay presupuesto asignado'
							]),
							url: ''
						};
					}
				}
				previous.set(ind.id, { answer, evidence });
				rows.push({
					ubigeo,
					round,
					indicatorId: ind.id,
					answer,
					evidence: evidence.text,
					sourceUrl: evidence.url,
					updatedAt
				});
			}
		});
	}

	const order = new Map(POLICY_INDICATORS.map((p, i) => [p.id, i]));
	const districtOrder = new Map(PROFILES.map(([u], i) => [u, i]));
	rows.sort(
		(a, b) =>
			cmp(a.round, b.round) ||
			(districtOrder.get(a.ubigeo) ?? 0) - (districtOrder.get(b.ubigeo) ?? 0) ||
			(order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0)
	);
	return { rows, latestRound };
}

export const ASSESSMENT_COLUMNS = [
	'ubigeo',
	'round',
	'indicator_id',
	'answer',
	'evidence',
	'source_url',
	'updated_at'
] as const;

export function assessmentsCsv(rows: readonly AssessmentRow[]): string {
	const cells: Record<string, Cell>[] = rows.map((r) => ({
		ubigeo: r.ubigeo,
		round: r.round,
		indicator_id: r.indicatorId,
		answer: r.answer,
		evidence: r.evidence,
		source_url: r.sourceUrl,
		updated_at: r.updatedAt
	}));
	return toCsv(ASSESSMENT_COLUMNS, cells);
}
