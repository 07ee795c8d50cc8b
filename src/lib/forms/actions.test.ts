import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
	actionProblems,
	actionsCsv,
	daysOverdue,
	diffActions,
	isIsoDate,
	isOverdue,
	nextActionId,
	parseActionsCsv,
	sortActions,
	toActions,
	withStatus,
	type PlanAction
} from './actions';

function action(x: Partial<PlanAction>): PlanAction {
	return {
		action_id: 'PA-150101-01',
		ubigeo: '150101',
		indicator_id: 'D1.01',
		description: 'Aprobar la directiva',
		responsible: 'Gerencia de Desarrollo Social',
		due_date: '2025-06-30',
		status: 'pendiente',
		completed_on: null,
		...x
	};
}

const IDS = new Set(['D1.01', 'D1.02', 'D5.08']);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('nextActionId', () => {
	it('continues the district’s numbering and ignores other districts and other shapes', () => {
		expect(nextActionId('150101', [])).toBe('PA-150101-01');
		expect(
			nextActionId('150101', ['PA-150101-01', 'PA-150101-09', 'PA-150102-40', 'X-150101-77'])
		).toBe('PA-150101-10');
		expect(nextActionId('070101', ['PA-070101-99'])).toBe('PA-070101-100');
	});
});

describe('overdue', () => {
	it.each([
		// status, due, today, overdue
		['pendiente', '2025-06-30', '2025-07-01', true],
		['en_curso', '2025-06-30', '2025-07-01', true],
		['pendiente', '2025-06-30', '2025-06-30', false], // due today is not late yet
		['pendiente', '2025-06-30', '2025-06-29', false],
		['completada', '2025-06-30', '2025-08-01', false],
		['cancelada', '2025-06-30', '2025-08-01', false],
		['pendiente', null, '2025-08-01', false]
	] as const)('%s due %s on %s → %s', (status, due, today, overdue) => {
		expect(isOverdue(action({ status, due_date: due }), today)).toBe(overdue);
	});

	it('counts the days late, across a month end', () => {
		expect(daysOverdue(action({ due_date: '2025-06-30' }), '2025-07-03')).toBe(3);
		expect(
			daysOverdue(action({ due_date: '2025-06-30', status: 'completada' }), '2025-07-03')
		).toBe(0);
	});

	it('sorts overdue first, then open by due date, then closed', () => {
		const list = [
			action({ action_id: 'c', status: 'completada', due_date: '2025-01-01' }),
			action({ action_id: 'b', due_date: '2025-09-01' }),
			action({ action_id: 'a', due_date: '2025-05-01' }),
			action({ action_id: 'd', due_date: null })
		];
		expect(sortActions(list, '2025-06-01').map((x) => x.action_id)).toEqual(['a', 'b', 'd', 'c']);
	});
});

describe('status', () => {
	it('stamps completed_on when an action is completed, keeps it, and clears it when reopened', () => {
		const done = withStatus(action({}), 'completada', '2025-07-01');
		expect(done.completed_on).toBe('2025-07-01');
		expect(withStatus(done, 'completada', '2025-08-01').completed_on).toBe('2025-07-01');
		expect(withStatus(done, 'en_curso', '2025-08-01').completed_on).toBeNull();
	});

	it('flags what actions.csv would reject', () => {
		expect(
			actionProblems(action({ description: ' ', due_date: '2025-02-30', indicator_id: 'X' }), IDS)
		).toEqual(['description', 'due_date', 'indicator']);
		expect(actionProblems(action({ indicator_id: null, due_date: null }), IDS)).toEqual([]);
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2025-02-29')).toBe(false);
	});

	it('reads engine rows, with dates as ISO strings', () => {
		expect(
			toActions([
				{
					action_id: 'PA-1',
					ubigeo: '150101',
					indicator_id: null,
					description: 'x',
					responsible: '',
					due_date: '2025-05-31',
					status: 'en_curso',
					completed_on: null
				}
			])
		).toEqual([
			action({
				action_id: 'PA-1',
				indicator_id: null,
				description: 'x',
				responsible: null,
				due_date: '2025-05-31',
				status: 'en_curso'
			})
		]);
	});
});

describe('actions CSV', () => {
	it('round-trips exactly, with a BOM and formula-safe cells', () => {
		const list = [
			action({ description: '=cmd|" /C calc"!A0', responsible: '@alcaldía; “DEMUNA”' }),
			action({
				action_id: 'PA-150101-02',
				indicator_id: null,
				description: 'Dos\nlíneas, con "comillas"',
				responsible: null,
				due_date: null,
				status: 'completada',
				completed_on: '2025-03-04'
			})
		];
		const text = actionsCsv(list);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text).toContain(`"'=cmd|"" /C calc""!A0"`);
		const header = Papa.parse<string[]>(text.slice(1)).data[0];
		expect(header).toEqual([
			'action_id',
			'ubigeo',
			'indicator_id',
			'description',
			'responsible',
			'due_date',
			'status',
			'completed_on'
		]);
		const parsed = parseActionsCsv(bytes(text), { ubigeo: '150101', indicatorIds: IDS });
		expect(parsed.problems).toEqual([]);
		expect(parsed.actions).toEqual(list);
	});

	it('reads a Spanish spreadsheet with day-first dates and status synonyms, and names bad rows', () => {
		const text = [
			'ID acción;Distrito;Indicador;Descripción;Responsable;Plazo;Estado;Fecha de cierre',
			'PA-1;150101;D1.01;Aprobar la directiva;DEMUNA;31/05/2025;En proceso;',
			'PA-2;150101;D9.99;Indicador que no existe;;;pendiente;',
			'PA-3;150101;;Sin descripción válida?;;32/01/2025;pendiente;',
			'PA-4;150101;;;;;pendiente;',
			'PA-5;150101;;Estado raro;;;a medias;',
			'PA-6;150102;;Otro distrito;;;pendiente;',
			'PA-1;150101;D1.01;Repetida;;;pendiente;'
		].join('\n');
		const parsed = parseActionsCsv(bytes(text), { ubigeo: '150101', indicatorIds: IDS });
		expect(parsed.actions).toEqual([
			action({
				action_id: 'PA-1',
				description: 'Aprobar la directiva',
				responsible: 'DEMUNA',
				due_date: '2025-05-31',
				status: 'en_curso'
			})
		]);
		expect(parsed.otherDistricts).toBe(1);
		expect(parsed.problems.map((p) => [p.line, p.column])).toEqual([
			[3, 'indicator_id'],
			[4, 'due_date'],
			[5, 'description'],
			[6, 'status'],
			[8, 'action_id']
		]);
	});

	it('diffs an imported plan against the current one', () => {
		const current = [action({}), action({ action_id: 'PA-150101-02', status: 'en_curso' })];
		const incoming = [
			action({}),
			action({ action_id: 'PA-150101-02', status: 'completada', completed_on: '2025-06-01' }),
			action({ action_id: 'PA-150101-03', description: 'Nueva' })
		];
		expect(
			diffActions(current, incoming).map((c) => [
				c.action.action_id,
				c.kind,
				c.fields.map((f) => `${f.field}:${f.from}→${f.to}`)
			])
		).toEqual([
			['PA-150101-02', 'changed', ['status:en_curso→completada', 'completed_on:null→2025-06-01']],
			['PA-150101-03', 'new', []]
		]);
	});
});
