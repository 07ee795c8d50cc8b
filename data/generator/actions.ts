import type { AssessmentResult } from './assessments';
import { POLICY_INDICATORS } from './framework';
import { addDays, cmp, daysInMonth, isoDate, toCsv, type Cell } from './format';
import { createRng, type Rng } from './random';

export type ActionStatus = 'pendiente' | 'en_curso' | 'completada' | 'cancelada';

export interface ActionRow {
	actionId: string;
	ubigeo: string;
	indicatorId: string;
	description: string;
	responsible: string;
	dueDate: string;
	status: ActionStatus;
	completedOn: string;
}

/** Districts that turned their latest self-assessment into an action plan. */
export const PLAN_DISTRICTS = [
	'150101', // Lima
	'150132', // San Juan de Lurigancho
	'150117', // Los Olivos
	'150135', // San Martín de Porres
	'150105', // Breña
	'070101', // Callao
	'150110', // Comas
	'150115', // La Victoria
	'070106', // Ventanilla
	'150120' // Magdalena del Mar
];

/** Actions that do not belong to one indicator. */
const GENERAL_ACTIONS: [string, string][] = [
	['Conformar el equipo técnico municipal de gobernanza migratoria.', 'Gerencia Municipal'],
	[
		'Presentar los resultados de la autoevaluación al Concejo Municipal.',
		'Gerencia de Desarrollo Social'
	],
	[
		'Repetir la autoevaluación en 2025 con la participación de todas las gerencias.',
		'Gerencia de Desarrollo Social'
	],
	[
		'Solicitar asistencia técnica a la Unidad de Integración Migratoria de MIGRACIONES para el seguimiento del plan.',
		'Gerencia de Desarrollo Social'
	]
];

/**
 * A due date 2 to 18 months after the plan starts, on the 15th or the last day
 * of a month, and never after 2025: a later date would be a "future date"
 * warning for the validator.
 */
function dueDateAfter(rng: Rng, start: string): string {
	const [y, m] = start.split('-').map(Number);
	const from = y * 12 + (m - 1) + 2;
	const to = Math.min(from + 16, 2025 * 12 + 11);
	const k = rng.int(from, to);
	const year = Math.floor(k / 12);
	const month = (k % 12) + 1;
	return isoDate(year, month, rng.chance(0.5) ? 15 : daysInMonth(year, month));
}

function minDate(a: string, b: string): string {
	return cmp(a, b) <= 0 ? a : b;
}

export function generateActions(seed: number, assessments: AssessmentResult): ActionRow[] {
	const rng = createRng(seed, 'actions');
	const indicator = new Map(POLICY_INDICATORS.map((p) => [p.id, p]));
	const out: ActionRow[] = [];

	for (const ubigeo of PLAN_DISTRICTS) {
		const round = assessments.latestRound.get(ubigeo);
		if (!round) throw new Error(`no assessment for ${ubigeo}`);
		const latest = assessments.rows.filter((r) => r.ubigeo === ubigeo && r.round === round);
		// The plan starts once the self-assessment is closed.
		const start = latest
			.map((r) => r.updatedAt.slice(0, 10))
			.reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
		// Gaps that weigh more come first, with some variety between districts; a missing answer is not a gap.
		const gaps = latest
			.filter((r) => r.answer === 'no_cumple' || r.answer === 'parcial')
			.map((r) => ({ r, key: (indicator.get(r.indicatorId)?.weight ?? 1) + 2 * rng.next() }))
			.sort((a, b) => b.key - a.key)
			.map((x) => x.r);
		const nIndicator = Math.min(gaps.length, rng.int(3, 7));
		const items: [string, string, string][] = gaps.slice(0, nIndicator).map((g) => {
			const ind = indicator.get(g.indicatorId);
			if (!ind) throw new Error(`unknown indicator ${g.indicatorId}`);
			return [ind.id, ind.actionEs, ind.office];
		});
		const nGeneral = items.length < 8 ? rng.int(0, Math.min(2, 8 - items.length)) : 0;
		for (const [description, office] of rng.shuffle(GENERAL_ACTIONS).slice(0, nGeneral))
			items.push(['', description, office]);
		if (items.length < 3) throw new Error(`too few actions for ${ubigeo}`);

		items.forEach(([indicatorId, description, responsible], i) => {
			const dueDate = dueDateAfter(rng, start);
			const early = cmp(dueDate, '2025-01-01') < 0;
			const status = rng.weighted<ActionStatus>(
				early
					? { completada: 55, en_curso: 22, pendiente: 13, cancelada: 10 }
					: { completada: 22, en_curso: 40, pendiente: 33, cancelada: 5 }
			);
			let completedOn = '';
			if (status === 'completada') {
				completedOn = minDate(addDays(start, rng.int(20, 540)), addDays(dueDate, rng.int(-30, 45)));
				if (cmp(completedOn, start) <= 0) completedOn = addDays(start, 20);
				completedOn = minDate(completedOn, '2025-11-28');
			}
			out.push({
				actionId: `PA-${ubigeo}-${String(i + 1).padStart(2, '0')}`,
				ubigeo,
				indicatorId,
				description,
				responsible,
				dueDate,
				status,
				completedOn
			});
		});
	}
	return out;
}

export const ACTION_COLUMNS = [
	'action_id',
	'ubigeo',
	'indicator_id',
	'description',
	'responsible',
	'due_date',
	'status',
	'completed_on'
] as const;

export function actionsCsv(rows: readonly ActionRow[]): string {
	const cells: Record<string, Cell>[] = rows.map((r) => ({
		action_id: r.actionId,
		ubigeo: r.ubigeo,
		indicator_id: r.indicatorId,
		description: r.description,
		responsible: r.responsible,
		due_date: r.dueDate,
		status: r.status,
		completed_on: r.completedOn
	}));
	return toCsv(ACTION_COLUMNS, cells);
}
